/**
 * Dates written with calendar words and numbers: `July 16, 2018`, `11 December`,
 * `March 2022`, `in March`, `7/8/07`, `2025-05-15`.
 */
import { isValidDay, weekdayOf, type Period } from '../calendar.ts';
import { each, gated, wordAfter, wordBefore, type Candidate } from '../candidate.ts';
import { DATE_PREPOSITIONS, MONTH_ANY, MONTH_NAME, monthNumber, WEEKDAY, weekdayNumber } from '../lexicon.ts';
import { resolveAnnual, resolveMonth, resolveMonthDay, type Direction } from '../resolve.ts';

const YEAR = '(\\d{4})(?![\\d])';
/** Every expression of this rule but `in March` holds a number. */
const DIGIT = /\d/;

/** `July 16, 2018`, `Thursday, May 15`, `Oct. 19`, `April 2nd`. */
const MONTH_DAY = gated(
  DIGIT,
  new RegExp(
    `\\b(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(${MONTH_ANY})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|[.,]\\d)(?:,?\\s+${YEAR})?\\b`,
    'g',
  ),
);
/** `16 July 2018`, `the 15th of May`, `Thursday 15 May`, `14-16 May` (its first day). */
const DAY_MONTH = gated(
  DIGIT,
  new RegExp(
    `(?<![\\w$£€.,/:-])(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s?[-–]\\s?\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(${MONTH_ANY})(?![A-Za-z])(?:,?\\s+${YEAR})?`,
    'g',
  ),
);
/** `March 2022`, `mid-March 2022`, `the end of May 2008`. */
const MONTH_YEAR = gated(
  DIGIT,
  new RegExp(
    `\\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\\s-]+|(?:the\\s+)?(?:start|beginning|end|middle)\\s+of\\s+)?(${MONTH_ANY}),?\\s+(?:of\\s+)?${YEAR}`,
    'g',
  ),
);
/** `in March`, `last March`, `mid-March`, `the end of March`, `March's`. */
const MONTH_ALONE = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate)[\\s-]+|(?:the\\s+)?(?:start|beginning|end|middle)\\s+of\\s+)?(${MONTH_NAME})(?:['’]s)?(?![\\w'’])`,
  'g',
);
/** `7/8/07`, `05/15/2025`: US order unless the first number cannot be a month. */
const NUMERIC_DATE = gated(DIGIT, /(?<![\d/.,$£€])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g);
const ISO_DATE = gated(DIGIT, /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g);

/** Every month name this rule reads, abbreviated or not (`MONTH_NAME`'s are among them). */
const HAS_MONTH = new RegExp(MONTH_ANY);

const MONTH_ALTERNATION = /(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s*(?:and|or|to|through|until|till|-|–|&)\s*$/;

function validYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const y = Number(text);
  return y >= 1000 && y <= 2999 ? y : undefined;
}

function dayPeriod(y: number, m: number, d: number): Period | undefined {
  return isValidDay(y, m, d) ? { g: 'day', day: { y, m, d } } : undefined;
}

/** Prepositions that let a bare month name stand as a date. */
const MONTH_PREPOSITIONS = new Set(
  [...DATE_PREPOSITIONS].filter((w) => !['that', 'past', 'into', 'as', 'at', 'against', 'over', 'within', 'circa'].includes(w)),
);
/** `May` is also a modal and a surname: only the plainest date contexts count. */
const MAY_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'during', 'before', 'after', 'through', 'throughout', 'early', 'mid', 'late', 'last', 'next', 'this', 'from', 'between', 'by']);

/** Hedges between a preposition and the month: `until at least May`, `as early as March`. */
const HEDGE = /\b(?:at\s+(?:the\s+)?(?:least|latest|earliest)|as\s+(?:early|late|soon)\s+as|no\s+(?:later|earlier)\s+than|not\s+until|sometime\s+in)\s+$/i;

function monthContextOk(text: string, start: number, month: string): boolean {
  if (HEDGE.test(text.slice(Math.max(0, start - 30), start))) return true;
  const before = wordBefore(text, start);
  const prepositions = month === 'May' ? MAY_PREPOSITIONS : MONTH_PREPOSITIONS;
  if (prepositions.has(before)) {
    // "by May" can be an author, "from May" a sender: a capitalised word after makes it a name
    if (month === 'May' && (before === 'by' || before === 'from') && /^[A-Z]/.test(wordAfter(text, start + month.length))) return false;
    return true;
  }
  // "as of May", "the month of May"
  if (before === 'of' && month === 'May') return ['as', 'end', 'beginning', 'start', 'middle', 'month', 'half', 'part', 'rest'].includes(wordBefore(text, start, 1));
  // "in March and April", "from March to May"
  return MONTH_ALTERNATION.test(text.slice(Math.max(0, start - 40), start));
}

export function calendarDates(text: string): Candidate[] {
  const out: Candidate[] = [];

  each(ISO_DATE, text, (m) => {
    const period = dayPeriod(Number(m[1]), Number(m[2]), Number(m[3]));
    if (period) out.push({ start: m.index, end: m.index + m[0].length, rule: 'iso-date', stage: 'plain', resolve: () => period });
  });

  each(NUMERIC_DATE, text, (m) => {
    let month = Number(m[1]);
    let day = Number(m[2]);
    if (month > 12) [month, day] = [day, month];
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
    const period = dayPeriod(y, month, day);
    if (period) out.push({ start: m.index, end: m.index + m[0].length, rule: 'numeric-date', stage: 'plain', resolve: () => period });
  });

  const monthDay = (m: RegExpExecArray, weekdayText: string | undefined, monthText: string, dayText: string, yearText: string | undefined, rule: string) => {
    const month = monthNumber(monthText);
    const d = Number(dayText);
    if (!month || d < 1 || d > 31) return;
    const y = validYear(yearText);
    if (yearText !== undefined && y === undefined) return;
    const weekday = weekdayText ? weekdayNumber(weekdayText) : undefined;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule,
      stage: 'plain',
      resolve: (env) => {
        if (y !== undefined) return dayPeriod(y, month, d);
        const tense = env.tense(m.index, m.index + m[0].length);
        // "Friday, June 13": the year in which that date is a Friday, when one is near
        const matching = (year: number) =>
          isValidDay(year, month, d) && (weekday === undefined || weekdayOf({ y: year, m: month, d }) === weekday) ? { y: year, m: month, d } : undefined;
        const day = resolveAnnual(env.pub, matching, tense) ?? resolveMonthDay(env.pub, month, d, tense);
        return day && { g: 'day', day };
      },
    });
  };
  // Every expression below names a month.
  if (!HAS_MONTH.test(text)) return out;
  each(MONTH_DAY, text, (m) => monthDay(m, m[1], m[2]!, m[3]!, m[4], m[4] ? 'month-day-year' : 'month-day'));
  each(DAY_MONTH, text, (m) => monthDay(m, m[1], m[3]!, m[2]!, m[4], m[4] ? 'day-month-year' : 'day-month'));

  each(MONTH_YEAR, text, (m) => {
    const month = monthNumber(m[1]!);
    const y = validYear(m[2]);
    if (!month || y === undefined) return;
    out.push({ start: m.index, end: m.index + m[0].length, rule: 'month-year', stage: 'plain', resolve: () => ({ g: 'month', y, m: month }) });
  });

  each(MONTH_ALONE, text, (m) => {
    const name = m[2]!;
    const month = monthNumber(name)!;
    const modifier = m[1]?.toLowerCase();
    const nameStart = m.index + m[0].indexOf(name);
    const possessive = m[0] === `${name}'s` || m[0] === `${name}’s`;
    const modified = m[0] !== name && !possessive;
    // "January's figures" is a month; "May's government" is Theresa May's
    if (!modified && !(possessive && name !== 'May') && !monthContextOk(text, m.index, name)) return;
    if (name === 'May' && modified && /^[A-Z]/.test(wordAfter(text, nameStart + 3))) return;
    const direction: Direction = modifier === 'last' || modifier === 'next' || modifier === 'this' ? modifier : undefined;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule: 'month',
      stage: 'plain',
      priority: -1,
      resolve: (env) => ({ g: 'month', ...resolveMonth(env.pub, month, env.tense(m.index, m.index + m[0].length), direction) }),
    });
  });

  return out;
}
