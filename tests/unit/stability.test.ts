/**
 * Adding an article never changes the ids or links of events it does not
 * touch, nor the address of an event it joins a day after its first report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/files.ts';
import { compareInstants, comparePublished, publishedAt } from '../../src/pipeline/order.ts';
import { buildTimeline } from '../../src/pipeline/timeline.ts';

describe('adding a sixth article', () => {
  const five = buildTimeline(loadArticles(['content/articles']).articles);
  const six = buildTimeline(loadArticles(['content/articles', 'tests/fixtures/sixth']).articles);
  const added = '2025-05-16-fixture-wire-istanbul-talks';

  it('adds its events', () => {
    expect(six.events.some((e) => e.sources.some((s) => s.article === added))).toBe(true);
  });

  it('keeps the id, title and source links of every event it does not touch', () => {
    const before = new Map(five.events.map((e) => [e.id, e]));
    const untouched = six.events.filter((e) => !e.sources.some((s) => s.article === added));
    expect(untouched.length).toBeGreaterThan(50);
    for (const event of untouched) {
      const old = before.get(event.id);
      expect(old, `event ${event.id} existed before`).toBeDefined();
      expect(event.sources.map((s) => s.url)).toEqual(old!.sources.map((s) => s.url));
    }
  });

  it('leaves every sentence anchor of the other articles as it was', () => {
    const anchors = (t: typeof five) => t.articles.filter((a) => a.id !== added).flatMap((a) => a.sentences.map((s) => `${a.id}#${s.id}`));
    expect(anchors(six)).toEqual(anchors(five));
  });
});

describe('a later day’s report joining events', () => {
  // The sixth report, published the day after: every event it joins had its first report before it.
  const dir = mkdtempSync(join(tmpdir(), 'timeline-later-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = readFileSync('tests/fixtures/sixth/2025-05-16-fixture-wire-istanbul-talks.md', 'utf8');
  writeFileSync(join(dir, '2025-05-17-fixture-wire-istanbul-talks.md'), fixture.replace(/^published: 2025-05-16$/m, 'published: 2025-05-17'));
  const five = buildTimeline(loadArticles(['content/articles']).articles);
  const later = buildTimeline(loadArticles(['content/articles', dir]).articles);
  const added = '2025-05-17-fixture-wire-istanbul-talks';

  it('keeps the id of every event it joins: the address is its first report’s', () => {
    const eventOf = new Map(five.events.flatMap((e) => e.sources.map((s) => [`${s.article}#${s.sentence}`, e.id] as const)));
    const joined = later.events.filter((e) => e.sources.some((s) => s.article === added) && e.sources.some((s) => eventOf.has(`${s.article}#${s.sentence}`)));
    expect(joined.length).toBeGreaterThanOrEqual(2);
    for (const event of joined) {
      // Two events the report shows to be one become one: it keeps one of their addresses, the first report's.
      const before = new Set(event.sources.map((s) => eventOf.get(`${s.article}#${s.sentence}`)).filter(Boolean));
      expect([...before], `events before ${event.id}`).toContain(event.id);
    }
  });
});

describe('reports published in different offsets', () => {
  // The sixth report at 01:00 in Istanbul on 16 May: 22:00 UTC on the 15th, before the seed reports dated
  // 16 May alone (00:00 UTC), though its `published`, as a string, sorts after theirs.
  const dir = mkdtempSync(join(tmpdir(), 'timeline-offsets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = readFileSync('tests/fixtures/sixth/2025-05-16-fixture-wire-istanbul-talks.md', 'utf8');
  writeFileSync(join(dir, '2025-05-16-fixture-wire-istanbul-talks.md'), fixture.replace(/^published: 2025-05-16$/m, 'published: 2025-05-16T01:00:00+03:00'));
  const timeline = buildTimeline(loadArticles(['content/articles', dir]).articles);
  const added = '2025-05-16-fixture-wire-istanbul-talks';

  it('lists every event’s sources in the order they were published, whatever their offsets', () => {
    // The copy carries the new date (the fixture's line matched), and shares events with reports dated 16 May alone.
    expect(timeline.articles.find((a) => a.id === added)?.meta.published).toBe('2025-05-16T01:00:00+03:00');
    const shared = timeline.events.filter((e) => e.sources.some((s) => s.article === added) && e.sources.some((s) => s.published === '2025-05-16'));
    expect(shared.length).toBeGreaterThanOrEqual(1);
    for (const event of timeline.events) {
      const times = event.sources.map((s) => publishedAt(s.published));
      expect(times, event.id).toEqual([...times].sort((a, b) => a - b));
    }
    // And the order is the instants', not the strings'.
    expect(comparePublished('2025-05-16T01:00:00+03:00', '2025-05-16')).toBeLessThan(0);
    expect(comparePublished('2025-05-16', '2025-05-16T01:00:00+03:00')).toBeGreaterThan(0);
    expect(comparePublished('2025-05-15T22:00:00Z', '2025-05-16T01:00:00+03:00')).not.toBe(0);
    // One instant in two offsets: the same for the first report (its lead then decides).
    expect(compareInstants('2025-05-15T22:00:00Z', '2025-05-16T01:00:00+03:00')).toBe(0);
  });

  it('orders every list the same way whatever order it comes in, a value that is no instant last', () => {
    const values = ['2025-05-16T01:00:00+03:00', '2025-05-16', '2025-05-16T00:00:00+25:00', '2025-05-15T22:00:00Z'];
    const expected = ['2025-05-15T22:00:00Z', '2025-05-16T01:00:00+03:00', '2025-05-16', '2025-05-16T00:00:00+25:00'];
    const permutations = (list: string[]): string[][] =>
      list.length <= 1 ? [list] : list.flatMap((v, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [v, ...rest]));
    for (const order of permutations(values)) expect([...order].sort(comparePublished), order.join(' ')).toEqual(expected);
  });
});
