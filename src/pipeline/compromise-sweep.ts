/**
 * compromise's `bulkMatch` (the sweep its post-tagger runs over each
 * sentence's comma-separated parts with its 2,268 correction patterns),
 * doing the same work in the same order with less bookkeeping.
 *
 * compromise's own, for every part: looks each of the net's 730 hook words
 * and tags up in the part's cache, concatenates every hit's pattern list (a
 * new array each time), drops repeats through an object keyed by pattern
 * text, then filters the list four times. This one ranks the hooks once per
 * net, looks the part's own cache entries up instead (tens, not 730), sorts
 * their ranks so the hooks come in compromise's order, and drops repeats and
 * failed patterns in one pass over integer ids.
 *
 * The result is what compromise's gives, pattern for pattern and in order:
 * - the hooks present, in `Object.keys(net.hooks)` order;
 * - each hook's patterns in its own order, a pattern text seen once (the
 *   first time, before any filter: compromise drops repeats first);
 * - kept when every `needs` is present, no `ifNo` is, at least `minWant` of
 *   its `wants` are (when it has any), and the part has `minWords` terms;
 * - then the net's `always` patterns with enough terms;
 * - then every pattern matched against its part in that order, the matches
 *   collected as compromise does (`matchOne` stopping at the first).
 *
 * `tests/unit/compromise-sweep.test.ts` compares every term's tags with
 * compromise's own sweep and this one over the repository's articles,
 * fixtures and README, so an upgrade of compromise that changes the sweep
 * fails there. `entitiesOf` over the 1,032 distinct sentences of the
 * MEANTIME and seed articles takes about a fifth less time with it
 * (2,099–2,666 ms against 2,410–3,312 ms, six interleaved runs each).
 */

/** A compiled pattern, as compromise's `buildNet` leaves it (only what the sweep reads). */
interface Pattern {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, Pattern[]>;
  always: Pattern[];
}

type Pointer = [number, number, number];

interface Methods {
  one: {
    cacheDoc(document: unknown[][]): Array<Set<string>>;
    match(document: unknown[][], pattern: Pattern): { ptrs: Pointer[] };
  };
}

/** A net's hooks ranked in `Object.keys` order, each hook's patterns as ids of their texts, and a stamp per id for the pass. */
interface HookIndex {
  keys: string[];
  rank: Map<string, number>;
  ids: Int32Array[];
  seen: Uint32Array;
  stamp: number;
}

const indexes = new WeakMap<Net['hooks'], HookIndex>();

/** compromise builds a net once (the post-tagger's, on first use) and leaves it as built: it is indexed once. */
function indexOf(hooks: Net['hooks']): HookIndex {
  let index = indexes.get(hooks);
  if (!index) {
    const keys = Object.keys(hooks);
    const rank = new Map<string, number>();
    const byText = new Map<string, number>();
    const ids = keys.map((key, i) => {
      rank.set(key, i);
      return Int32Array.from(hooks[key]!, (pattern) => {
        let id = byText.get(pattern.match);
        if (id === undefined) byText.set(pattern.match, (id = byText.size));
        return id;
      });
    });
    index = { keys, rank, ids, seen: new Uint32Array(byText.size), stamp: 0 };
    indexes.set(hooks, index);
  }
  return index;
}

/** The patterns to try on one part, in compromise's order. */
function candidates(index: HookIndex, net: Net, haves: Set<string>, terms: number): Pattern[] {
  const present: number[] = [];
  for (const have of haves) {
    const rank = index.rank.get(have);
    if (rank !== undefined) present.push(rank);
  }
  present.sort((a, b) => a - b);
  // A fresh stamp marks a new part's pass; wrapping around would take four billion parts.
  if (++index.stamp === 0xffffffff) {
    index.seen.fill(0);
    index.stamp = 1;
  }
  const { seen, stamp } = index;
  const list: Pattern[] = [];
  for (const rank of present) {
    const ids = index.ids[rank]!;
    const patterns = net.hooks[index.keys[rank]!]!;
    for (let i = 0; i < patterns.length; i++) {
      const id = ids[i]!;
      if (seen[id] === stamp) continue;
      seen[id] = stamp;
      const pattern = patterns[i]!;
      if (terms < pattern.minWords) continue;
      if (!pattern.needs.every((need) => haves.has(need))) continue;
      if (pattern.ifNo !== undefined && pattern.ifNo.some((no) => haves.has(no))) continue;
      if (pattern.wants.length > 0 && pattern.wants.filter((want) => haves.has(want)).length < pattern.minWant) continue;
      list.push(pattern);
    }
  }
  for (const pattern of net.always) if (terms >= pattern.minWords) list.push(pattern);
  return list;
}

/** compromise's `methods.one.bulkMatch(document, net, methods, opts)`, with the same result. */
export function bulkMatch(document: unknown[][], net: Net, methods: Methods, opts: { matchOne?: boolean } = {}): Array<Pattern & { pointer: Pointer }> {
  const caches = methods.one.cacheDoc(document);
  const index = indexOf(net.hooks);
  // Every part's list before any match, as compromise does.
  const lists = document.map((terms, n) => candidates(index, net, caches[n]!, terms.length));
  const results: Array<Pattern & { pointer: Pointer }> = [];
  for (let n = 0; n < lists.length; n++) {
    for (const pattern of lists[n]!) {
      const found = methods.one.match([document[n]!], pattern);
      if (found.ptrs.length === 0) continue;
      for (const pointer of found.ptrs) {
        pointer[0] = n;
        const todo = Object.assign({}, pattern, { pointer });
        // As compromise's own does, should `unTag` be inherited rather than the pattern's own.
        if (pattern.unTag !== undefined) todo.unTag = pattern.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]!];
    }
  }
  return results;
}
