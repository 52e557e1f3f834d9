/**
 * Property tests: for any text and any publication date 1900–2100 the tagger
 * never throws, every value follows the grammar, spans slice to their text,
 * come in order and do not overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTimeExpressions, tagTimeExpressions } from '../../../src/pipeline/time/index.ts';
import type { TimeExpression } from '../../../src/pipeline/types.ts';
import { VALUE_GRAMMAR } from './helpers.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A publication date 1900–2100, as a date or a date-time with an offset. */
const published = fc
  .record({
    date: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }),
    withTime: fc.boolean(),
    offset: fc.integer({ min: -12, max: 14 }),
  })
  .map(({ date, withTime, offset }) => {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    return withTime ? `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00${offset < 0 ? '-' : '+'}${pad(Math.abs(offset))}:00` : day;
  });

/** Pieces of news copy, dated and not, glued into sentences. */
const FRAGMENTS = [
  'said', 'will', 'would', 'on', 'in', 'the', 'last', 'next', 'this', 'early', 'late', 'late on', 'overnight', 'at', 'about',
  'Monday', 'Friday', 'Sunday', 'Wednesday evening', 'Thursday night', 'Tuesday, May 13', 'Friday 13 December',
  'March', 'May', 'May 15', 'Sept. 30', '11 December', 'February 29', 'March 2022', 'July 16, 2018', '7/8/07', '2025-05-14', '31/12/1999',
  '2014', '1999', '2100', '1900', 'early 2009', 'mid-2011', 'fiscal 1990', '$2014', '2,014', '5000', '1990s',
  'today', 'yesterday', 'tomorrow', 'tonight', 'this morning', 'last night', 'the day before', 'the next day',
  'last week', 'this week', 'next week', 'earlier this week', 'over the weekend', 'last weekend', 'the weekend',
  'last month', 'next month', 'earlier this month', 'last year', 'this year', 'next year', 'the end of the year',
  'two days ago', 'three weeks ago', 'six months ago', 'three years ago', 'a decade ago', '99 years ago',
  'a year earlier', 'two years later', 'three days before', 'a year after it was agreed', ',',
  'the past two months', 'in recent weeks', 'the past few days', 'the summer of 2023', 'last winter', 'this spring',
  'the first quarter', 'Q3 2024', 'the third quarter of 2008', 'the first half of 2025', 'Christmas Day', 'by Christmas', 'Easter Sunday',
  '11am UK time', '9am GMT', '12:30 EST', '3 p.m. ET', '18:00 UTC', '0600 GMT', 'noon', '6:40 p.m. (GMT +8)', '2am Kyiv time', '7:45am local time',
  'is expected to', 'was', 'had', 'are meeting', 'due to', 'plans to', '“', '”', '(', ')', ';', '.', 'and', 'than originally planned',
];
const sentence = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));

const GRANULARITY_OF_VALUE: [RegExp, TimeExpression['granularity']][] = [
  [/^\d{4}$/, 'year'],
  [/^\d{4}-(SP|SU|FA|WI)$/, 'season'],
  [/^\d{4}-Q\d$/, 'quarter'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-W\d{2}$/, 'week'],
  [/^\d{4}-\d{2}-\d{2}(T(MO|AF|EV|NI))?$/, 'day'],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'time'],
];

function checkWellFormed(text: string, expressions: TimeExpression[]): void {
  let previousEnd = 0;
  for (const e of expressions) {
    expect(e.value).toMatch(VALUE_GRAMMAR);
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.start).toBeGreaterThanOrEqual(previousEnd);
    expect(e.end).toBeGreaterThan(e.start);
    previousEnd = e.end;
    expect(GRANULARITY_OF_VALUE.find(([re]) => re.test(e.value))?.[1]).toBe(e.granularity);
    expect(e.rule).toMatch(/^[a-z-]+$/);
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(e.value);
    if (day) {
      // a real calendar day
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      expect(date.getUTCDate()).toBe(Number(day[3]));
    }
    if (e.partOfDay) expect(e.value.endsWith(`T${e.partOfDay}`)).toBe(true);
    if (e.granularity === 'time') expect(e.value).toContain(`T${e.time}${e.zone ?? ''}`);
  }
}

describe('properties', () => {
  it('never throws on any string, and what it returns is well formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), published, (text, pub) => {
        checkWellFormed(text, tagTimeExpressions(text, { published: pub }));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on date-rich sentences for any publication date 1900–2100', () => {
    fc.assert(
      fc.property(sentence, published, (text, pub) => {
        checkWellFormed(text, tagTimeExpressions(text, { published: pub }));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on mangled publication dates or languages', () => {
    fc.assert(
      fc.property(sentence, fc.string({ maxLength: 30 }), fc.option(fc.string({ maxLength: 6 })), (text, pub, language) => {
        const result = findTimeExpressions(text, { published: pub, language: language ?? undefined });
        checkWellFormed(text, result);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves relative expressions near the publication date', () => {
    const near = fc.constantFrom('today', 'yesterday', 'on Monday', 'last week', 'next month', 'this year', 'two days ago', 'over the weekend', 'in March');
    fc.assert(
      fc.property(near, published, (phrase, pub) => {
        const [e] = tagTimeExpressions(`It happened ${phrase}.`, { published: pub });
        expect(e).toBeDefined();
        expect(Math.abs(Number(e!.value.slice(0, 4)) - Number(pub.slice(0, 4)))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(sentence, published, (text, pub) => {
        expect(tagTimeExpressions(text, { published: pub })).toEqual(tagTimeExpressions(text, { published: pub }));
      }),
      { numRuns: 200 },
    );
  });
});
