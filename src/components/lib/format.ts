import { spanOf } from '../../pipeline/dates.ts';
import type { Granularity } from '../../pipeline/types.ts';

/**
 * How dates and clock times read on the site. Written out by hand rather than
 * through `Intl`, so every build prints the same words whatever ICU data the
 * machine has.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

const utc = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** `2025-05-15` → `Thursday 15 May 2025`. */
export function longDay(isoDay: string): string {
  const d = utc(isoDay);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `2025-05-15` → `15 May 2025`. */
export function shortDay(isoDay: string): string {
  const d = utc(isoDay);
  return `${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A week's days as a range: `5–11 May 2025`, `28 Apr – 4 May 2025`. */
function weekRange(value: string): string {
  const span = spanOf(value)!;
  const a = utc(span.start);
  const b = utc(span.end);
  if (a.getUTCMonth() === b.getUTCMonth()) return `${a.getUTCDate()}–${b.getUTCDate()} ${MONTHS[b.getUTCMonth()]} ${b.getUTCFullYear()}`;
  const yearA = a.getUTCFullYear() === b.getUTCFullYear() ? '' : ` ${a.getUTCFullYear()}`;
  return `${a.getUTCDate()} ${SHORT_MONTHS[a.getUTCMonth()]}${yearA} – ${b.getUTCDate()} ${SHORT_MONTHS[b.getUTCMonth()]} ${b.getUTCFullYear()}`;
}

/** The words for an event's date at its own precision, for headings. */
export function dateHeading(date: string, granularity: Granularity): string {
  if (granularity === 'week') return `Week of ${weekRange(date)}`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  if (/^\d{4}$/.test(date)) return date;
  return longDay(date.slice(0, 10));
}

/** The same, short, for inline labels (event cards, search results, feeds). */
export function dateLabel(date: string, granularity: Granularity): string {
  if (granularity === 'week') return `week of ${weekRange(date)}`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  if (/^\d{4}$/.test(date)) return date;
  const d = utc(date.slice(0, 10));
  return `${WEEKDAYS[d.getUTCDay()]!.slice(0, 3)} ${shortDay(date.slice(0, 10))}`;
}

/** A clock time as the sources give it: `11:00+01:00`, `11:00Z` or `11:00`. */
export interface ClockTime {
  time: string;
  zone?: string | undefined;
}

export function parseClock(value: string): ClockTime | undefined {
  const m = /^(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return undefined;
  const zone = m[2] === 'Z' ? '+00:00' : m[2]?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return { time: m[1]!, zone };
}

/** Last Sunday of a month, as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Whether a day falls in European summer time (last Sunday of March to last Sunday of October). */
function europeanSummer(isoDay: string): boolean {
  const d = utc(isoDay);
  const year = d.getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 2));
  const end = Date.UTC(year, 9, lastSunday(year, 9));
  return d.getTime() >= start && d.getTime() < end;
}

/**
 * The usual name of a zone offset on a given day, where one name is
 * unambiguous for the outlets we read (British and central European time);
 * otherwise only the offset is shown.
 */
export function zoneName(offset: string, isoDay: string): string | undefined {
  const summer = europeanSummer(isoDay);
  const names: Record<string, string | undefined> = summer
    ? { '+00:00': 'GMT', '+01:00': 'BST', '+02:00': 'CEST' }
    : { '+00:00': 'GMT', '+01:00': 'CET' };
  return names[offset];
}

/** `11:00+01:00` on `2025-05-15` → label `11:00 BST (UTC+01:00)` and datetime `2025-05-15T11:00+01:00`. */
export function clockLabel(value: string, isoDay: string): { label: string; datetime: string } | undefined {
  const clock = parseClock(value);
  if (!clock) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? isoDay : undefined;
  if (!clock.zone) return { label: clock.time, datetime: day ? `${day}T${clock.time}` : clock.time };
  const name = day ? zoneName(clock.zone, day) : undefined;
  const offset = `UTC${clock.zone}`;
  return {
    label: name ? `${clock.time} ${name} (${offset})` : `${clock.time} ${offset}`,
    datetime: day ? `${day}T${clock.time}${clock.zone}` : `${clock.time}${clock.zone}`,
  };
}

/** Publication date or date-time as written in frontmatter → label and machine value. */
export function publishedLabel(published: string): { label: string; datetime: string } {
  const day = published.slice(0, 10);
  const time = /T(\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)/.exec(published)?.[1];
  const clock = time ? clockLabel(time.replace(/^(\d{2}:\d{2}):\d{2}/, '$1'), day) : undefined;
  return { label: clock ? `${shortDay(day)}, ${clock.label}` : shortDay(day), datetime: published };
}

/** A sortable key for an event: its first day, and its clock time when known. */
export function sortKey(date: string, time?: string): string {
  const start = spanOf(date)?.start ?? date;
  const clock = time ? parseClock(time) : undefined;
  return clock ? `${start}T${clock.time}` : start;
}

/** A list in prose: `A, B and C`. */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How an article's `kind` is named on its page and in the lists of articles. */
export const KIND_LABEL: Record<string, string> = { report: 'Report', live: 'Live blog', analysis: 'Analysis', opinion: 'Opinion' };

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
