/**
 * What Astro's loaders read: the site data written by `scripts/pipeline.ts`
 * (one JSON value a line, read back a line at a time), article bodies kept
 * in files of their own, and events.json written a piece at a time.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBody, articleEntry, bodyKey, type ArticleEntry } from '../../src/pipeline/bodies.ts';
import { buildSite, siteDataOf } from '../../src/pipeline/build.ts';
import { exportFiles, exportFilesOf, exportTexts } from '../../src/pipeline/export-files.ts';
import { eventsJson, eventsJsonText, siteOrigin, timelineJs } from '../../src/pipeline/exports.ts';
import { openSiteData } from '../../src/pipeline/site-data.ts';
import { articlesFileOf, bodyFilesOf, digestOf, readSiteFile } from '../../src/pipeline/site-file.ts';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
/** Articles with their bodies read: in a file with a cache, in the entry without. */
const withBodies = (articles: Iterable<ArticleEntry>) => Promise.all([...articles].map(async (a) => ({ ...a, body: await articleBody(a) })));

describe('site data', () => {
  it('is written once and read back, a line at a time, as the pipeline made it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'site-data-'));
    const expected = siteDataOf(buildSite('content', { cache: false }));
    const first = await openSiteData('content', { cache });
    const files = readdirSync(join(cache, readdirSync(cache)[0]!, 'site'));
    // The head and the events in one file, the articles beside it.
    expect(files.filter((f) => f.endsWith('.ndjson')).map((f) => f.replace(/^[0-9a-f]+/, 'KEY')).sort()).toEqual(['KEY.articles.ndjson', 'KEY.ndjson']);
    // Another process finds the file: here, a copy of the cache, which nothing in memory knows.
    const copy = mkdtempSync(join(tmpdir(), 'site-data-copy-'));
    cpSync(cache, copy, { recursive: true });
    // Marked, so that a fresh computation (which would not carry the mark) cannot pass for a read of the file.
    const version = readdirSync(copy)[0]!;
    const file = join(copy, version, 'site', files.find((f) => f.endsWith('.ndjson') && !f.endsWith('.articles.ndjson'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"title":${JSON.stringify(expected.story.title)}`, '"title":"read from the file"'));
    const second = await openSiteData('content', { cache: copy });
    expect(second).not.toBe(first);
    expect(second.story.title).toBe('read from the file');
    expect(await collect(second.events())).toEqual(expected.events);
    expect(await withBodies(await collect(second.articles()))).toEqual(await withBodies(expected.articles));
    expect(first.story).toEqual(expected.story);
    expect(await collect(first.events())).toEqual(expected.events);
    expect(await withBodies(await collect(first.articles()))).toEqual(await withBodies(expected.articles));
    expect(expected.story.events).toBe(expected.events.length);
    expect(expected.story.articles).toBe(5);
    // Each event and article read from the file carries the digest of its JSON, written with it (the pages' cache keys use it).
    const sha1 = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64url');
    for (const value of [...(await collect(first.events())), ...(await collect(first.articles()))]) expect(digestOf(value)).toBe(sha1(value));
    expect(digestOf(expected.events[0]!)).toBeUndefined();
    // The bodies it names, found without parsing it (a build that reads it from the cache keeps them from pruning).
    const bodies = (await collect(first.articles())).map((a) => a.body);
    expect(bodies.every((b) => typeof b === 'string')).toBe(true);
    expect(bodyFilesOf(articlesFileOf(file))).toEqual(bodies);
    // Without its articles' file, the data is not read from the cache (a build makes it again).
    expect(readSiteFile(file)).toBeDefined();
    rmSync(file.replace(/\.ndjson$/, '.articles.ndjson'));
    expect(readSiteFile(file)).toBeUndefined();
  });

  it('keeps each article’s body in a file named by what it is made from, rendered only when no build has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bodies-'));
    const fields = { id: 'a', file: 'content/articles/a.md', meta: { title: 'A', outlet: 'X', published: '2025-05-15' }, cited: 0, sentences: 2 };
    const omitted = [{ sentence: 's-1', text: 'One.', reason: 'no date' }];
    let rendered = 0;
    const html = () => (rendered++, '<p>One. Two.</p>');
    const entry = articleEntry(fields as never, omitted, html, { dir, key: 'k'.repeat(40) });
    expect(typeof entry.body).toBe('string');
    expect(entry.leftOut).toBe(1);
    expect(await articleBody(entry)).toEqual({ html: '<p>One. Two.</p>', omitted });
    expect(rendered).toBe(1);
    // The same key: the file is there, nothing is rendered.
    const again = articleEntry(fields as never, omitted, () => { throw new Error('rendered again'); }, { dir, key: 'k'.repeat(40) });
    expect(again.body).toBe(entry.body);
    // Another key (a citation changed): another file.
    expect(articleEntry(fields as never, omitted, html, { dir, key: 'j'.repeat(40) }).body).not.toBe(entry.body);
    // The same folder given from the working folder names the same file: a page's key does not
    // depend on how the cache folder was given, nor on where the checkout is.
    expect(articleEntry(fields as never, omitted, html, { dir: relative(process.cwd(), dir), key: 'k'.repeat(40) }).body).toBe(entry.body);
    expect(entry.body).toBe(relative(process.cwd(), join(dir, `a.${'k'.repeat(16)}.json`)));
    // No folder: the body is in the entry.
    expect(articleEntry(fields as never, omitted, html).body).toEqual({ html: '<p>One. Two.</p>', omitted });
    expect(bodyKey('a', {}, omitted)).not.toBe(bodyKey('a', { 's-1': [{ id: 'e', title: 'E' }] }, omitted));
  });

  it('writes the same bodies from the cache as a build without one, when their HTML or their files are gone', async () => {
    const content = mkdtempSync(join(tmpdir(), 'bodies-content-'));
    cpSync('content', content, { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'bodies-cache-'));
    const bodies = async (articles: ArticleEntry[]) => new Map(await Promise.all(articles.map(async (a) => [a.id, await articleBody(a)] as const)));
    const expected = await bodies(buildSite(content, { cache: false }).articles);
    const bodiesOf = () => {
      const { articles } = buildSite(content, { cache });
      for (const a of articles) expect(typeof a.body, a.id).toBe('string');
      return bodies(articles);
    };
    expect(await bodiesOf()).toEqual(expected);
    const version = join(cache, readdirSync(cache)[0]!);
    // A new build (one file's time changed): bodies rendered again from the cached HTML, then from the articles' text.
    const rebuild = (gone: string[]) => {
      for (const kind of gone) rmSync(join(version, kind), { recursive: true, force: true });
      const story = join(content, 'story.yaml');
      utimesSync(story, new Date(), new Date(Date.now() + Math.random() * 1e6));
      return bodiesOf();
    };
    expect(await rebuild(['bodies'])).toEqual(expected);
    expect(await rebuild(['bodies', 'html'])).toEqual(expected);
    // Built from the cached analyses (people and places by sentence, no Markdown body), the timeline is the same.
    expect(buildSite(content, { cache }).timeline.events).toEqual(buildSite(content, { cache: false }).timeline.events);
    expect(readdirSync(join(version, 'article')).length).toBe(expected.size);
  });

  it('makes the open-data files in a worker thread, as the endpoints would, and finds them made the next time', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'exports-'));
    const source = await openSiteData('content', { cache });
    const { timeline } = buildSite('content', { cache: false });
    const files = await exportFiles(source.file!, 'https://example.org');
    expect(files).toEqual(exportFilesOf(source.file!, 'https://example.org'));
    const events = JSON.parse(readFileSync(files!.events, 'utf8')) as ReturnType<typeof eventsJson>;
    expect(events).toEqual(eventsJson({ ...timeline, story: events.story }, 'https://example.org'));
    expect(events.story.title).toBe(timeline.story.title);
    expect(readFileSync(files!.timeline, 'utf8')).toBe((await exportTexts(source.file!, 'https://example.org')).timeline);
    expect(JSON.parse(readFileSync(files!.timeline, 'utf8'))).toEqual(timelineJs({ ...timeline, story: events.story }, 'https://example.org'));
    // Another address, other files; the same address again, the files already made (marked, so a new making would show).
    expect((await exportFiles(source.file!, 'https://other.example'))!.events).not.toBe(files!.events);
    const copy = mkdtempSync(join(tmpdir(), 'exports-copy-'));
    cpSync(cache, copy, { recursive: true });
    const copied = join(copy, relative(cache, source.file!));
    writeFileSync(exportFilesOf(copied, 'https://example.org').events, '"made before"');
    expect(readFileSync((await exportFiles(copied, 'https://example.org'))!.events, 'utf8')).toBe('"made before"');
  });

  it('puts the site’s address, without its trailing slash, before the open data’s links', () => {
    expect(siteOrigin('https://example.org')).toBe('https://example.org');
    expect(siteOrigin(new URL('https://example.org/news/'))).toBe('https://example.org/news');
    expect(siteOrigin(undefined)).toBe('');
  });

  it('writes events.json a piece at a time, the same value as in one go', () => {
    const { timeline } = buildSite('content', { cache: false });
    const text = [...eventsJsonText(timeline, 'https://example.org')].join('');
    expect(JSON.parse(text)).toEqual(eventsJson(timeline, 'https://example.org'));
    expect(JSON.parse([...eventsJsonText({ ...timeline, events: [] })].join(''))).toEqual({ story: timeline.story, events: [] });
  });
});
