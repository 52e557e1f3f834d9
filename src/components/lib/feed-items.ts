import { spanOf } from '../../pipeline/dates.ts';
import { publishedAt } from '../../pipeline/order.ts';
import type { TimelineEvent } from '../../pipeline/types.ts';
import { parseClock } from './format.ts';

/* Which events the feeds carry, and in what order (apart from the pages' data, so tests use it directly). */

/** When an event happened, as one instant for feeds: its first day, at its clock time when known (UTC otherwise). */
export function eventInstant(event: TimelineEvent): Date {
  const start = spanOf(event.date)?.start ?? `${event.date.slice(0, 4)}-01-01`;
  const clock = event.time ? parseClock(event.time) : undefined;
  return new Date(clock ? `${start}T${clock.time}:00${clock.zone ?? 'Z'}` : `${start}T00:00:00Z`);
}

/** Its sources' publication instants (a date alone is its day at 00:00 UTC). */
function reportTimes(event: TimelineEvent): number[] {
  return event.sources.map((s) => publishedAt(s.published)).filter((t) => !Number.isNaN(t));
}

/**
 * When the timeline first had an event: its first report's publication (the
 * earliest source's `published`; when it happened, for an event with none).
 * A feed entry is published then, as a news site's item is, however long ago
 * the event itself happened or how far ahead it is planned.
 */
export function firstReported(event: TimelineEvent): Date {
  const times = reportTimes(event);
  return times.length > 0 ? new Date(Math.min(...times)) : eventInstant(event);
}

/** When an event last got a report: its newest source's publication (an Atom entry's `updated`). */
export function lastReported(event: TimelineEvent): Date {
  const times = reportTimes(event);
  return times.length > 0 ? new Date(Math.max(...times)) : eventInstant(event);
}

/**
 * How many events a feed carries: the newest. Feed readers fetch a feed
 * again and again for what is new; a 5,000-article archive's 1,290 events
 * made feeds of 1.2–1.4 MB. Every event is in `/events.json`.
 */
export const FEED_ITEMS = 200;

/**
 * The events the timeline had last (at most `FEED_ITEMS`), newest first:
 * by first report, then by when they happened, then by id. An old event a
 * new article brings to light (background, say) is news to a subscriber,
 * and comes first; an event that only gets one more source does not move.
 */
export function newestFirst(events: TimelineEvent[]): TimelineEvent[] {
  const reported = new Map(events.map((e) => [e, firstReported(e).getTime()]));
  const happened = new Map(events.map((e) => [e, eventInstant(e).getTime()]));
  return [...events]
    .sort((a, b) => reported.get(b)! - reported.get(a)! || happened.get(b)! - happened.get(a)! || a.id.localeCompare(b.id))
    .slice(0, FEED_ITEMS);
}
