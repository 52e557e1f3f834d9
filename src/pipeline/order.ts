import { GRANULARITY_RANK, spanOf } from './dates.ts';
import type { TimelineEvent } from './types.ts';

/** Parsed once each: sorting an archive's sources compares the same few thousand values again and again. */
const instants = new Map<string, number>();

/**
 * When an article was published, in ms: its `published` (ISO 8601, checked by
 * the schema; a date alone is its day at 00:00 UTC). Offsets differ from one
 * outlet to the next, so instants are compared, never the strings.
 */
export function publishedAt(published: string): number {
  let at = instants.get(published);
  if (at === undefined) instants.set(published, (at = Date.parse(published)));
  return at;
}

/**
 * Publications by instant, earlier first: 0 for one instant written in two
 * offsets. A value that is no date (the schema lets none through) comes after
 * every date, so that sorting stays consistent whatever the input.
 */
export function compareInstants(a: string, b: string): number {
  const x = publishedAt(a);
  const y = publishedAt(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
  return x - y;
}

/** Publication order: by instant, then as written. */
export function comparePublished(a: string, b: string): number {
  return compareInstants(a, b) || a.localeCompare(b);
}

/** Timeline order: first day, coarser first, clock time, importance, id. The pipeline, the pages and the open-data files share it. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const sa = spanOf(a.date)?.start ?? a.date;
  const sb = spanOf(b.date)?.start ?? b.date;
  return (
    sa.localeCompare(sb) ||
    GRANULARITY_RANK[b.granularity] - GRANULARITY_RANK[a.granularity] ||
    (a.time ?? '99').localeCompare(b.time ?? '99') ||
    b.importance - a.importance ||
    a.id.localeCompare(b.id)
  );
}
