import { resolve } from 'node:path';
import { buildSite } from '../../pipeline/build.ts';
import { spanOf } from '../../pipeline/dates.ts';
import type { Timeline, TimelineEvent } from '../../pipeline/types.ts';
import { dateLabel, parseClock } from './format.ts';

/** The pipeline's timeline for the data endpoints (memoised: the content loaders already ran it). */
export function timeline(): Timeline {
  return buildSite(resolve(process.env.TIMELINE_CONTENT ?? 'content')).timeline;
}

/** The site's address without a trailing slash, to put before root-relative paths. */
export const origin = (site: URL | undefined) => (site?.href ?? '').replace(/\/$/, '');

/** When an event happened, as one instant for feeds: its first day, at its clock time when known (UTC otherwise). */
export function eventInstant(event: TimelineEvent): Date {
  const start = spanOf(event.date)?.start ?? `${event.date.slice(0, 4)}-01-01`;
  const clock = event.time ? parseClock(event.time) : undefined;
  return new Date(clock ? `${start}T${clock.time}:00${clock.zone ?? 'Z'}` : `${start}T00:00:00Z`);
}

/** Events newest first, for feeds. */
export function newestFirst(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => eventInstant(b).getTime() - eventInstant(a).getTime() || a.id.localeCompare(b.id));
}

/** An event as feed text: when, what, and who reported it. */
export function feedSummary(event: TimelineEvent): string {
  const outlets = [...new Set(event.sources.map((s) => s.outlet))].join(', ');
  return `${dateLabel(event.date, event.granularity)}. ${event.summary} (${outlets})`;
}
