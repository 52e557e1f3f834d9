/**
 * Which events the feeds carry (src/components/lib/feed-items.ts): the
 * newest by when they happened, at most FEED_ITEMS, newest first.
 */
import { describe, expect, it } from 'vitest';
import { eventInstant, FEED_ITEMS, newestFirst } from '../../src/components/lib/feed-items.ts';
import type { TimelineEvent } from '../../src/pipeline/types.ts';

const event = (id: string, date: string, time?: string): TimelineEvent =>
  ({ id, date, time, granularity: date.length === 10 ? 'day' : 'month', title: id, summary: id, sources: [], people: [], places: [], importance: 0, key: false, background: false }) as TimelineEvent;

describe('the feeds’ events', () => {
  it('puts an event at its first day, at its clock time when known', () => {
    expect(eventInstant(event('a', '2025-05-15')).toISOString()).toBe('2025-05-15T00:00:00.000Z');
    expect(eventInstant(event('b', '2025-05')).toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(eventInstant(event('c', '2025-05-15', '11:00+01:00')).toISOString()).toBe('2025-05-15T10:00:00.000Z');
  });

  it('carries the newest events only, newest first, ties by id', () => {
    const days = Array.from({ length: FEED_ITEMS + 50 }, (_, i) => event(`e${String(i).padStart(3, '0')}`, new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)));
    const twin = event('a-twin', days[days.length - 1]!.date);
    const feed = newestFirst([...days, twin].reverse());
    expect(feed).toHaveLength(FEED_ITEMS);
    expect(feed[0]!.id).toBe('a-twin');
    expect(feed[1]!.id).toBe(days[days.length - 1]!.id);
    const instants = feed.map((e) => eventInstant(e).getTime());
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    // The oldest are left out: none older than the newest FEED_ITEMS.
    expect(feed.some((e) => e.id === days[0]!.id)).toBe(false);
    expect(newestFirst(days.slice(0, 3)).map((e) => e.id)).toEqual(['e002', 'e001', 'e000']);
  });
});
