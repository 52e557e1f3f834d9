/**
 * The disk cache keeps what builds use and lets go of the rest: entries no
 * build has touched for a week (other pipeline versions, site data and
 * bodies of content that is gone) are deleted; the search step's shards are
 * left to it. People and places outlive a change to the rest of the pipeline.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../src/pipeline/build.ts';
import { CACHE_DAYS, DiskCache, peopleVersion, pruneCache, pruneCacheDaily, touch, TOUCH_EVERY_MS } from '../../src/pipeline/cache.ts';
import { forgetEntities, tagging } from '../../src/pipeline/entities.ts';

const DAY = 86_400_000;

function aged(path: string, days: number): void {
  const when = new Date(Date.now() - days * DAY);
  utimesSync(path, when, when);
}

describe('pruning the disk cache', () => {
  it('deletes entries unused for a week, keeps the rest, and a read counts as a use', () => {
    const root = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
    const cache = new DiskCache(root);
    cache.set('article', 'used', { a: 1 });
    cache.set('article', 'unused', { a: 2 });
    mkdirSync(join(cache.dir, 'site'), { recursive: true });
    writeFileSync(join(cache.dir, 'site', 'old.ndjson'), '');
    writeFileSync(join(cache.dir, 'site', 'recent.ndjson'), '');
    mkdirSync(join(root, 'another-version', 'article'), { recursive: true });
    mkdirSync(join(root, 'pagefind', 'shard'), { recursive: true });
    for (const path of [
      join(cache.dir, 'article', 'used.json'),
      join(cache.dir, 'article', 'unused.json'),
      join(cache.dir, 'site', 'old.ndjson'),
      join(root, 'another-version'),
      join(root, 'pagefind'),
    ]) aged(path, CACHE_DAYS + 1);
    aged(join(cache.dir, 'site', 'recent.ndjson'), CACHE_DAYS - 1);
    expect(cache.get('article', 'used')).toEqual({ a: 1 });

    expect(pruneCache(cache)).toBe(3);
    expect(existsSync(join(cache.dir, 'article', 'used.json'))).toBe(true);
    expect(existsSync(join(cache.dir, 'article', 'unused.json'))).toBe(false);
    expect(existsSync(join(cache.dir, 'site', 'old.ndjson'))).toBe(false);
    expect(existsSync(join(cache.dir, 'site', 'recent.ndjson'))).toBe(true);
    expect(existsSync(join(root, 'another-version'))).toBe(false);
    expect(existsSync(join(root, 'pagefind'))).toBe(true);
    // The version in use is never pruned, however old its folder looks.
    aged(cache.dir, CACHE_DAYS + 1);
    expect(pruneCache(cache)).toBe(0);
    expect(existsSync(cache.dir)).toBe(true);
  });

  it('marks an entry used at most once a day: a read or a touch renews a time a day old, not a newer one', () => {
    const root = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
    const cache = new DiskCache(root);
    cache.set('article', 'entry', { a: 1 });
    const file = join(cache.dir, 'article', 'entry.json');
    const age = () => (Date.now() - statSync(file).mtimeMs) / DAY;
    aged(file, 0.5);
    expect(cache.get('article', 'entry')).toEqual({ a: 1 });
    expect(touch(file)).toBe(true);
    expect(age()).toBeCloseTo(0.5, 3);
    aged(file, TOUCH_EVERY_MS / DAY);
    expect(cache.get('article', 'entry')).toEqual({ a: 1 });
    expect(age()).toBeLessThan(0.001);
    aged(file, CACHE_DAYS + 1);
    expect(touch(file)).toBe(true);
    expect(age()).toBeLessThan(0.001);
    expect(touch(join(cache.dir, 'article', 'missing.json'))).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('pruning once a day', () => {
  it('looks at the entries’ ages once a day, and keeps its own note', () => {
    const root = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
    const cache = new DiskCache(root);
    cache.set('article', 'old', { a: 1 });
    aged(join(cache.dir, 'article', 'old.json'), CACHE_DAYS + 1);
    const now = Date.now();
    expect(pruneCacheDaily(cache, now)).toBe(1);
    cache.set('article', 'older', { a: 2 });
    aged(join(cache.dir, 'article', 'older.json'), CACHE_DAYS + 1);
    // Within the day: not looked at.
    expect(pruneCacheDaily(cache, now + DAY / 2)).toBe(0);
    expect(existsSync(join(cache.dir, 'article', 'older.json'))).toBe(true);
    // A day on: pruned, and its note kept.
    expect(pruneCacheDaily(cache, now + DAY + 1)).toBe(1);
    expect(existsSync(join(root, '.pruned'))).toBe(true);
  });
});

/** A folder holding a copy of the first seed article, as `article.md`. */
function seedArticle(): { root: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const articles = join(import.meta.dirname, '..', '..', 'content', 'articles');
  const file = join(root, 'article.md');
  copyFileSync(join(articles, readdirSync(articles).sort()[0]!), file);
  return { root, file };
}

describe('people and places across pipeline versions', () => {
  it('have a version of their own, from entities.ts and the compromise installed, the same in every process', () => {
    // A version that could not be worked out is made per process (`run-…`): nothing would be reused.
    expect(peopleVersion()).toMatch(/^[0-9a-f]{12}$/);
    expect(new DiskCache(mkdtempSync(join(tmpdir(), 'timeline-cache-'))).people.dir).toMatch(new RegExp(`people-${peopleVersion()}$`));
  });

  it('are tagged once: a cache of another pipeline version reads them, not compromise', () => {
    const { root, file } = seedArticle();
    forgetEntities();
    const first = analyseFile(file, new DiskCache(root, 'version-1')).work!;
    const tagged = tagging.sentences;
    expect(first.entities.length).toBeGreaterThan(0);

    // A new process with another pipeline version: its analyses are gone, the people and places are not.
    forgetEntities();
    const second = analyseFile(file, new DiskCache(root, 'version-2')).work!;
    expect(tagging.sentences).toBe(tagged);
    expect(second.entities).toEqual(first.entities);

    // Without them, compromise tags every sentence again.
    rmSync(new DiskCache(root, 'version-3').people.dir, { recursive: true, force: true });
    forgetEntities();
    analyseFile(file, new DiskCache(root, 'version-3'));
    expect(tagging.sentences).toBeGreaterThan(tagged);
  });

  it('are pruned when unused and their article’s analysis is gone; the folder in use stays, another version’s goes', () => {
    const root = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
    const cache = new DiskCache(root);
    cache.people.set('sentences', 'gone', []);
    // Read only when its analysis is missing: an article analysed and unchanged never reads it.
    cache.people.set('sentences', 'analysed', []);
    cache.set('article', 'analysed', {});
    mkdirSync(join(root, 'people-another', 'sentences'), { recursive: true });
    aged(join(cache.people.dir, 'sentences', 'gone.json'), CACHE_DAYS + 1);
    aged(join(cache.people.dir, 'sentences', 'analysed.json'), CACHE_DAYS + 1);
    aged(join(root, 'people-another'), CACHE_DAYS + 1);
    aged(cache.people.dir, CACHE_DAYS + 1);
    expect(pruneCache(cache)).toBe(2);
    expect(existsSync(cache.people.dir)).toBe(true);
    expect(existsSync(join(cache.people.dir, 'sentences', 'gone.json'))).toBe(false);
    expect(existsSync(join(cache.people.dir, 'sentences', 'analysed.json'))).toBe(true);
    expect(existsSync(join(root, 'people-another'))).toBe(false);
  });

  it('read back only in their own shape: anything else is ignored and the sentences tagged again', () => {
    const { root, file } = seedArticle();
    forgetEntities();
    const good = analyseFile(file, new DiskCache(root, 'version-1')).work!;
    const people = new DiskCache(root, 'version-2').people;
    const key = readdirSync(join(people.dir, 'sentences'))[0]!.replace(/\.json$/, '');
    const text = people.get<Array<[string, unknown]>>('sentences', key)![0]![0];
    for (const bad of [{ not: 'an entry' }, [[1, 2]], [[text, { people: 'Putin' }]], [[text, { people: [1], places: [] }]]]) {
      people.set('sentences', key, bad);
      forgetEntities();
      const before = tagging.sentences;
      const work = analyseFile(file, new DiskCache(root, `version-${JSON.stringify(bad).length}`)).work!;
      expect(work.entities).toEqual(good.entities);
      expect(tagging.sentences).toBeGreaterThan(before);
    }
  });
});
