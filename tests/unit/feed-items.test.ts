/**
 * Which events the feeds carry (src/components/lib/feed-items.ts): the
 * ones the timeline had last, by first report, at most FEED_ITEMS, newest
 * first; each published when it was first reported.
 */
import { describe, expect, it } from 'vitest';
import { eventInstant, FEED_ITEMS, firstReported, lastReported, newestFirst } from '../../src/components/lib/feed-items.ts';
import type { Source, TimelineEvent } from '../../src/pipeline/types.ts';

const source = (published: string): Source => ({ article: `a-${published}`, outlet: 'X', text: 't', url: '/', sentence: 's', published });

const event = (id: string, date: string, reported: string[] = [date], time?: string): TimelineEvent =>
  ({ id, date, time, granularity: date.length === 10 ? 'day' : 'month', title: id, summary: id, sources: reported.map(source), people: [], places: [], importance: 0, key: false, background: false }) as TimelineEvent;

describe('the feeds’ events', () => {
  it('puts an event at its first day, at its clock time when known', () => {
    expect(eventInstant(event('a', '2025-05-15')).toISOString()).toBe('2025-05-15T00:00:00.000Z');
    expect(eventInstant(event('b', '2025-05')).toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(eventInstant(event('c', '2025-05-15', [], '11:00+01:00')).toISOString()).toBe('2025-05-15T10:00:00.000Z');
  });

  it('publishes an event at its first report and updates it at its latest, publication times with their offsets', () => {
    const talks = event('talks', '2025-05-16', ['2025-05-17', '2025-05-15T21:30:00+03:00', '2025-05-16']);
    expect(firstReported(talks).toISOString()).toBe('2025-05-15T18:30:00.000Z');
    expect(lastReported(talks).toISOString()).toBe('2025-05-17T00:00:00.000Z');
    // Planned ahead or long past, an entry is published when the timeline had it.
    expect(firstReported(event('planned', '2025-06-02', ['2025-05-16'])).toISOString()).toBe('2025-05-16T00:00:00.000Z');
    expect(firstReported(event('annexation', '2014', ['2025-05-15'])).toISOString()).toBe('2025-05-15T00:00:00.000Z');
    // An event without sources (none is built so, but the feed must not fail): when it happened.
    expect(firstReported(event('bare', '2025-05-01', [])).toISOString()).toBe('2025-05-01T00:00:00.000Z');
  });

  it('carries the events reported last, at most FEED_ITEMS, newest first; ties by when they happened, then by id', () => {
    const days = Array.from({ length: FEED_ITEMS + 50 }, (_, i) => event(`e${String(i).padStart(3, '0')}`, new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)));
    const newest = days[days.length - 1]!.date;
    const twin = event('a-twin', newest);
    // Background a new article brings to light is news: it comes first, dated 2014 or not.
    const background = event('background', '2014', [newest]);
    // A planned event reported early stays where its report puts it, not at the top.
    const planned = event('planned', '2030-01-01', [days[10]!.date]);
    const feed = newestFirst([...days, twin, background, planned].reverse());
    expect(feed).toHaveLength(FEED_ITEMS);
    expect(feed.slice(0, 3).map((e) => e.id)).toEqual(['a-twin', days[days.length - 1]!.id, 'background']);
    const published = feed.map((e) => firstReported(e).getTime());
    expect(published).toEqual([...published].sort((a, b) => b - a));
    // The ones reported first are left out: none reported before the newest FEED_ITEMS.
    expect(feed.some((e) => e.id === days[0]!.id || e.id === 'planned')).toBe(false);
    expect(newestFirst(days.slice(0, 3)).map((e) => e.id)).toEqual(['e002', 'e001', 'e000']);
  });
});
