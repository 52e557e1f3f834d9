import { join, resolve } from 'node:path';
import { parseArticle } from './article.ts';
import { articleEntry, bodyKey, type ArticleBody, type ArticleEntry } from './bodies.ts';
import { candidatesOf } from './candidates.ts';
import { cacheFor, DiskCache, hashOf } from './cache.ts';
import { loadCorrections } from './corrections.ts';
import { entitiesOf, primeEntities, primePeopleEntry, tagging, type Entities, type PeopleEntry } from './entities.ts';
import { displayPath, duplicateProblems, loadStory } from './files.ts';
import { inputHash, inputsOf, readInput, statKey } from './inputs.ts';
import { brokenLinks, internalLinks, type InternalLink } from './links.ts';
import { mentionsOf } from './mentions.ts';
import { citeSentences, renderSegmented } from './render.ts';
import { buildTimeline } from './timeline.ts';
import type { Article, Mention, Omission, Problem, Story, Timeline, TimelineEvent } from './types.ts';

export type { ArticleEntry } from './bodies.ts';

export interface SiteBuild {
  timeline: Timeline;
  /** Each article with the events that cite it; its body (rendered text, sentences left out) in a file when there is a cache. */
  articles: ArticleEntry[];
  problems: Problem[];
  /** Milliseconds per stage, and cache hits and misses. */
  stats: Record<string, number>;
}

/** What one article yields on its own, whatever the other articles say: cached between builds. */
export interface ArticleWork {
  /** The key it is cached under (`articleKey`). */
  key: string;
  article: Article;
  links: InternalLink[];
  mentions: Array<[string, Mention[]]>;
  /**
   * Its body as HTML, its sentences marked (only fresh from analysis: the
   * cache keeps it apart, read only when the article's page changes; see `htmlOf`).
   */
  html?: string | undefined;
  /** People and places of the sentences that can become events, by sentence id (its text is in `article`). */
  entities: Array<[string, Entities]>;
}

/** The key an article's work is cached under: its path as shown to editors, and its text's hash (`inputHash`). */
export function articleKey(path: string, sourceHash: string): string {
  return hashOf(path, sourceHash);
}

/**
 * What one article yields on its own: from the disk cache when its text and the
 * pipeline's code are unchanged, else computed and cached. Articles with
 * problems are never cached ("published in the future" changes with the day).
 */
export function analyseFile(file: string, cache: DiskCache | undefined): { work?: ArticleWork; problems: Problem[] } {
  const path = displayPath(file);
  const cacheKey = articleKey(path, inputHash(file, cache?.inputs));
  const cached = cache?.get<ArticleWork>('article', cacheKey);
  if (cached) {
    const textOf = new Map(cached.article.sentences.map((sentence) => [sentence.id, sentence.text]));
    for (const [id, found] of cached.entities) {
      const text = textOf.get(id);
      if (text !== undefined) primeEntities(text, found);
    }
    return { work: cached, problems: [] };
  }
  const parsed = parseArticle(path, readInput(file));
  if (!parsed.article || !parsed.segmented) return { problems: parsed.problems };
  const mentions = mentionsOf(parsed.article);
  const links = internalLinks(parsed.segmented, parsed.article.bodyLine);
  const html = renderSegmented(parsed.segmented);
  // People and places of the sentences that can become events (compromise is the slow part):
  // kept apart, by sentence text, so that a change to the rest of the pipeline does not tag them
  // again. Written only when compromise tagged one of them here: a sentence this process had
  // already tagged (a wire copy's) is not worth another file.
  const sentences = candidatesOf(parsed.article, mentions, '').candidates.map((c) => c.sentence);
  primePeopleEntry(cache?.people.get('sentences', cacheKey));
  const tagged = tagging.sentences;
  const entities: Array<[string, Entities]> = sentences.map((s) => [s.id, entitiesOf(s.text)]);
  if (tagging.sentences > tagged) cache?.people.set('sentences', cacheKey, sentences.map((s, i): PeopleEntry[number] => [s.text, entities[i]![1]]));
  const work = { key: cacheKey, article: parsed.article, links, mentions: [...mentions], entities };
  cache?.set('article', cacheKey, { ...work, article: { ...parsed.article, body: undefined } });
  cache?.set('html', cacheKey, html);
  return { work: { ...work, html }, problems: parsed.problems };
}

/** An article's body as HTML, sentences marked: from the analysis, else from the cache, else rendered again. */
function htmlOf(work: ArticleWork, cache: DiskCache | undefined): string {
  if (work.html !== undefined) return work.html;
  const cached = cache?.get<string>('html', work.key);
  if (typeof cached === 'string') return cached;
  const { segmented } = parseArticle(work.article.file, readInput(resolve(work.article.file)));
  return segmented ? renderSegmented(segmented) : '';
}

export interface BuildOptions {
  /** Folder of the disk cache (or the cache itself, its preloaded entries with it); false to build without one. */
  cache?: string | false | DiskCache | undefined;
}

/**
 * Everything the site needs from `content/`: the timeline and each article's
 * HTML. Memoised on the files' names, sizes and modification times, so the
 * three content collections (and `astro dev` reloads that touch nothing) share
 * one run; per-article work is cached on disk between builds.
 */
let memo: { key: string; build: SiteBuild } | undefined;

export function buildSite(contentDir: string, options: BuildOptions = {}): SiteBuild {
  const { articles: files, corrections: correctionsFile, all } = inputsOf(contentDir);
  const cache = cacheFor(options.cache);
  const key = `${cache?.dir ?? '-'}|${statKey(all)}`;
  if (memo?.key === key) return memo.build;

  const stats: Record<string, number> = {};
  const clock = (stage: string, started: number) => (stats[stage] = (stats[stage] ?? 0) + performance.now() - started);

  const problems: Problem[] = [];
  const works: ArticleWork[] = [];
  for (const file of files) {
    const started = performance.now();
    const result = analyseFile(file, cache);
    problems.push(...result.problems);
    if (result.work) works.push(result.work);
    clock('articles', started);
  }
  const articles = works.map((w) => w.article);
  // Sentences that can become events, each given to people and places (counts, not times, as `cache…` are).
  stats['count.candidates'] = works.reduce((n, w) => n + w.entities.length, 0);
  problems.push(...duplicateProblems(articles));
  const corrections = loadCorrections(displayPath(correctionsFile), articles);
  problems.push(...corrections.problems);

  const started = performance.now();
  const timings: Record<string, number> = {};
  const timeline = buildTimeline(articles, {
    story: loadStory(contentDir),
    corrections: corrections.entries,
    mentions: new Map(works.map((w) => [w.article.id, new Map(w.mentions)])),
    timings,
  });
  clock('timeline', started);
  for (const [stage, ms] of Object.entries(timings)) stats[`timeline.${stage}`] = ms;
  problems.push(...brokenLinks(timeline, new Map(works.map((w) => [w.article.id, w.links]))));

  const renderStarted = performance.now();
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
  const workById = new Map(works.map((w) => [w.article.id, w]));
  const omittedBy = new Map<string, Array<Omit<Omission, 'article'>>>();
  for (const { article, ...rest } of timeline.omitted) {
    const list = omittedBy.get(article);
    if (list) list.push(rest);
    else omittedBy.set(article, [rest]);
  }
  // Bodies are kept in the cache's `bodies/` folder, each rendered only when no build has written it yet (bodies.ts).
  const bodies = cache ? join(cache.dir, 'bodies') : undefined;
  const rendered = timeline.articles.map((article) => {
    const cited = citedBy.get(article.id) ?? new Map<string, Array<{ id: string; title: string }>>();
    const citedRecord = Object.fromEntries(cited);
    const omitted: ArticleBody['omitted'] = omittedBy.get(article.id) ?? [];
    const work = workById.get(article.id)!;
    return articleEntry(
      { id: article.id, file: article.file, meta: article.meta, cited: cited.size, sentences: article.sentences.length },
      omitted,
      () => citeSentences(htmlOf(work, cache), cited),
      bodies ? { dir: bodies, key: bodyKey(work.key, citedRecord, omitted) } : undefined,
    );
  });
  clock('cite', renderStarted);
  if (cache) {
    stats.cacheHits = cache.hits;
    stats.cacheMisses = cache.misses;
  }
  const build = { timeline, articles: rendered, problems, stats };
  memo = { key, build };
  return build;
}

/** The story as the site shows it, with the build report's totals. */
export interface StorySummary extends Story {
  articles: number;
  sentences: number;
  mentions: number;
  events: number;
  /** Sentences cited by at least one event. */
  cited: number;
  /** Counts only: each article's page lists its own left-out sentences with their reasons. */
  leftOut: { total: number; reasons: Array<{ reason: string; count: number }> };
}

/** What the site's pages are made from: the events, the rendered articles, the story; and the content's problems. */
export interface SiteData {
  events: TimelineEvent[];
  articles: ArticleEntry[];
  story: StorySummary;
  problems: Problem[];
}

/** The site's share of a build: everything its pages show, none of the pipeline's working data. */
export function siteDataOf(build: SiteBuild): SiteData {
  const { timeline } = build;
  const reasons = new Map<string, number>();
  for (const o of timeline.omitted) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
  return {
    events: timeline.events,
    articles: build.articles,
    story: {
      ...timeline.story,
      articles: timeline.articles.length,
      sentences: timeline.articles.reduce((n, a) => n + a.sentences.length, 0),
      mentions: Object.values(timeline.mentions).reduce((n, m) => n + m.length, 0),
      events: timeline.events.length,
      cited: new Set(timeline.events.flatMap((e) => e.sources.map((src) => `${src.article}#${src.sentence}`))).size,
      leftOut: {
        total: timeline.omitted.length,
        reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      },
    },
    problems: build.problems,
  };
}
