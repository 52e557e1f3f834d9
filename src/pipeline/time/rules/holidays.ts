/**
 * Holidays that name one day: `Christmas Day`, `New Year's Eve`, `Good Friday`,
 * `Easter Monday`, `Thanksgiving`, `Halloween`, `the Fourth of July`. A bare
 * `Christmas` or `Easter` counts only after a preposition (`by Christmas`),
 * since `Christmas sales` or `the Easter holidays` are seasons, not a day.
 */
import { compareDays, shiftDays, weekdayOf, type Day } from '../calendar.ts';
import { each, wordBefore, type Candidate } from '../candidate.ts';
import { resolveAnnual } from '../resolve.ts';

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** US Thanksgiving: the fourth Thursday of November. */
function thanksgiving(y: number): Day {
  const first = { y, m: 11, d: 1 };
  const firstThursday = shiftDays(first, (4 - weekdayOf(first) + 7) % 7);
  return shiftDays(firstThursday, 21);
}

const fixed = (m: number, d: number) => (y: number): Day => ({ y, m, d });

const HOLIDAYS: { pattern: string; day: (y: number) => Day; needsPreposition?: boolean }[] = [
  { pattern: "Christmas\\s+Day", day: fixed(12, 25) },
  { pattern: "Christmas\\s+Eve", day: fixed(12, 24) },
  { pattern: "Boxing\\s+Day", day: fixed(12, 26) },
  { pattern: "New\\s+Year['’]?s\\s+Day", day: fixed(1, 1) },
  { pattern: "New\\s+Year['’]?s\\s+Eve", day: fixed(12, 31) },
  { pattern: "(?:St\\.?\\s+)?Valentine['’]?s\\s+Day", day: fixed(2, 14) },
  { pattern: 'Hallowe[e’]?en', day: fixed(10, 31) },
  { pattern: '(?:the\\s+)?Fourth\\s+of\\s+July|July\\s+Fourth', day: fixed(7, 4) },
  { pattern: 'Good\\s+Friday', day: (y) => shiftDays(easter(y), -2) },
  { pattern: 'Easter\\s+Sunday', day: easter },
  { pattern: 'Easter\\s+Monday', day: (y) => shiftDays(easter(y), 1) },
  { pattern: 'Thanksgiving(?:\\s+Day)?', day: thanksgiving, needsPreposition: true },
  { pattern: 'Christmas', day: fixed(12, 25), needsPreposition: true },
  { pattern: 'Easter', day: easter, needsPreposition: true },
];

const PREPOSITIONS = new Set(['on', 'at', 'by', 'before', 'after', 'since', 'over', 'until', 'till', 'for', 'around', 'during', 'from', 'this', 'last', 'next']);

/** Each holiday's expression, compiled once. */
const COMPILED = HOLIDAYS.map((holiday) => ({
  holiday,
  re: new RegExp(`\\b(${holiday.pattern})(?:,?\\s+(\\d{4})(?!\\d))?(?![\\w'’])`, 'g'),
}));

/** Any holiday's name: every expression below holds one. */
const ANY_HOLIDAY = new RegExp(HOLIDAYS.map((holiday) => holiday.pattern).join('|'));

export function holidays(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_HOLIDAY.test(text)) return out;
  for (const { holiday, re } of COMPILED) {
    each(re, text, (m) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const lead = wordBefore(text, start);
      if (holiday.needsPreposition && !m[2] && !PREPOSITIONS.has(lead)) return;
      const y = m[2] ? Number(m[2]) : undefined;
      const direction = lead === 'last' ? -1 : lead === 'next' ? 1 : 0;
      out.push({
        start,
        end,
        rule: 'holiday',
        stage: 'plain',
        priority: -1,
        resolve: (env) => {
          if (y !== undefined) return { g: 'day', day: holiday.day(y) };
          let day: Day | undefined;
          if (direction === -1) day = [env.pub.y, env.pub.y - 1].map(holiday.day).find((d) => compareDays(d, env.pub) < 0);
          else if (direction === 1) day = [env.pub.y, env.pub.y + 1].map(holiday.day).find((d) => compareDays(d, env.pub) > 0);
          else day = resolveAnnual(env.pub, holiday.day, env.tense(start, end));
          return day && { g: 'day', day };
        },
      });
    });
  }
  return out;
}
