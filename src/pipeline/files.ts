import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readArticle } from './article.ts';
import { displayPath, markdownFiles } from './inputs.ts';
import type { Article, Problem, Story } from './types.ts';

export { displayPath, markdownFiles } from './inputs.ts';

export interface LoadedArticles {
  articles: Article[];
  problems: Problem[];
}

/** Detects articles given twice: the same URL, or the same outlet and title. */
export function duplicateProblems(articles: Article[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Article>();
  for (const article of [...articles].sort((a, b) => a.file.localeCompare(b.file))) {
    const keys = [`title:${article.meta.outlet.toLowerCase()}|${article.meta.title.toLowerCase()}`];
    if (article.meta.url) keys.push(`url:${article.meta.url.replace(/[#?].*$/, '').replace(/\/$/, '')}`);
    for (const key of keys) {
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: article.file,
          line: 2,
          column: 1,
          message: `Unexpected duplicate of ${first.file} (same ${key.startsWith('url') ? 'url' : 'outlet and title'}), expected each article once`,
          rule: 'article-duplicate',
          severity: 'error',
        });
        break;
      }
      seen.set(key, article);
    }
  }
  return problems;
}

/** Reads every article, collecting every problem in every file rather than stopping at the first. */
export function loadArticles(paths: string[], now?: Date): LoadedArticles {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for (const file of markdownFiles(paths)) {
    const result = readArticle(displayPath(file), now);
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
  }
  problems.push(...duplicateProblems(articles));
  return { articles, problems };
}

/** The story's title and intro from `content/story.yaml`, when present. */
export function loadStory(contentDir: string): Partial<Pick<Story, 'title' | 'description'>> {
  const file = join(contentDir, 'story.yaml');
  if (!existsSync(file)) return {};
  const data = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  const story: Partial<Pick<Story, 'title' | 'description'>> = {};
  if (typeof data?.title === 'string') story.title = data.title;
  if (typeof data?.description === 'string') story.description = data.description;
  return story;
}
