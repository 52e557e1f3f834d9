import nlp from 'compromise';

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

/** Raw people and places of one sentence (cached by text: rebuilds reuse them). */
export function entitiesOf(text: string): Entities {
  const hit = cache.get(text);
  if (hit) return hit;
  const doc = nlp(text);
  const people = (doc.people().out('array') as string[])
    .map((p) => tidy(p).replace(TITLES, ''))
    .filter((p) => /^\p{Lu}/u.test(p) && !NOT_NAMES.has(p.toLowerCase()));
  const places = (doc.places().out('array') as string[])
    .map((p) => tidy(p).replace(/^(?:the|state)\s+/i, ''))
    .filter((p) => /^\p{Lu}/u.test(p) && p.length > 1 && !NOT_NAMES.has(p.toLowerCase()));
  const result = { people: [...new Set(people)], places: [...new Set(places)] };
  cache.set(text, result);
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
