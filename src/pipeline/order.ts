import { GRANULARITY_RANK, spanOf } from './dates.ts';
import type { TimelineEvent } from './types.ts';

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
