import { spanOf } from '../../pipeline/dates.ts';
import type { TimelineEvent } from '../../pipeline/types.ts';
import { parseClock } from './format.ts';

/* Which events the feeds carry, and in what order (apart from the pages' data, so tests use it directly). */

/** When an event happened, as one instant for feeds: its first day, at its clock time when known (UTC otherwise). */
export function eventInstant(event: TimelineEvent): Date {
  const start = spanOf(event.date)?.start ?? `${event.date.slice(0, 4)}-01-01`;
  const clock = event.time ? parseClock(event.time) : undefined;
  return new Date(clock ? `${start}T${clock.time}:00${clock.zone ?? 'Z'}` : `${start}T00:00:00Z`);
}

/**
 * How many events a feed carries: the newest. Feed readers fetch a feed
 * again and again for what is new; a 5,000-article archive's 1,290 events
 * made feeds of 1.2–1.4 MB. Every event is in `/events.json`.
 */
export const FEED_ITEMS = 200;

/** The newest events (at most `FEED_ITEMS`), newest first, for feeds. */
export function newestFirst(events: TimelineEvent[]): TimelineEvent[] {
  const instants = new Map(events.map((e) => [e, eventInstant(e).getTime()]));
  return [...events].sort((a, b) => instants.get(b)! - instants.get(a)! || a.id.localeCompare(b.id)).slice(0, FEED_ITEMS);
}
