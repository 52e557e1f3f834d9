/**
 * Bare years: `in 2014`, `since 2019`, `the 2022 invasion`, `early 2009`,
 * `fiscal 2024`. A four-digit number is a year only when nothing marks it as an
 * amount or a label: not `$2014`, `£2014m`, `2,014`, `2014 people`,
 * `flight 2014`, `the 2000-year-old`.
 */
import { each, wordAfter, wordBefore, type Candidate } from '../candidate.ts';
import { LABEL_WORDS, QUANTITY_WORDS, UNIT_WORDS } from '../lexicon.ts';

const YEAR = new RegExp(
  '(?<![\\w$£€¥#@/:\'’©])' +
    '((?:[Ee]arly|[Mm]id|[Ll]ate|[Pp]re|[Pp]ost)[\\s-]+|(?:[Tt]he\\s+)?(?:start|beginning|middle|end|first\\s+half|second\\s+half|turn)\\s+of\\s+|[Ff]iscal\\s+(?:[Yy]ear\\s+)?|FY\\s?|(?:[Tt]he\\s+)?year\\s+)?' +
    '((?:1[89]|20)\\d\\d|2100)' +
    '(?![\\w%]|[.,]\\d|\\s?[\\-‐–]\\s?(?:year|yr|strong|page|point|member|seat|mile|km|day|hour|minute|metre|meter|foot|ton)|\\s?(?:GMT|UTC|BST|hrs|hours|h\\b))',
  'g',
);

/** Every year this rule reads is four digits. */
const HAS_YEAR = /\d{4}/;

/** Words before a year that show it is a date: `in 2014`, `the 2018 elections`, `Russia's 2022 invasion`. */
const DATE_LEAD = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'during',
  'before',
  'after',
  'from',
  'through',
  'throughout',
  'of',
  'the',
  'and',
  'to',
  'between',
  'for',
  'circa',
  'early',
  'mid',
  'late',
  'fiscal',
  'year',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
]);

const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'rs', 'inr', 'rmb', 'cny', 'jpy', 'chf', 'aud', 'cad', 'nzd', 'hkd', 'sgd', 'rub', 'uah']);

const COUNT_ONLY = new Set(['some', 'another', 'all', 'those', 'these', 'extra', 'additional', 'further', 'total']);
/** Words after a year that start another phrase: `around 2000 when …`. */
const FUNCTION_WORDS = new Set(['to', 'and', 'or', 'when', 'as', 'the', 'in', 'on', 'at', 'after', 'before', 'until', 'while', 'that', 'which', 'with']);

/** Whether a four-digit number at `[start, end)` reads as a year; `prefixed` when a date modifier precedes it. */
export function isYearContext(text: string, start: number, end: number, prefixed: boolean): boolean {
  const prev = wordBefore(text, start);
  const before = text.slice(Math.max(0, start - 2), start);
  // "1.2014", "3,2014", "A-2014": part of another number or a code
  if (/\d[.,]$/.test(before) || (/[A-Za-z]-$/.test(before) && !prefixed)) return false;
  if (LABEL_WORDS.has(prev) || CURRENCY_CODES.has(prev)) return false;
  if (prefixed) return true;
  const next = wordAfter(text, end);
  const nextLower = next.toLowerCase();
  const isLowerWord = /^[a-z]/.test(next);
  if (UNIT_WORDS.has(nextLower) && !['in', 'since', 'by', 'until', 'till', 'during', 'before', 'after', 'through'].includes(prev)) return false;
  // "2010 Pennsylvania Avenue": a street number
  if (/^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Square|Court)\b/.test(text.slice(end, end + 60))) return false;
  if (QUANTITY_WORDS.has(prev)) {
    // "some 2000", "another 2000" are always counts; "nearly 2000 reporters" is one, "around 2000, the firm" a year
    if (COUNT_ONLY.has(prev)) return false;
    if (isLowerWord && !FUNCTION_WORDS.has(nextLower)) return false;
  }
  // "2000 reporters milled around": a count before a plural noun, unless a date word leads
  if (isLowerWord && nextLower.length > 3 && nextLower.endsWith('s') && !/(ss|us|is|was|has|does)$/.test(nextLower)) {
    if (!DATE_LEAD.has(prev) && !prev.endsWith("'s")) return false;
  }
  return true;
}

export function years(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!HAS_YEAR.test(text)) return out;
  each(YEAR, text, (m) => {
    const prefix = m[1];
    const y = Number(m[2]);
    const yearStart = m.index + (prefix?.length ?? 0);
    const end = m.index + m[0].length;
    // a modifier (`early`, `fiscal`, `the end of`) makes it a year; `the year 2000` still gets the checks
    const modified = prefix !== undefined && !/^(?:the\s+)?year\s+$/i.test(prefix);
    if (!isYearContext(text, modified ? m.index : yearStart, end, modified)) return;
    out.push({
      start: m.index,
      end,
      rule: prefix ? 'year-modified' : 'year',
      stage: 'plain',
      priority: -2,
      resolve: () => ({ g: 'year', y }),
    });
  });
  return out;
}
