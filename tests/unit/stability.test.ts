/**
 * Adding an article never changes the ids or links of events it does not touch.
 */
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/files.ts';
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
