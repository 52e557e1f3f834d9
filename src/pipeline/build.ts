import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorrections } from './corrections.ts';
import { displayPath, loadArticles, loadStory, markdownFiles } from './files.ts';
import { renderArticle } from './render.ts';
import { buildTimeline } from './timeline.ts';
import type { Problem, Timeline } from './types.ts';

/** An article ready for its page: metadata, rendered body, and which events cite which sentences. */
export interface RenderedArticle {
  id: string;
  file: string;
  meta: Timeline['articles'][number]['meta'];
  html: string;
  /** Sentence id → events citing it. */
  cited: Record<string, Array<{ id: string; title: string }>>;
  sentences: number;
}

export interface SiteBuild {
  timeline: Timeline;
  articles: RenderedArticle[];
  problems: Problem[];
}

/**
 * Everything the site needs from `content/`: the timeline and each article's
 * HTML. Memoised on the files' names, sizes and modification times, so the
 * three content collections (and `astro dev` reloads that touch nothing) share
 * one run.
 */
let memo: { key: string; build: SiteBuild } | undefined;

export function buildSite(contentDir: string): SiteBuild {
  const articlesDir = join(contentDir, 'articles');
  const files = markdownFiles([articlesDir]);
  const story = join(contentDir, 'story.yaml');
  const correctionsFile = join(contentDir, 'corrections.yaml');
  const key = [...files, story, correctionsFile]
    .map((f) => {
      try {
        const s = statSync(f);
        return `${f}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
  if (memo?.key === key) return memo.build;

  const { articles, problems } = loadArticles([articlesDir]);
  const corrections = loadCorrections(displayPath(correctionsFile), articles);
  problems.push(...corrections.problems);
  const timeline = buildTimeline(articles, { story: loadStory(contentDir), corrections: corrections.entries });
  const citedBy = new Map<string, Map<string, Array<{ id: string; title: string }>>>();
  for (const event of timeline.events) {
    for (const source of event.sources) {
      const byArticle = citedBy.get(source.article) ?? new Map<string, Array<{ id: string; title: string }>>();
      const list = byArticle.get(source.sentence) ?? [];
      list.push({ id: event.id, title: event.title });
      byArticle.set(source.sentence, list);
      citedBy.set(source.article, byArticle);
    }
  }
  const rendered = timeline.articles.map((article) => {
    const cited = citedBy.get(article.id) ?? new Map();
    return {
      id: article.id,
      file: article.file,
      meta: article.meta,
      html: renderArticle(article.body, { cited }),
      cited: Object.fromEntries(cited),
      sentences: article.sentences.length,
    };
  });
  const build = { timeline, articles: rendered, problems };
  memo = { key, build };
  return build;
}
