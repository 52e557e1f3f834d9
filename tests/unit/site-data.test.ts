/**
 * What Astro's loaders read: the site data written by `scripts/pipeline.ts`
 * (one JSON value a line, read back a line at a time), article bodies kept
 * in files of their own, and events.json written a piece at a time.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBody, articleEntry } from '../../src/pipeline/bodies.ts';
import { buildSite, siteDataOf } from '../../src/pipeline/build.ts';
import { eventsJson, eventsJsonText } from '../../src/pipeline/exports.ts';
import { openSiteData } from '../../src/pipeline/site-data.ts';
import { readSiteFile } from '../../src/pipeline/site-file.ts';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

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
    expect(await collect(second.articles())).toEqual(expected.articles);
    expect(first.story).toEqual(expected.story);
    expect(await collect(first.events())).toEqual(expected.events);
    expect(await collect(first.articles())).toEqual(expected.articles);
    expect(expected.story.events).toBe(expected.events.length);
    expect(expected.story.articles).toBe(5);
    // Without its articles' file, the data is not read from the cache (a build makes it again).
    expect(readSiteFile(file)).toBeDefined();
    rmSync(file.replace(/\.ndjson$/, '.articles.ndjson'));
    expect(readSiteFile(file)).toBeUndefined();
  });

  it('keeps each article’s body in a file named by its hash, and gives it back for the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bodies-'));
    const [article] = siteDataOf(buildSite('content', { cache: false })).articles;
    const entry = articleEntry(article!, dir);
    expect(typeof entry.body).toBe('string');
    expect(entry).not.toHaveProperty('html');
    expect(entry.leftOut).toBe(article!.omitted.length);
    expect(articleBody(entry)).toEqual({ html: article!.html, omitted: article!.omitted });
    expect(articleEntry(article!, dir).body).toBe(entry.body);
    expect(articleBody(articleEntry(article!, undefined)).html).toBe(article!.html);
  });

  it('writes events.json a piece at a time, the same value as in one go', () => {
    const { timeline } = buildSite('content', { cache: false });
    const text = [...eventsJsonText(timeline, 'https://example.org')].join('');
    expect(JSON.parse(text)).toEqual(eventsJson(timeline, 'https://example.org'));
    expect(JSON.parse([...eventsJsonText({ ...timeline, events: [] })].join(''))).toEqual({ story: timeline.story, events: [] });
  });
});
