/** Shared helpers for the time-expression tests. */
import { findTimeExpressions } from '../../../src/pipeline/time/index.ts';
import type { TimeExpression } from '../../../src/pipeline/types.ts';

/** Thursday: the publication day of seed articles 000–003. */
export const THURSDAY = '2025-05-15';
/** Friday: the publication day of seed article 004. */
export const FRIDAY = '2025-05-16';

export function tag(text: string, published = THURSDAY): TimeExpression[] {
  return findTimeExpressions(text, { published, language: 'en' });
}

/** `text=value` for each expression, the compact form most tests compare. */
export function pairs(text: string, published = THURSDAY): string[] {
  return tag(text, published).map((e) => `${e.text}=${e.value}`);
}

/** The value of the only expression whose text contains `phrase`. */
export function valueOf(text: string, phrase: string, published = THURSDAY): string | undefined {
  const found = tag(text, published).filter((e) => e.text.includes(phrase) || phrase.includes(e.text));
  if (found.length !== 1) throw new Error(`expected one expression for “${phrase}” in “${text}”, got ${JSON.stringify(found.map((e) => e.text))}`);
  return found[0]!.value;
}

/** The grammar every value follows (TimeML subset the site uses). */
export const VALUE_GRAMMAR =
  /^\d{4}(?:-(?:SP|SU|FA|WI|Q[1-4]|W(?:0[1-9]|[1-4]\d|5[0-3])|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:MO|AF|EV|NI|(?:[01]\d|2[0-3]):[0-5]\d(?:[+-](?:0\d|1[0-4]):[0-5]\d)?))?)?))?$/;
