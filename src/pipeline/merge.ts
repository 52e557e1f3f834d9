import { GRANULARITY_RANK, overlaps, spanOf, type DaySpan } from './dates.ts';
import { idfOf, similarity, terms } from './similarity.ts';
import type { EventCandidate } from './types.ts';

/** Candidates that report the same happening, with the date they share. */
export interface Cluster {
  members: EventCandidate[];
  /** The finest date among members. */
  date: string;
  granularity: EventCandidate['granularity'];
  span: DaySpan;
}

/**
 * Two sentences from different outlets report the same happening when their
 * dates overlap and their words are alike above this threshold (weighted
 * Dice; measured on the seed story, where same-happening pairs score ≥ 0.3 and
 * different happenings on the same day mostly ≤ 0.25).
 */
export const MERGE_THRESHOLD = 0.3;

const rank = (c: EventCandidate) => GRANULARITY_RANK[c.granularity];

/** Candidate order: finer dates first, then by date, prominence and source, so merging is deterministic. */
export function compareCandidates(a: EventCandidate, b: EventCandidate): number {
  return (
    rank(a) - rank(b) ||
    a.date.localeCompare(b.date) ||
    a.sentence.index - b.sentence.index ||
    a.article.localeCompare(b.article) ||
    a.sentence.id.localeCompare(b.sentence.id)
  );
}

/**
 * Groups candidates into clusters. A candidate is compared only with clusters
 * whose dates overlap its own (found through an index by date key), so the
 * cost grows with the number of candidates times the events of a day, not
 * with the square of the archive.
 */
export function mergeCandidates(candidates: EventCandidate[], threshold = MERGE_THRESHOLD): Cluster[] {
  const ordered = [...candidates].sort(compareCandidates);
  const termSets = new Map<EventCandidate, Set<string>>();
  const documents = ordered.map((c) => {
    const t = terms(c.sentence.text);
    termSets.set(c, new Set(t));
    return t;
  });
  const idf = idfOf(documents);

  const clusters: Cluster[] = [];
  /** Clusters by the date they are filed under. */
  const byDate = new Map<string, Cluster[]>();
  /** Every date key in use, sorted, to find the day clusters inside a coarse span. */
  const dayKeys: string[] = [];

  const insertKey = (key: string) => {
    let lo = 0;
    let hi = dayKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dayKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (dayKeys[lo] !== key) dayKeys.splice(lo, 0, key);
  };

  const overlapping = (span: DaySpan): Cluster[] => {
    const found: Cluster[] = [];
    // Day clusters inside the span.
    let lo = 0;
    let hi = dayKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dayKeys[mid]! < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < dayKeys.length && dayKeys[i]! <= span.end; i++) found.push(...(byDate.get(dayKeys[i]!) ?? []));
    // Coarser clusters (week, month, year) that contain it.
    for (const [key, list] of byDate) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(key)) continue;
      const s = spanOf(key);
      if (s && overlaps(s, span)) found.push(...list);
    }
    return found;
  };

  for (const candidate of ordered) {
    const span = spanOf(candidate.date)!;
    const own = termSets.get(candidate)!;
    let best: Cluster | undefined;
    let bestScore = threshold;
    for (const cluster of overlapping(span)) {
      if (cluster.members.some((m) => m.article === candidate.article)) continue;
      let score = 0;
      for (const member of cluster.members) score = Math.max(score, similarity(own, termSets.get(member)!, idf));
      if (score >= bestScore) [best, bestScore] = [cluster, score];
    }
    if (best) {
      best.members.push(candidate);
      continue;
    }
    const cluster: Cluster = { members: [candidate], date: candidate.date, granularity: candidate.granularity, span };
    clusters.push(cluster);
    const list = byDate.get(candidate.date);
    if (list) list.push(cluster);
    else {
      byDate.set(candidate.date, [cluster]);
      if (/^\d{4}-\d{2}-\d{2}$/.test(candidate.date)) insertKey(candidate.date);
    }
  }
  return clusters;
}
