import { addDaysIso, GRANULARITY_RANK, overlaps, spanOf, type DaySpan } from './dates.ts';
import { idfWeight, terms } from './similarity.ts';
import type { EventCandidate } from './types.ts';

/** Candidates that report the same happening, with the date they share. */
export interface Cluster {
  members: EventCandidate[];
  /** The finest date among members dated by their own words (else the earliest publication day). */
  date: string;
  granularity: EventCandidate['granularity'];
  span: DaySpan;
}

/**
 * Two sentences from different outlets report the same happening when their
 * dates overlap and their words are alike above this threshold (weighted Dice
 * over rarity-weighted words; words no other candidate uses are left out of
 * the weights, as they can only dilute). Chosen on the seed story: reports of
 * the same happening mostly score 0.4 and above, different happenings of the
 * same day mostly below 0.35.
 */
export const MERGE_THRESHOLD = 0.38;

/**
 * An undated report ("the Kremlin revealed that Putin wouldn't be attending",
 * written a day later) may join an event dated by other outlets in the week
 * before it, but only on stronger evidence than two reports of the same day.
 */
export const UNDATED_LOOKBACK_DAYS = 7;
export const LOOKBACK_THRESHOLD = 0.6;

/** Wire copies (same words, same date) join before any scored pair. */
const COPY_SCORE = 10;

/**
 * Near copies: a wire story reprinted with a word changed, or a background
 * line ("Russia launched its full-scale invasion in February 2022") that an
 * archive repeats in hundreds of articles with small edits. Two candidates of
 * one date and kind of dating are near copies when their rarity-weighted
 * Jaccard (over the words the scorer weighs: in more than one candidate) is at
 * least this. Weighted Dice, the score, is never below Jaccard (2J / (1 + J):
 * 0.75 here, the threshold 0.38), so a near copy is a pair the scorer would
 * join anyway. 0.6 lets a copy differ by a rare word or two: two copies of a
 * sentence of fifteen words that each gain a rarely used word are about 0.79
 * in Jaccard, and 0.8 left most of the benchmark's `--distinct` copies apart
 * (their codes repeat). Found
 * apart, it joins without being compared with every other candidate of its
 * date: near copies by the hundred on one date cost a lookup each, where
 * scoring them costs their number squared, and beyond `BLOCKING_CAP` they
 * would not find each other at all.
 */
export const NEAR_COPY = 0.6;
/** After wire copies, before any scored pair (a score is at most 1 plus its bonuses). */
const NEAR_COPY_SCORE = 5;
/**
 * Min-hashes per candidate: near copies share at least one of them, with a
 * probability of 1 - (1 - J)^8 for J, their Jaccard over words (above 0.999
 * from J = 0.6). A pair that shares none is scored as any other pair.
 */
const SKETCHES = 8;
const SEEDS = Array.from({ length: SKETCHES }, (_, k) => Math.imul(0x9e3779b1, k + 1) >>> 0);

/** FNV-1a of a term's UTF-16 code units. */
function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One of `SKETCHES` hash functions over a term's hash (murmur3's finaliser of it and a seed). */
function rehash(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Words in more candidates of one date than this do not find neighbours (they
 * still count in the score): on a busy day of a large archive, "Putin" would
 * otherwise make every pair a neighbour.
 */
export const BLOCKING_CAP = 200;

/** The postings of a word that does not find neighbours (`BLOCKING_CAP`). */
const BLOCKED: number[] = [];

/** One shared word ("show", "threat") is never enough. */
export const MIN_SHARED_TERMS = 2;

/**
 * Evidence beyond words. Two reports that put a happening on the same day
 * other than the day they were written ("late on Wednesday" in Thursday's and
 * Friday's papers) or in the same part of that day are more likely the same
 * happening; so are the leads of two same-day reports (the inverted pyramid
 * puts the main news first). Live blogs run newest first, so their first
 * sentences are not leads.
 */
export const SAME_PAST_DAY_BONUS = 0.1;
/** Each phrase (two neighbouring content words) the two sentences share, up to a cap. */
export const PHRASE_BONUS = 0.05;
export const MAX_PHRASE_BONUS = 0.15;
export const SAME_PART_OF_DAY_BONUS = 0.1;
export const LEAD_BONUS = 0.15;
export const LEAD_SENTENCES = 2;

function bonus(a: EventCandidate, b: EventCandidate): number {
  let extra = 0;
  const dayA = a.mention?.value.slice(0, 10);
  const dayB = b.mention?.value.slice(0, 10);
  if (dayA && dayA === dayB && a.granularity === 'day' && dayA !== a.published.slice(0, 10) && dayB !== b.published.slice(0, 10)) {
    extra += SAME_PAST_DAY_BONUS;
    const partA = a.mention?.partOfDay === 'NI' ? 'EV' : a.mention?.partOfDay;
    const partB = b.mention?.partOfDay === 'NI' ? 'EV' : b.mention?.partOfDay;
    if (partA && partA === partB) extra += SAME_PART_OF_DAY_BONUS;
  }
  if (a.lead && b.lead && a.published.slice(0, 10) === b.published.slice(0, 10)) extra += LEAD_BONUS;
  return extra;
}

const rank = (c: EventCandidate) => GRANULARITY_RANK[c.granularity];
const undated = (c: EventCandidate) => (c.dating === 'context' ? 1 : 0);
const isDay = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);

/** Candidate order: dated by their own words first, then finer dates, date, prominence, source. */
export function compareCandidates(a: EventCandidate, b: EventCandidate): number {
  return (
    undated(a) - undated(b) ||
    rank(a) - rank(b) ||
    a.date.localeCompare(b.date) ||
    a.sentence.index - b.sentence.index ||
    a.article.localeCompare(b.article) ||
    a.sentence.id.localeCompare(b.sentence.id)
  );
}

function intersect(a: DaySpan | undefined, b: DaySpan | undefined): DaySpan | undefined | null {
  if (!a) return b;
  if (!b) return a;
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

/**
 * Groups candidates into clusters, best pairs first.
 *
 * 1. Wire copies (same wording) and near copies (`NEAR_COPY`, found through
 *    min-hashes) of one date are joined to the first of them, and only that
 *    one is compared with the rest.
 * 2. Pairs are scored only between candidates whose dates can overlap, found
 *    through an index by date and, inside each date, an inverted index of
 *    words: the cost grows with the archive times the reports of one day, not
 *    with the square of the archive.
 * 3. Pairs at or above the threshold are joined in order of score, unless the
 *    two groups share an article (an event cites one sentence per article),
 *    one was split off by an editor, or their dates no longer overlap.
 */
export function mergeCandidates(candidates: EventCandidate[], threshold = MERGE_THRESHOLD): Cluster[] {
  const ordered = [...candidates].sort(compareCandidates);
  // Each candidate is matched by its sentence and, when its paragraph goes on
  // without a date of its own, by that continuation too: the better of the two counts.
  // Wire copies and syndicated reports repeat sentences word for word: each text is cut into terms once.
  // A term is a number (each distinct one a string once), a text's terms an array of them in the
  // order `terms` first gives each, the order every sum below runs in: at 5,000 articles of distinct
  // sentences, sets of strings were 150 MB of the heap.
  const termIds = new Map<string, number>();
  const termTexts: string[] = [];
  const termsByText = new Map<string, Int32Array>();
  const termsOf = (text: string) => {
    let ids = termsByText.get(text);
    if (!ids) {
      const found = new Set<number>();
      for (const term of terms(text)) {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termTexts.push(term) - 1));
        found.add(id);
      }
      termsByText.set(text, (ids = Int32Array.from(found)));
    }
    return ids;
  };
  const views = ordered.map((c) => (c.continuation ? [termsOf(c.sentence.text), termsOf(c.continuation)] : [termsOf(c.sentence.text)]));
  // Rarity is counted per candidate: a word in a sentence and in its continuation counts once.
  const documents = views.map((v) => (v.length === 1 ? v[0]! : Int32Array.from(new Set([...v[0]!, ...v[1]!]))));
  // Identical texts share one array of terms: each distinct one's terms are counted once, times its copies.
  const copies = new Map<Int32Array, number>();
  for (const ids of documents) copies.set(ids, (copies.get(ids) ?? 0) + 1);
  const documentFrequency = new Int32Array(termTexts.length);
  for (const [ids, count] of copies) for (const id of ids) documentFrequency[id]! += count;
  const weights = Float64Array.from(documentFrequency, (count) => idfWeight(count, documents.length));
  const phrase = Uint8Array.from(termTexts, (term) => (term.includes(' ') ? 1 : 0));
  /** Words (not phrases) in more than one candidate: the only ones a score weighs. */
  const weighed = (id: number) => phrase[id] === 0 && documentFrequency[id]! > 1;
  const totalsByIds = new Map<Int32Array, number>();
  const totalOf = (ids: Int32Array) => {
    let total = totalsByIds.get(ids);
    if (total === undefined) {
      total = 0;
      for (const id of ids) if (weighed(id)) total += weights[id]!;
      totalsByIds.set(ids, total);
    }
    return total;
  };
  // Which terms a candidate holds, for the comparison at hand: marked with a stamp, so nothing is cleared.
  const marks = new Uint32Array(termTexts.length);
  let stamp = 0;
  const mark = (ids: Int32Array) => {
    // Wrapping around would take four billion comparisons.
    if (++stamp === 0xffffffff) {
      marks.fill(0);
      stamp = 1;
    }
    for (const id of ids) marks[id] = stamp;
  };
  const totals = views.map((v) => v.map(totalOf));
  const spans = ordered.map((c) => spanOf(c.date)!);
  /** Where each candidate may be placed: its own date, or for an undated report, the week before too. */
  const allowed = ordered.map((c, i) =>
    c.dating === 'context' ? { start: addDaysIso(spans[i]!.start, -UNDATED_LOOKBACK_DAYS), end: spans[i]!.end } : spans[i]!,
  );

  // Date index: candidates by date key; day keys sorted for range queries.
  const byKey = new Map<string, number[]>();
  ordered.forEach((c, i) => {
    const list = byKey.get(c.date);
    if (list) list.push(i);
    else byKey.set(c.date, [i]);
  });
  const dayKeys = [...byKey.keys()].filter(isDay).sort();
  const coarseKeys = [...byKey.keys()].filter((k) => !isDay(k)).map((k) => ({ key: k, span: spanOf(k)! }));
  const inverted = new Map<string, Map<number, number[]>>();
  const invertedOf = (key: string) => {
    let index = inverted.get(key);
    if (!index) {
      index = new Map();
      for (const i of byKey.get(key)!) {
        for (const term of documents[i]!) {
          const list = index.get(term);
          if (list) list.push(i);
          else index.set(term, [i]);
        }
      }
      // Only distinct texts are ever neighbours; a word in too many candidates (copies counted) finds none.
      for (const [term, list] of index) index.set(term, list.length > BLOCKING_CAP ? BLOCKED : list.filter((j) => representative[j]));
      inverted.set(key, index);
    }
    return index;
  };
  const keysOverlapping = (span: DaySpan): string[] => {
    const keys: string[] = [];
    let lo = 0;
    let hi = dayKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dayKeys[mid]! < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < dayKeys.length && dayKeys[k]! <= span.end; k++) keys.push(dayKeys[k]!);
    for (const coarse of coarseKeys) if (overlaps(coarse.span, span)) keys.push(coarse.key);
    return keys;
  };

  /** The words two candidates' terms share: their weight and count, and the phrases. */
  const sharedWords = (mine: Int32Array, theirs: Int32Array) => {
    mark(theirs);
    let weightShared = 0;
    let count = 0;
    let phrases = 0;
    for (const id of mine) {
      if (marks[id] !== stamp) continue;
      if (phrase[id] === 1) phrases++;
      else {
        weightShared += weights[id]!;
        count++;
      }
    }
    return { weight: weightShared, count, phrases };
  };

  // Wire copies: the same words on the same date are the same happening, joined before anything is scored.
  const scores = new Map<number, number>();
  const n = ordered.length;
  // Each candidate's article as a number: compared for every neighbour found.
  const articleIds = new Map<string, number>();
  const articleOf = ordered.map((c) => {
    let id = articleIds.get(c.article);
    if (id === undefined) articleIds.set(c.article, (id = articleIds.size));
    return id;
  });
  const copyOf = new Map<number, number>();
  const representative: boolean[] = ordered.map(() => true);
  // Each distinct wording as a number: short keys, and each text lowered once.
  const wordings = new Map<string, number>();
  const wordingIds = new Map<string, number>();
  const wordingOf = (text: string) => {
    let id = wordings.get(text);
    if (id === undefined) {
      const wording = text.toLowerCase().replace(/\W+/g, ' ').trim();
      id = wordingIds.get(wording);
      if (id === undefined) wordingIds.set(wording, (id = wordingIds.size));
      wordings.set(text, id);
    }
    return id;
  };
  // A copy's key as a number: its wording, its date, and whether it is dated by its own words.
  const dateIds = new Map([...byKey.keys()].map((date, i) => [date, i]));
  ordered.forEach((c, i) => {
    const key = (wordingOf(c.sentence.text) * dateIds.size + dateIds.get(c.date)!) * 2 + (c.dating === 'context' ? 1 : 0);
    const first = copyOf.get(key);
    if (first === undefined) copyOf.set(key, i);
    else {
      representative[i] = false;
      scores.set(first * n + i, COPY_SCORE);
    }
  });

  // Near copies: each candidate left is compared with the first candidate of its date (and kind of
  // dating) that shares one of its min-hashes, at most `SKETCHES` of them; one it is a near copy
  // of takes it in, like a wire copy, and it is no one's neighbour. Leaders are never near copies.
  const termHashes = new Map<number, number>();
  const leaders = SEEDS.map(() => new Map<number, number>());
  for (let i = 0; i < n; i++) {
    if (!representative[i]) continue;
    const own = views[i]![0]!;
    const mins = SEEDS.map(() => 0xffffffff);
    let words = 0;
    for (const id of own) {
      if (!weighed(id)) continue;
      words++;
      let h = termHashes.get(id);
      if (h === undefined) termHashes.set(id, (h = termHash(termTexts[id]!)));
      for (let k = 0; k < SKETCHES; k++) {
        const value = rehash(h, SEEDS[k]!);
        if (value < mins[k]!) mins[k] = value;
      }
    }
    if (words < MIN_SHARED_TERMS) continue;
    // Numbers below 2^53: the date's id and kind of dating above the 32 bits of the min-hash.
    const group = (dateIds.get(ordered[i]!.date)! * 2 + (ordered[i]!.dating === 'context' ? 1 : 0)) * 0x100000000;
    let copyOfLeader: number | undefined;
    let likeness = 0;
    const tried = new Set<number>();
    for (let k = 0; k < SKETCHES && copyOfLeader === undefined; k++) {
      const leader = leaders[k]!.get(group + mins[k]!);
      if (leader === undefined || tried.has(leader) || articleOf[leader] === articleOf[i]) continue;
      tried.add(leader);
      // The words two candidates share are in both, so in more than one candidate: all weighed.
      const { weight: shared, count } = sharedWords(own, views[leader]![0]!);
      const jaccard = shared / (totals[i]![0]! + totals[leader]![0]! - shared);
      // As the scorer, never on one shared word.
      if (count >= MIN_SHARED_TERMS && jaccard >= NEAR_COPY) {
        copyOfLeader = leader;
        likeness = jaccard;
      }
    }
    if (copyOfLeader !== undefined) {
      representative[i] = false;
      scores.set(copyOfLeader * n + i, NEAR_COPY_SCORE + likeness);
    } else {
      for (let k = 0; k < SKETCHES; k++) if (!leaders[k]!.has(group + mins[k]!)) leaders[k]!.set(group + mins[k]!, i);
    }
  }

  // Score every compatible pair of distinct texts once. Neighbours are found
  // through the words a bucket shares rarely; the score then uses all words.
  for (let i = 0; i < n; i++) {
    if (!representative[i]) continue;
    const neighbours = new Set<number>();
    // Not itself, nor another sentence of its article.
    const article = articleOf[i];
    for (const key of keysOverlapping(allowed[i]!)) {
      const index = invertedOf(key);
      for (const term of documents[i]!) {
        const postings = index.get(term);
        if (!postings || postings === BLOCKED) continue;
        for (const j of postings) if (articleOf[j] !== article) neighbours.add(j);
      }
    }
    for (const j of neighbours) {
      const pair = i < j ? i * n + j : j * n + i;
      if (scores.has(pair)) continue;
      let best = -Infinity;
      views[i]!.forEach((mine, a) =>
        views[j]!.forEach((theirs, b) => {
          // A continuation is evidence for its sentence, not a report to match another continuation:
          // two paragraphs that both end "… did not respond to a request for comment" are not one event.
          if (a > 0 && b > 0) return;
          const words = sharedWords(mine, theirs);
          if (words.count < MIN_SHARED_TERMS) return;
          const phraseBonus = Math.min(MAX_PHRASE_BONUS, PHRASE_BONUS * words.phrases);
          best = Math.max(best, (2 * words.weight) / (totals[i]![a]! + totals[j]![b]!) + phraseBonus);
        }),
      );
      if (best === -Infinity) continue;
      const score = best + bonus(ordered[i]!, ordered[j]!);
      const sameDate = overlaps(spans[i]!, spans[j]!);
      if (score >= (sameDate ? threshold : Math.max(threshold, LOOKBACK_THRESHOLD))) scores.set(pair, score);
    }
  }
  const pairs = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);

  // Join best pairs first, under the constraints.
  const parent = ordered.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // A group's articles, by number: one, until it takes another group in (most never do).
  const groups = ordered.map((c, i) => ({
    members: [i],
    articles: undefined as Set<number> | undefined,
    article: articleOf[i]!,
    alone: Boolean(c.alone),
    span: allowed[i] as DaySpan,
  }));
  type Group = (typeof groups)[number];
  const articlesIn = (g: Group): Iterable<number> => g.articles ?? [g.article];
  const holds = (g: Group, article: number) => (g.articles ? g.articles.has(article) : g.article === article);
  const shareAnArticle = (x: Group, y: Group) => {
    // The smaller group's articles looked up in the larger's.
    const [few, many] = (x.articles?.size ?? 1) <= (y.articles?.size ?? 1) ? [x, y] : [y, x];
    for (const article of articlesIn(few)) if (holds(many, article)) return true;
    return false;
  };
  for (const [pair] of pairs) {
    const a = find(Math.floor(pair / n));
    const b = find(pair % n);
    if (a === b) continue;
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (ga.alone || gb.alone) continue;
    if (shareAnArticle(ga, gb)) continue;
    const span = intersect(ga.span, gb.span);
    if (!span) continue;
    const [root, child] = a < b ? [a, b] : [b, a];
    parent[child] = root;
    const gr = groups[root]!;
    const gc = groups[child]!;
    gr.members.push(...gc.members);
    gr.articles ??= new Set([gr.article]);
    for (const article of articlesIn(gc)) gr.articles.add(article);
    gr.span = span;
  }

  const clusters: Cluster[] = [];
  ordered.forEach((_, i) => {
    if (find(i) !== i) return;
    const group = groups[i]!;
    const members = group.members.sort((x, y) => x - y).map((m) => ordered[m]!);
    const dated = members.filter((m) => m.dating !== 'context');
    if (dated.length > 0) {
      const finest = [...dated].sort((x, y) => rank(x) - rank(y) || x.date.localeCompare(y.date))[0]!;
      clusters.push({ members, date: finest.date, granularity: finest.granularity, span: spanOf(finest.date)! });
    } else {
      // Only undated reports: the latest day all of them allow, i.e. the earliest publication day.
      const date = group.span.end;
      clusters.push({ members, date, granularity: 'day', span: { start: date, end: date } });
    }
  });
  return clusters;
}
