/** The shape every rule shares: a span of text and how to resolve it. */
import type { Day, Period } from './calendar.ts';
import type { Tense, Token } from './tense.ts';

/** A mention already resolved, visible to the rules resolved after it. */
export interface Resolved {
  start: number;
  end: number;
  period: Period;
  rule: string;
}

/** What a rule may read while resolving. */
export interface Env {
  text: string;
  /** Publication day. */
  pub: Day;
  tokens: readonly Token[];
  tense(start: number, end: number): Tense;
  /** Mentions of the sentence resolved so far, in text order. */
  resolved: readonly Resolved[];
  /** The nearest resolved mention ending before `start` (and accepted by `accept`). */
  previous(start: number, accept?: (period: Period) => boolean): Resolved | undefined;
  /** The nearest resolved mention starting at or after `end` (and accepted by `accept`). */
  next(end: number, accept?: (period: Period) => boolean): Resolved | undefined;
}

/** Day-level periods (a day, a part of a day, a clock time). */
export const isDayLevel = (p: Period): p is Extract<Period, { g: 'day' | 'time' }> => p.g === 'day' || p.g === 'time';

/**
 * When a candidate is resolved: `plain` ones against the publication date only
 * (and earlier mentions, for `would … on Friday`), `anchored` ones after them
 * (`a year earlier` needs the date before it), `clock` times last (they bind to
 * a day mentioned anywhere in the sentence).
 */
export type Stage = 'plain' | 'anchored' | 'clock';

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  stage: Stage;
  /** Breaks ties between overlapping spans of equal length; higher wins. */
  priority?: number;
  resolve(env: Env): Period | undefined;
}

interface GatedRegExp extends RegExp {
  gate?: RegExp;
}

/** `re`, run by `each` only on text that `gate` (no `g` flag) matches: every match of `re` must match it. */
export function gated(gate: RegExp, re: RegExp): RegExp {
  return Object.assign(re, { gate });
}

/**
 * Collects candidates from a regex with the `g` flag.
 *
 * Most sentences hold no date, and a rule's regexes try every word of them.
 * Rules therefore test a sentence first for what every match of a group of
 * their regexes must contain (a digit, a month name, `week|month|year`) and
 * run those regexes only when it is there: once for the whole rule when one
 * gate serves all its regexes, else through `gated`. A gate is built from the
 * words of the regexes behind it, so it can only skip a sentence they would
 * not match.
 */
export function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  const gate = (re as GatedRegExp).gate;
  if (gate && !gate.test(text)) return;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/** The lower-cased word ending right before `index` (skipping spaces, not punctuation), or ''. */
export function wordBefore(text: string, index: number, skip = 0): string {
  let i = index;
  for (let k = 0; k <= skip; k++) {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    const endWord = i;
    while (i > 0 && /[A-Za-z0-9'’.\-]/.test(text[i - 1]!)) i--;
    if (k === skip) return text.slice(i, endWord).toLowerCase().replace(/’/g, "'").replace(/^[.'\-]+|[.'\-]+$/g, '');
    if (i === endWord) return '';
  }
  return '';
}

/** The word starting right after `index` (skipping spaces), as written, or ''. */
export function wordAfter(text: string, index: number): string {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9'’\-]*)/.exec(text.slice(index, index + 60));
  return m ? m[1]! : '';
}
