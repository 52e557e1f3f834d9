import type nlpType from 'compromise';
import { createRequire } from 'node:module';
import { bulkMatch } from './compromise-sweep.ts';

/**
 * People and places named in a sentence, found by compromise's tagger, then
 * tidied: honorifics and titles go, possessives and punctuation go, and
 * spelling variants of one name (Zelensky, Zelenskyy, Zelenskiy) are keyed
 * together so a filter gathers them. Display names are learned from the
 * articles: the most frequent spelling wins.
 */

export interface Entities {
  people: string[];
  places: string[];
}

const TITLES =
  /^(?:(?:us|u\.s\.|uk|turkish|ukrainian|russian|french|german|finnish|british|american|kremlin|former|then|vice|deputy|acting|prime|foreign|defence|defense|state|secretary|general|minister|president|presidential|adviser|aide|spokesman|spokeswoman|spokesperson|chief|leader|mr|mrs|ms|dr|sir|dame|lord|lady|king|queen|prince|pope|senator|sen|rep|gov|gen|col|capt|of|the)\.?\s+)+/i;

const NOT_NAMES = new Set(['kremlin', 'nato', 'eu', 'un', 'us', 'uk', 'white house', 'president', 'minister']);

function tidy(raw: string): string {
  return raw
    .replace(/[’']s\b/g, '')
    .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key that joins spelling variants of a surname: lower case, ASCII, transliteration endings dropped. */
export function nameKey(name: string): string {
  const last = name.split(' ').pop() ?? name;
  const ascii = last.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return ascii.length > 5 ? ascii.replace(/(?:iy|yy|ii|y|i)$/, '') : ascii;
}

const cache = new Map<string, Entities>();

/**
 * Sentences compromise has tagged in this process, and the time it took: an
 * analysis keeps its people and places only when it tagged some (build.ts),
 * and the benchmark, whose corpus repeats its template articles' sentences,
 * reports what distinct sentences would cost.
 */
export const tagging = { sentences: 0, ms: 0 };

let tagger: { nlp: typeof nlpType; hooks: string[] } | undefined;

/** What `tokenize` has run already, and the chunker (noun and verb phrases), which people and places do not use. */
const SKIPPED_HOOKS = new Set(['contractions', 'alias', 'machine', 'chunks']);

/**
 * compromise, loaded on first use (its package's CommonJS build, which loads
 * in two thirds of the ES module's 0.6 s): a rebuild whose sentences were
 * all tagged in an earlier build (`primeEntities`) never loads it. A sentence
 * is tokenized, then tagged by compromise's own steps but the chunker: the
 * people and places come out the same (the 626 distinct sentences of the
 * seed, MEANTIME airbus and fixture articles and the benchmark's corpus were
 * compared) in about a fifth less time. Its post-tagger's sweep is ours
 * (`compromise-sweep.ts`): the same patterns in the same order, every
 * term's tags the same, with less bookkeeping.
 */
function compromise(): NonNullable<typeof tagger> {
  if (!tagger) {
    const nlp = createRequire(import.meta.url)('compromise') as typeof nlpType;
    nlp.plugin({ methods: { one: { bulkMatch } } });
    tagger = { nlp, hooks: nlp.hooks().filter((hook) => !SKIPPED_HOOKS.has(hook)) };
  }
  return tagger;
}

/** Forgets every sentence tagged in this process, as a new process starts (for tests). */
export function forgetEntities(): void {
  cache.clear();
}

/**
 * An article's people and places as the disk cache keeps them apart from its
 * analysis (`DiskCache.people`, whose version hashes this file, so a change
 * to this shape is a new version): each candidate sentence's text, and what
 * was found in it.
 */
export type PeopleEntry = Array<[text: string, found: Entities]>;

const isNames = (value: unknown): value is string[] => Array.isArray(value) && value.every((name) => typeof name === 'string');

/** Seeds the cache from a `PeopleEntry` read back from disk; anything not of its shape is ignored. */
export function primePeopleEntry(entry: unknown): void {
  if (!Array.isArray(entry)) return;
  for (const item of entry as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') continue;
    const found = item[1] as Partial<Entities> | null;
    if (found && isNames(found.people) && isNames(found.places)) primeEntities(item[0], { people: found.people, places: found.places });
  }
}

/** Seeds the cache with entities found in an earlier build. */
export function primeEntities(text: string, entities: Entities): void {
  cache.set(text, entities);
}

/** Raw people and places of one sentence (cached by text: rebuilds reuse them). */
export function entitiesOf(text: string): Entities {
  const hit = cache.get(text);
  if (hit) return hit;
  const { nlp, hooks } = compromise();
  const started = performance.now();
  // `tokenize` is typed as compromise's first layer; the document is the full library's.
  const doc = nlp.tokenize(text).compute(hooks) as ReturnType<typeof nlpType>;
  const people = (doc.people().out('array') as string[])
    .map((p) => tidy(p).replace(TITLES, ''))
    .filter((p) => /^\p{Lu}/u.test(p) && !NOT_NAMES.has(p.toLowerCase()));
  const places = (doc.places().out('array') as string[])
    .map((p) => tidy(p).replace(/^(?:the|state)\s+/i, ''))
    .filter((p) => /^\p{Lu}/u.test(p) && p.length > 1 && !NOT_NAMES.has(p.toLowerCase()));
  const result = { people: [...new Set(people)], places: [...new Set(places)] };
  cache.set(text, result);
  tagging.sentences++;
  tagging.ms += performance.now() - started;
  return result;
}

/**
 * Learns one display name per key from every mention: the surname in its most
 * frequent spelling (ties broken alphabetically, so builds never differ).
 */
export class NameBook {
  private readonly counts = new Map<string, Map<string, number>>();

  add(name: string): void {
    const key = nameKey(name);
    const surname = name.split(' ').pop() ?? name;
    const forms = this.counts.get(key) ?? new Map<string, number>();
    forms.set(surname, (forms.get(surname) ?? 0) + 1);
    this.counts.set(key, forms);
  }

  display(name: string): string {
    const forms = this.counts.get(nameKey(name));
    if (!forms) return name.split(' ').pop() ?? name;
    return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  }
}

const MONTHS_AND_DAYS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A place name worth a filter: one to three capitalised words, nothing else. */
function cleanPlace(raw: string): string | undefined {
  const place = raw.replace(/[‘’']s?$/u, '').trim();
  if (!/^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){0,2}$/u.test(place) || MONTHS_AND_DAYS.test(place)) return undefined;
  return place;
}

/**
 * People and places learned from all the articles, then looked for in every
 * sentence: compromise finds "Recep Tayyip Erdogan" in one sentence, and the
 * gazetteer then finds "President Erdogan" in the next. Places also come from
 * "in/at/to/from X" when X is seen so at least twice.
 */
export class Gazetteer {
  readonly names = new NameBook();
  private readonly personKeys = new Set<string>();
  private readonly nameWords = new Set<string>();
  private readonly places = new Map<string, number>();
  private readonly placeContexts = new Map<string, number>();

  /** What each text contributes (its people with their keys and words, its places), and what `find` found in it: wire copies repeat sentences word for word. */
  private readonly named = new Map<string, { people: Array<[name: string, key: string, words: string[]]>; places: string[]; contexts: string[] }>();
  private readonly found = new Map<string, Entities>();

  learn(text: string): void {
    let named = this.named.get(text);
    if (!named) {
      const found = entitiesOf(text);
      named = {
        people: found.people.map((person) => [person, nameKey(person), person.split(' ')]),
        places: found.places.map(cleanPlace).filter((place) => place !== undefined),
        contexts: [...text.matchAll(/\b(?:in|at|to|from|near|outside)\s+(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)/gu)]
          .map((m) => cleanPlace(m[1]!))
          .filter((place) => place !== undefined),
      };
      this.named.set(text, named);
    }
    // Every occurrence counts (a place seen twice is a place, the most frequent spelling wins): only the extraction is remembered.
    this.cachedPlaces = undefined;
    this.found.clear();
    for (const [person, key, words] of named.people) {
      this.names.add(person);
      this.personKeys.add(key);
      for (const word of words) this.nameWords.add(word);
    }
    for (const place of named.places) this.places.set(place, (this.places.get(place) ?? 0) + 1);
    for (const place of named.contexts) this.placeContexts.set(place, (this.placeContexts.get(place) ?? 0) + 1);
  }

  private knownPlaces(): Set<string> {
    const known = new Set(this.places.keys());
    for (const [place, count] of this.placeContexts) if (count >= 2) known.add(place);
    for (const place of [...known]) {
      const words = place.split(' ');
      // Not a person's name, not a demonym ("Russian", "Turkish"), not an organisation written as a word ("Nato").
      if (words.some((w) => this.nameWords.has(w) || this.personKeys.has(nameKey(w))) || /(?:ian|ean|ish|ese)$/.test(place) || /^(?:Nato|Kremlin|White House|State|Congress|Parliament)$/.test(place)) {
        known.delete(place);
      }
    }
    return known;
  }

  private cachedPlaces: Set<string> | undefined;

  /** People (display surnames) and places named in a text. */
  find(text: string): Entities {
    const known = this.found.get(text);
    if (known) return known;
    this.cachedPlaces ??= this.knownPlaces();
    const people = new Set<string>();
    for (const m of text.matchAll(/\p{Lu}[\p{L}’'-]+/gu)) {
      const word = m[0].replace(/[’']s$/, '');
      if (this.personKeys.has(nameKey(word)) && !MONTHS_AND_DAYS.test(word)) people.add(this.names.display(word));
    }
    const places = new Set<string>();
    for (const place of this.cachedPlaces) {
      const at = text.indexOf(place);
      if (at !== -1 && !/[\p{L}]/u.test(text[at + place.length] ?? '') && !/[\p{L}]/u.test(text[at - 1] ?? '')) places.add(place);
    }
    const entities = { people: [...people].sort(), places: [...places].sort() };
    this.found.set(text, entities);
    return entities;
  }
}
