/**
 * Calendar arithmetic for resolving time expressions: plain `{ y, m, d }` days
 * (no clock, no time zone), the periods expressions denote, and their
 * TimeML-style values. date-fns does the day arithmetic on local-midnight
 * `Date`s, which is the same on every machine whatever its time zone.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getISODay } from 'date-fns/getISODay';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { isValid } from 'date-fns/isValid';
import type { Granularity } from '../types.ts';
import type { PartOfDay, Season } from './lexicon.ts';

/** A calendar day; `m` is 1–12. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** What an expression denotes, at its own precision. */
export type Period =
  | { g: 'year'; y: number }
  | { g: 'season'; y: number; s: Season }
  | { g: 'quarter'; y: number; q: number }
  | { g: 'month'; y: number; m: number }
  | { g: 'week'; y: number; w: number }
  | { g: 'day'; day: Day; part?: PartOfDay | undefined }
  | { g: 'time'; day: Day; hh: number; mm: number; zone?: string | undefined };

/** Coarser granularities rank higher; season and quarter sit between month and year. */
export const RANK: Record<Granularity, number> = { time: 0, day: 1, week: 2, month: 3, season: 4, quarter: 4, year: 5 };

function toDate(day: Day): Date {
  // setFullYear keeps years below 100 literal (the Date constructor maps them to 19xx)
  const date = new Date(2000, 0, 1);
  date.setFullYear(day.y, day.m - 1, day.d);
  return date;
}

function fromDate(date: Date): Day {
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = toDate({ y, m, d });
  return isValid(date) && date.getMonth() === m - 1 && date.getDate() === d;
}

export function shiftDays(day: Day, n: number): Day {
  return fromDate(addDays(toDate(day), n));
}

/** Month arithmetic on a (year, month) pair. */
export function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export function shiftMonthsOfDay(day: Day, n: number): Day {
  return fromDate(addMonths(toDate(day), n));
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekdayOf(day: Day): number {
  return getISODay(toDate(day));
}

/** ISO week and ISO week-year (the year of the week's Thursday). */
export function isoWeekOf(day: Day): { y: number; w: number } {
  const date = toDate(day);
  return { y: getISOWeekYear(date), w: getISOWeek(date) };
}

/** Days between two days, `b - a`. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** The season a day falls in; winter `Y` runs from December `Y` to February `Y+1`. */
export function seasonOf(day: Day): { y: number; s: Season } {
  if (day.m <= 2) return { y: day.y - 1, s: 'WI' };
  if (day.m <= 5) return { y: day.y, s: 'SP' };
  if (day.m <= 8) return { y: day.y, s: 'SU' };
  if (day.m <= 11) return { y: day.y, s: 'FA' };
  return { y: day.y, s: 'WI' };
}

export const SEASONS: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

/** The publication day as written (`2025-05-15` or `2025-05-15T09:30:00+01:00`), in its own offset. */
export function parsePublished(published: string): Day | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return undefined;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day.y, day.m, day.d) ? day : undefined;
}

/** First day of a period, for arithmetic relative to it. */
export function startOf(p: Period): Day {
  switch (p.g) {
    case 'year':
      return { y: p.y, m: 1, d: 1 };
    case 'season': {
      const first = { SP: 3, SU: 6, FA: 9, WI: 12 }[p.s];
      return { y: p.y, m: first, d: 1 };
    }
    case 'quarter':
      return { y: p.y, m: (p.q - 1) * 3 + 1, d: 1 };
    case 'month':
      return { y: p.y, m: p.m, d: 1 };
    case 'week': {
      // the Monday of ISO week w: 4 January is always in week 1
      const jan4 = { y: p.y, m: 1, d: 4 };
      return shiftDays(jan4, (p.w - 1) * 7 - (weekdayOf(jan4) - 1));
    }
    case 'day':
    case 'time':
      return p.day;
  }
}

/** The period of granularity `g` containing a day. */
export function periodAt(day: Day, g: Granularity): Period {
  switch (g) {
    case 'year':
      return { g, y: day.y };
    case 'season':
      return { g, ...seasonOf(day) };
    case 'quarter':
      return { g, y: day.y, q: quarterOf(day.m) };
    case 'month':
      return { g, y: day.y, m: day.m };
    case 'week':
      return { g, ...isoWeekOf(day) };
    case 'day':
    case 'time':
      return { g: 'day', day };
  }
}

/** The same period at a coarser granularity (a finer one is left as it is). */
export function coarsen(p: Period, g: Granularity): Period {
  return RANK[g] > RANK[p.g] ? periodAt(startOf(p), g) : p;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayValue(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

/** TimeML-style value of a period. */
export function valueOf(p: Period): string {
  switch (p.g) {
    case 'year':
      return pad(p.y, 4);
    case 'season':
      return `${pad(p.y, 4)}-${p.s}`;
    case 'quarter':
      return `${pad(p.y, 4)}-Q${p.q}`;
    case 'month':
      return `${pad(p.y, 4)}-${pad(p.m)}`;
    case 'week':
      return `${pad(p.y, 4)}-W${pad(p.w)}`;
    case 'day':
      return p.part ? `${dayValue(p.day)}T${p.part}` : dayValue(p.day);
    case 'time':
      return `${dayValue(p.day)}T${pad(p.hh)}:${pad(p.mm)}${p.zone ?? ''}`;
  }
}

/** Values are only produced for years the four-digit grammar can write. */
export function inRange(p: Period): boolean {
  const y = p.g === 'day' || p.g === 'time' ? p.day.y : p.y;
  return Number.isInteger(y) && y >= 1000 && y <= 9999;
}
