/**
 * Sentence boundaries for English news copy. Rule-based, like the splitters
 * newsrooms' tools use: a boundary is `.`, `!` or `?` (with any closing quotes
 * or brackets) followed by space and something that can start a sentence,
 * unless the word before the stop is an abbreviation or an initial.
 */

/** Abbreviations that end with a period inside a sentence in news copy. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr',
    'st', 'mt', 'ft', 'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'dept', 'univ', 'assn', 'bros',
    'inc', 'ltd', 'co', 'corp', 'plc', 'no', 'nos', 'vs', 'v', 'etc', 'approx', 'est', 'fig', 'vol', 'ed',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'a.m', 'p.m', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a',
  ],
);

/** Abbreviations that may also end a sentence ("in the U.S. The …"): split when a capitalised word follows. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'a.m', 'p.m', 'jr', 'sr']);

/** Words that start sentences after an abbreviation such as "U.S." often enough to split there. */
const SENTENCE_STARTERS = /(The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|These|Those|There|His|Her|Their|Its|Some|Many|Most|No|After|Before|While|When|If|As)\b/y;

/** Tests a sticky pattern at `index` without copying the rest of the text (articles can be 1 MB). */
function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

export interface Span {
  start: number;
  end: number;
}

const CLOSERS = '"\'”’)]»';

/** After a quoted question or exclamation, "… ?” Trump said." is one sentence. */
const SPEECH_TAG = /(?:[\p{Lu}][\p{L}'’.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|responded|replied|continued|insisted|exclaimed|declared)\b/uy;
const OPENERS = '"\'“‘([«';

function wordBefore(text: string, stop: number): string {
  let i = stop;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  return text.slice(i, stop).toLowerCase().replace(/^\.+/, '');
}

/** Longest quotation kept as one sentence: beyond it, quote marks are more likely mismatched than a speech. */
const MAX_QUOTE = 600;

/** Spans of curly quotations “…” closed within the block. */
function quoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let open = text.indexOf('“'); open !== -1; open = text.indexOf('“', open + 1)) {
    const close = text.indexOf('”', open + 1);
    if (close === -1) break;
    if (close - open <= MAX_QUOTE) ranges.push([open, close]);
    open = close;
  }
  return ranges;
}

/** Splits a block of text into sentence spans (trimmed, never empty). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };

  const quotes = quoteRanges(text);
  const insideQuote = (stop: number, after: number) => quotes.some(([open, close]) => open < stop && close >= after);

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Swallow runs of stops ("?!", "...") and closing quotes/brackets.
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k >= text.length) break;
    const next = text[k]!;
    const nextStartsSentence = /[\p{Lu}\d]/u.test(next) || (OPENERS.includes(next) && /[\p{Lu}\d]/u.test(text[k + 1] ?? ''));
    if (!nextStartsSentence) {
      i = j - 1;
      continue;
    }
    // “I feel disrespect from Russia. No meeting time …,” Zelenskiy said: one quotation, one sentence.
    if (insideQuote(i, j)) {
      i = j - 1;
      continue;
    }
    if (ch !== '.' && j > i + 1 && CLOSERS.includes(text[j - 1]!) && matchesAt(SPEECH_TAG, text, k)) {
      i = j - 1;
      continue;
    }
    if (ch === '.') {
      const word = wordBefore(text, i);
      const isInitial = /^[a-z]$/.test(word) && /[A-Z]/.test(text[i - 1]!);
      if (isInitial || (ABBREVIATIONS.has(word) && !(SENTENCE_FINAL_ABBREVIATIONS.has(word) && matchesAt(SENTENCE_STARTERS, text, k)))) {
        i = j - 1;
        continue;
      }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return spans;
}
