// One module each: date-fns' index loads all 250 of its functions (2 s at every start, here).
import { addDays } from 'date-fns/addDays';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { formatISO } from 'date-fns/formatISO';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import type { Granularity } from './types.ts';

/** A closed span of days, `YYYY-MM-DD` inclusive, for comparing dates of any precision. */
export interface DaySpan {
  start: string;
  end: string;
}

const day = (date: Date) => formatISO(date, { representation: 'date' });

const SEASON_MONTHS: Record<string, [number, number]> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 14],
};

const spans = new Map<string, Readonly<DaySpan> | undefined>();

/** The days a TimeML-style value covers; undefined for a value that is not a calendar date. Remembered: an archive asks for the same few hundred dates a million times. */
export function spanOf(value: string): Readonly<DaySpan> | undefined {
  if (spans.has(value)) return spans.get(value);
  const span = computeSpan(value);
  if (spans.size > 100_000) spans.clear();
  spans.set(value, span && Object.freeze(span));
  return span;
}

function computeSpan(value: string): DaySpan | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { start: m[0], end: m[0] };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const monday = startOfISOWeek(setISOWeek(parseISO(`${m[1]}-01-04`), Number(m[2])));
    return { start: day(monday), end: day(endOfISOWeek(monday)) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const first = parseISO(`${m[1]}-${m[2]}-01`);
    return { start: day(first), end: day(lastDayOfMonth(first)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const first = parseISO(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
    return { start: day(first), end: day(lastDayOfMonth(addDays(first, 62))) };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const [from, to] = SEASON_MONTHS[m[2]!]!;
    const year = Number(m[1]);
    const first = new Date(Date.UTC(year, from - 1, 1));
    const last = new Date(Date.UTC(year, to, 0));
    return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(value);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  return undefined;
}

export function overlaps(a: DaySpan, b: DaySpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Granularity of a value as `events.json` states it. */
export function granularityOf(value: string): Granularity {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  return 'year';
}

/** Finer granularities sort first when choosing an event's date. */
export const GRANULARITY_RANK: Record<Granularity, number> = {
  time: 0,
  day: 1,
  week: 2,
  month: 3,
  season: 4,
  quarter: 4,
  year: 5,
};

/**
 * The date an event is filed under in `events.json`: `YYYY`, `YYYY-MM`,
 * `YYYY-Www` or `YYYY-MM-DD`. Seasons and quarters are filed by their first
 * month; clock times by their day.
 */
export function eventDate(value: string): { date: string; granularity: Granularity } {
  const g = granularityOf(value);
  if (g === 'time' || g === 'day') return { date: value.slice(0, 10), granularity: 'day' };
  if (g === 'season' || g === 'quarter') return { date: spanOf(value)!.start.slice(0, 7), granularity: 'month' };
  if (g === 'year') return { date: value.slice(0, 4), granularity: 'year' };
  return { date: value, granularity: g };
}

/** The publication day of an ISO date or date-time, in the offset it was written in. */
export function publicationDay(published: string): string {
  return published.slice(0, 10);
}

const shifted = new Map<string, string>();

/** The day `days` after an ISO day (`YYYY-MM-DD`): calendar arithmetic, no time zone (memoised: an archive asks for the same few hundred days). */
export function addDaysIso(isoDay: string, days: number): string {
  const key = `${isoDay}|${days}`;
  let result = shifted.get(key);
  if (result === undefined) shifted.set(key, (result = shiftDay(isoDay, days)));
  return result;
}

function shiftDay(isoDay: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return day(addDays(parseISO(isoDay), days));
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return date.toISOString().slice(0, 10);
}
