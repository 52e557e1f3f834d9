/**
 * Anchoring: which Friday, which March, which summer an expression means,
 * given the publication day and the tense of its clause. These are the reading
 * rules of a careful news reader; the unit tests give examples of each.
 */
import {
  compareDays,
  daysBetween,
  isValidDay,
  quarterOf,
  SEASONS,
  seasonOf,
  shiftDays,
  shiftMonth,
  weekdayOf,
  type Day,
  type Period,
} from './calendar.ts';
import type { Season } from './lexicon.ts';
import type { Tense } from './tense.ts';

/** How a weekday is tied to publication: by a word (`last`, `next`, `this`) or by the verb. */
export type Direction = 'last' | 'next' | 'this' | undefined;

/**
 * The day a weekday name denotes.
 * - the publication's own weekday is the publication day (unless `last`/`next`);
 * - `last` is the one before publication, `next` the one after;
 * - future tense the next one after publication, past tense (and news's
 *   default) the most recent one before;
 * - `would`/`could`: after the day of the saying when the sentence gives one
 *   (`said on Monday he would go on Wednesday`), else after publication, except
 *   the day right before it;
 * - a plain present (`is in Ankara on Thursday`): the nearest one either way.
 */
export function resolveWeekday(pub: Day, weekday: number, direction: Direction, tense: Tense, reference?: Day): Day {
  const forward = (weekday - weekdayOf(pub) + 7) % 7; // 0 … 6 days ahead
  const before = (from: Day) => shiftDays(from, -(((weekdayOf(from) - weekday + 7) % 7) || 7));
  const after = (from: Day) => shiftDays(from, ((weekday - weekdayOf(from) + 7) % 7) || 7);
  if (direction === 'last') return before(pub);
  if (direction === 'next') return after(pub);
  if (direction === 'this') {
    // the one in the publication's ISO week (Monday–Sunday), unless the tense points elsewhere
    if (forward === 0) return pub;
    if (tense === 'future') return after(pub);
    if (tense === 'past') return before(pub);
    return shiftDays(pub, weekday - weekdayOf(pub));
  }
  if (forward === 0) return pub;
  switch (tense) {
    case 'future':
      return after(pub);
    case 'past':
    case 'none':
      return before(pub);
    case 'modal':
      // `would` looks ahead from the saying; with no day of saying, from publication,
      // except to the day before it (`the delegation it would be sending late on Wednesday`
      // in a Thursday piece dates the sending, which is past)
      if (reference && compareDays(reference, pub) <= 0) return after(reference);
      return forward === 6 ? before(pub) : after(pub);
    case 'present':
      return forward <= 3 ? after(pub) : before(pub);
  }
}

/**
 * A yearly day given without its year (`May 15`, `on 11 December`, `at
 * Christmas`): the occurrence nearest publication, unless it contradicts the
 * clause's tense by more than two months, then the nearest one on the right
 * side (`crashed on 11 December` in a late-January piece is last December
 * either way; `will open on 20 January` in a December piece is next January).
 */
export function resolveAnnual(pub: Day, dayIn: (y: number) => Day | undefined, tense: Tense): Day | undefined {
  const options = [pub.y - 1, pub.y, pub.y + 1].map(dayIn).filter((d): d is Day => d !== undefined);
  if (options.length === 0) return undefined;
  options.sort((a, b) => Math.abs(daysBetween(pub, a)) - Math.abs(daysBetween(pub, b)));
  let best = options[0]!;
  const offset = daysBetween(pub, best);
  if (tense === 'past' && offset > 60) best = options.find((o) => daysBetween(pub, o) <= 0) ?? best;
  if (tense === 'future' && offset < -60) best = options.find((o) => daysBetween(pub, o) >= 0) ?? best;
  return best;
}

export function resolveMonthDay(pub: Day, month: number, day: number, tense: Tense): Day | undefined {
  return resolveAnnual(pub, (y) => (isValidDay(y, month, day) ? { y, m: month, d: day } : undefined), tense);
}

/**
 * A month without a year (`in March`): the latest on or before the
 * publication month, or the next on or after it when the clause is in the
 * future; `would`/present take the nearest.
 */
export function resolveMonth(pub: Day, month: number, tense: Tense, direction: Direction = undefined): { y: number; m: number } {
  const past = month <= pub.m ? pub.y : pub.y - 1;
  const future = month >= pub.m ? pub.y : pub.y + 1;
  if (direction === 'last') return { y: month < pub.m ? pub.y : pub.y - 1, m: month };
  if (direction === 'next') return { y: month > pub.m ? pub.y : pub.y + 1, m: month };
  if (direction === 'this') return { y: pub.y, m: month };
  if (tense === 'future') return { y: future, m: month };
  if (tense === 'modal' || tense === 'present') {
    const back = (pub.m - month + 12) % 12;
    const ahead = (month - pub.m + 12) % 12;
    return { y: ahead < back ? future : past, m: month };
  }
  return { y: past, m: month };
}

/** Season instances are counted `year * 4 + index`, winter last (it starts in December). */
function seasonIndex(y: number, s: Season): number {
  return y * 4 + SEASONS.indexOf(s);
}

function seasonAt(index: number): { y: number; s: Season } {
  return { y: Math.floor(index / 4), s: SEASONS[((index % 4) + 4) % 4]! };
}

/** `last summer`, `this winter`, `in the spring`: the instance nearest publication in the right direction. */
export function resolveSeason(pub: Day, season: Season, direction: Direction, tense: Tense): { y: number; s: Season } {
  const now = seasonOf(pub);
  const current = seasonIndex(now.y, now.s);
  const target = SEASONS.indexOf(season);
  const ahead = (target - (current % 4) + 4) % 4;
  const previous = current - ((((current % 4) - target + 4) % 4) || 4);
  const nextOne = current + (ahead || 4);
  if (direction === 'last') return seasonAt(previous);
  if (direction === 'next') return seasonAt(nextOne);
  if (ahead === 0) return now;
  if (tense === 'future') return seasonAt(nextOne);
  if (tense === 'past' || tense === 'none') return seasonAt(previous);
  // this summer / in the summer with no tense: the one in the publication's calendar year
  return seasonAt(seasonIndex(pub.y, season));
}

/** `the third quarter` without a year: the latest one so far, or the next one in the future. */
export function resolveQuarter(pub: Day, quarter: number, tense: Tense): { y: number; q: number } {
  const now = quarterOf(pub.m);
  if (tense === 'future') return { y: quarter >= now ? pub.y : pub.y + 1, q: quarter };
  return { y: quarter <= now ? pub.y : pub.y - 1, q: quarter };
}

export function shiftQuarter(y: number, q: number, n: number): { y: number; q: number } {
  const index = y * 4 + (q - 1) + n;
  return { y: Math.floor(index / 4), q: (index % 4) + 1 };
}

/** The month `n` months from the publication's. */
export function monthFrom(pub: Day, n: number): Period {
  return { g: 'month', ...shiftMonth(pub.y, pub.m, n) };
}
