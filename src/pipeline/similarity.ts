/**
 * How alike two sentences are, for merging the same happening reported by
 * several outlets. Words are lower-cased and cut to six letters (a crude but
 * language-light stem that makes "Russian"/"Russia", "Zelenskiy"/"Zelenskyy",
 * "settlements"/"settlement" meet); common words and date words are dropped;
 * neighbouring pairs of the words left are terms too (phrases); everything
 * is weighted by rarity (IDF) across all candidates.
 */

const STOPWORDS = new Set(
  `a an the and or but of to in on at by for from with without as into over after before about than then that this these those there their they them he she his her him its it is are was were be been being has have had do does did not no nor so if while when where which who whom whose what why how all any both each few more most other some such only own same too very can will would could should may might must shall just also still even yet already now here said says say told tells according mr mrs ms dr president minister
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow week weekend month year morning afternoon evening night late early earlier later last next this`.split(
    /\s+/,
  ),
);

/**
 * News wording that names the same thing differently ("talks", "negotiations",
 * "discussions"; "delegation", "team", "line-up"; "captured", "seized"). Kept
 * to general news vocabulary: nothing here is about one story.
 */
const SYNONYMS: Record<string, string> = {
  negoti: 'talk', discus: 'talk', summit: 'talk',
  team: 'delega', lineup: 'delega', line: 'delega', delegates: 'delega',
  seized: 'captur', seize: 'captur', took: 'captur',
  killed: 'kill', dead: 'kill', deaths: 'kill',
  propos: 'propos', offer: 'propos', called: 'propos',
  declin: 'refuse', refuse: 'refuse', reject: 'refuse', spurne: 'refuse', snub: 'refuse', snubbe: 'refuse', skip: 'refuse',
  absenc: 'absent', absent: 'absent',
  named: 'announ', name: 'announ', releas: 'announ', reveal: 'announ', unveil: 'announ', announ: 'announ', confir: 'announ',
  list: 'delega',
};

export function terms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  const unigrams: string[] = [];
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = word.replace(/(?<!s)s$/, '').slice(0, 6);
    unigrams.push(SYNONYMS[stem] ?? SYNONYMS[word] ?? stem);
  }
  out.push(...unigrams);
  // Pairs of neighbouring content words ("russia force", "late night", "slap face") tell phrases apart.
  for (let i = 1; i < unigrams.length; i++) out.push(`${unigrams[i - 1]} ${unigrams[i]}`);
  return out;
}

/** Inverse document frequency of terms over a set of texts. */
export function idfOf(documents: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  return idfFromCounts(df, documents.length);
}

/** The same, from each term's number of documents (`df`) out of `documents`. */
export function idfFromCounts(df: Map<string, number>, documents: number): Map<string, number> {
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, idfWeight(count, documents));
  return idf;
}

/** The inverse document frequency of a term in `count` of `documents` texts. */
export function idfWeight(count: number, documents: number): number {
  return Math.log((documents + 1) / (count + 0.5));
}

/** Weighted Dice coefficient of two term sets, 0 (nothing shared) to 1 (same words). */
export function similarity(a: Set<string>, b: Set<string>, idf: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const term of a) {
    const w = idf.get(term) ?? 1;
    total += w;
    if (b.has(term)) shared += w;
  }
  for (const term of b) total += idf.get(term) ?? 1;
  return total === 0 ? 0 : (2 * shared) / total;
}
