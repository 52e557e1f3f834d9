/**
 * Tense of the verb group a time expression belongs to, read from the words
 * around it in its own clause. News copy dates a bare `on Friday` by its verb:
 * `said on Friday` is the last Friday, `will travel on Friday` the next one.
 * This is a cue finder, not a parser: the nearest cue wins, looking back
 * through the clause first and a few words ahead (`Trump on Sunday said`).
 */

export interface Token {
  /** Lower-cased word, or the punctuation character. */
  word: string;
  start: number;
  end: number;
  /** True for words (letters, digits, apostrophes), false for punctuation. */
  isWord: boolean;
}

/**
 * - `future`: will, is to, is expected/scheduled/due/set to, plans to, is meeting …
 * - `modal`: would, could, might … (future seen from a past saying: the day
 *   may be before or after publication)
 * - `present`: is, are, has (no tense for a date)
 * - `past`: said, was, had been, met …
 * - `none`: no verb cue in the clause (news defaults to the past)
 */
export type Tense = 'future' | 'modal' | 'present' | 'past' | 'none';

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\d+(?:[.,:]\d+)*|[A-Za-z0-9]+(?:['’][A-Za-z]+)*|\S/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase().replace(/’/g, "'");
    tokens.push({ word, start: m.index, end: m.index + m[0].length, isWord: /^[a-z0-9]/.test(word) });
  }
  return tokens;
}

const FUTURE = new Set(['will', "'ll", 'shall', "won't", 'wont', "shan't", 'gonna', 'upcoming', 'tomorrow']);
/** Future when followed by `to` (or, for `set`/`due`, by a verb rather than a cause): `plans to meet`. */
const FUTURE_BEFORE_TO = new Set([
  'expected',
  'expects',
  'expect',
  'scheduled',
  'slated',
  'set',
  'due',
  'plans',
  'planned',
  'plan',
  'planning',
  'intends',
  'intend',
  'intended',
  'intending',
  'aims',
  'aim',
  'aiming',
  'hopes',
  'hope',
  'hoping',
  'going',
  'poised',
  'preparing',
  'prepares',
  'wants',
  'want',
  'seeks',
  'agreed',
  'agrees',
  'promised',
  'promises',
  'vowed',
  'pledged',
  'threatened',
  'threatens',
  'ready',
  'likely',
  'unlikely',
  'supposed',
]);
/** Future on their own (`scheduled for Friday`, `due on Monday`). */
const FUTURE_ALONE = new Set(['scheduled', 'slated', 'rescheduled', 'postponed', 'due', 'expected', 'planned', 'upcoming']);
const MODAL = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', "'d", "wouldn't", "couldn't", "shouldn't", "can't", 'cannot']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't", 'ago', 'yesterday']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "isn't", "aren't"]);
const PERFECT_AUX = new Set(['has', 'have', "'ve", "hasn't", "haven't"]);
const BE_PARTICIPLE = new Set(['be', 'been', 'being']);
/** Adverbs that sit inside a verb group without changing its tense. */
const ADVERBS = new Set([
  'not',
  "n't",
  'also',
  'already',
  'just',
  'still',
  'reportedly',
  'then',
  'now',
  'only',
  'never',
  'again',
  'finally',
  'even',
  'actually',
  'apparently',
  'allegedly',
  'initially',
  'originally',
  'first',
  'later',
  'earlier',
  'previously',
  'repeatedly',
  'quickly',
  'formally',
  'officially',
  'publicly',
  'briefly',
  'last',
]);
/** After these, a participle is an adjective or a comparison: `the expected talks`, `as expected`. */
const NOT_A_VERB_AFTER = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'as', 'than']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'any', 'no']);

const IRREGULAR_PAST = new Set(
  (
    'said told met went came took made held sent gave began spoke saw knew thought brought bought fought caught taught left lost ' +
    'won ran rose fell became broke chose drove ate flew forgot got grew hid kept led meant paid rode rang sang sank sat shot shook ' +
    'slept sold stood stole struck swore threw understood woke wore wrote found felt heard built dealt drew fled hung laid lent ' +
    'sought spent withdrew overtook undertook arose awoke bore forbade foresaw froze withheld upheld overcame did had was were ' +
    'began became beat bit blew bled bred clung crept dug dove fed forgave forsook lay lit mistook overran overthrew oversaw ' +
    'rebuilt rewrote sprang stank stung strode strove swam swept swung tore trod underwent wept wound'
  ).split(' '),
);
/** Words in -ed that are not past tenses. */
const NOT_PAST_ED = new Set(
  (
    'need speed seed feed bed red shed hundred weed deed breed creed greed reed proceed exceed succeed indeed steed tweed wed sled ' +
    'naked wicked sacred beloved kindred rugged ragged dogged wretched crooked jagged hatred shred bloodshed watershed infrared ' +
    'unprecedented embed embedded unexpected unidentified unnamed undisclosed unspecified unrelated united limited based ' +
    'advanced alleged armed concerned detailed experienced interested involved married supposed used varied assorted ' +
    'ed led'
  ).split(' '),
);

function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  return word.length > 4 && word.endsWith('ed') && !NOT_PAST_ED.has(word);
}

/**
 * Clause edges when looking back: the verb of another clause is not ours. A
 * full stop is not one: inside a sentence it ends `U.S.` or `Mr.`.
 */
const HARD_STOP = new Set([';', ':', '!', '?', '—', '–', '(', ')', '“', '”', '"', '[', ']', '|', '•']);
/** Looking ahead we stop sooner: at a comma or a word that opens another clause. */
const SOFT_STOP = new Set([
  ',',
  'that',
  'which',
  'who',
  'whom',
  'when',
  'where',
  'while',
  'whether',
  'if',
  'because',
  'as',
  'but',
  'and',
  'or',
  'after',
  'before',
  'since',
  'until',
  'although',
  'though',
  'once',
  'so',
]);

const BACK_WINDOW = 16;
const AHEAD_WINDOW = 5;

interface Cue {
  tense: Tense;
  distance: number;
}

function nextWord(tokens: Token[], i: number): string {
  return tokens[i + 1]?.word ?? '';
}

/** The tense a cue word at `i` gives, reading the auxiliaries right before it; `undefined` if it is no cue. */
function cueAt(tokens: Token[], i: number): Tense | undefined {
  const word = tokens[i]!.word;
  if (FUTURE.has(word)) return 'future';
  if (word.endsWith("'ll")) return 'future';
  if (MODAL.has(word)) return 'modal';
  if (FUTURE_ALONE.has(word) && !NOT_A_VERB_AFTER.has(tokens[i - 1]?.word ?? '')) {
    // "due to the weather", "due to delays" give a cause; "due to meet", "due in Ankara" a plan
    if (word !== 'due') return 'future';
    const next = nextWord(tokens, i);
    const after = tokens[i + 2]?.word ?? '';
    if (next !== 'to' || (!DETERMINERS.has(after) && !after.endsWith('s'))) return 'future';
  }
  if (FUTURE_BEFORE_TO.has(word) && nextWord(tokens, i) === 'to') {
    const after = tokens[i + 2]?.word ?? '';
    // "set to meet" is a plan, "set to the music" is not; a determiner after `to` means a noun phrase
    if (!DETERMINERS.has(after)) return 'future';
  }
  if (word === 'to') {
    const before = tokens[i - 1]?.word ?? '';
    // "is to meet", "was to have met": a plan
    if (PRESENT_AUX.has(before) || before === 'was' || before === 'were') return 'future';
    // "to be held": a future passive
    if (nextWord(tokens, i) === 'be') return 'future';
  }
  if (PAST_AUX.has(word)) return 'past';
  if (PERFECT_AUX.has(word)) {
    // "has met" is a past event; "has talks on Friday" a plain present
    return isPastForm(nextWord(tokens, i)) || nextWord(tokens, i) === 'been' ? 'past' : 'present';
  }
  if (PRESENT_AUX.has(word)) {
    const next = nextWord(tokens, i);
    // present progressive ("are meeting on Friday") is how news states plans
    if (next.endsWith('ing') && next.length > 4) return 'future';
    return 'present';
  }
  if (word.endsWith('ing') && word.length > 4) {
    const aux = auxBefore(tokens, i);
    if (aux && PRESENT_AUX.has(aux)) return 'future';
    return undefined;
  }
  if (isPastForm(word)) {
    const before = tokens[i - 1]?.word ?? '';
    if (DETERMINERS.has(before)) return undefined; // "the proposed talks": an adjective
    const aux = auxBefore(tokens, i);
    if (aux === undefined) return 'past';
    // a participle after `is`/`be`: the auxiliary before it decides
    if (PRESENT_AUX.has(aux) || BE_PARTICIPLE.has(aux)) return undefined;
    return 'past';
  }
  return undefined;
}

/** The auxiliary within three words before `i`, skipping adverbs. */
function auxBefore(tokens: Token[], i: number): string | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const w = tokens[j]!.word;
    if (ADVERBS.has(w)) continue;
    if (PRESENT_AUX.has(w) || PAST_AUX.has(w) || PERFECT_AUX.has(w) || BE_PARTICIPLE.has(w) || MODAL.has(w) || FUTURE.has(w)) return w;
    return undefined;
  }
  return undefined;
}

/** Index of the first token at or after a text offset. */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tense of the clause around the text span `[start, end)`. */
export function tenseAround(tokens: Token[], start: number, end: number): Tense {
  const first = tokenIndexAt(tokens, start);
  const after = tokenIndexAt(tokens, end);
  let back: Cue | undefined;
  for (let i = first - 1, n = 0; i >= 0 && n < BACK_WINDOW; i--, n++) {
    const t = tokens[i]!;
    if (HARD_STOP.has(t.word)) break;
    if (!t.isWord) continue;
    const tense = cueAt(tokens, i);
    if (tense) {
      back = { tense, distance: n + 1 };
      break;
    }
  }
  let ahead: Cue | undefined;
  for (let i = after, n = 0; i < tokens.length && n < AHEAD_WINDOW; i++, n++) {
    const t = tokens[i]!;
    if (HARD_STOP.has(t.word) || SOFT_STOP.has(t.word)) break;
    if (!t.isWord) continue;
    const tense = cueAt(tokens, i);
    if (tense) {
      ahead = { tense, distance: n + 1 };
      break;
    }
  }
  if (back && ahead) return ahead.distance < back.distance ? ahead.tense : back.tense;
  return back?.tense ?? ahead?.tense ?? 'none';
}
