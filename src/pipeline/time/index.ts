/**
 * The time-expression tagger: finds the date and time expressions of one
 * English sentence and resolves them against the article's publication date,
 * as a careful reader of news would (`said on Wednesday` is the Wednesday
 * before publication, `will travel on Friday` the Friday after).
 *
 * Rules live in `rules/`, one family per file; each proposes candidate spans.
 * The longest non-overlapping candidates are kept, then resolved in three
 * passes: plain expressions, expressions relative to another date
 * (`a year earlier`), and clock times (bound to the nearest day mentioned).
 */
import { inRange, parsePublished, valueOf, type Period } from './calendar.ts';
import type { Candidate, Env, Resolved, Stage } from './candidate.ts';
import { anchored } from './rules/anchored.ts';
import { calendarDates } from './rules/calendar-dates.ts';
import { clock } from './rules/clock.ts';
import { holidays } from './rules/holidays.ts';
import { periods } from './rules/periods.ts';
import { relative } from './rules/relative.ts';
import { weekdays } from './rules/weekdays.ts';
import { years } from './rules/years.ts';
import { tenseAround, tokenize } from './tense.ts';
import type { ResolveContext, TimeExpression } from '../types.ts';

const RULES = [calendarDates, years, weekdays, relative, anchored, periods, holidays, clock];
const STAGES: readonly Stage[] = ['plain', 'anchored', 'clock'];

/** Longest spans first; among equal spans the higher priority, then the earlier. */
function select(candidates: Candidate[], length: number): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
  );
  const taken = new Uint8Array(length + 1);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Index of the first resolved mention starting after `start` (they are kept in text order). */
function insertionPoint(resolved: readonly Resolved[], start: number): number {
  let lo = 0;
  let hi = resolved.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (resolved[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toExpression(text: string, c: Candidate, period: Period): TimeExpression {
  const expression: TimeExpression = {
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    value: valueOf(period),
    granularity: period.g,
    rule: c.rule,
  };
  if (period.g === 'day' && period.part) expression.partOfDay = period.part;
  if (period.g === 'time') {
    expression.time = `${String(period.hh).padStart(2, '0')}:${String(period.mm).padStart(2, '0')}`;
    if (period.zone) expression.zone = period.zone;
  }
  return expression;
}

/** As `findTimeExpressions`, but lets a bug throw (the property tests call this one). */
export function tagTimeExpressions(text: string, context: ResolveContext): TimeExpression[] {
  const language = (context.language ?? 'en').toLowerCase();
  if (language !== 'en' && !language.startsWith('en-')) return [];
  const pub = parsePublished(context.published);
  if (!pub || typeof text !== 'string' || !/\d|[A-Za-z]/.test(text)) return [];
  const chosen = select(RULES.flatMap((rule) => rule(text)), text.length);
  if (chosen.length === 0) return [];
  const tokens = tokenize(text);
  const resolved: (Resolved & { candidate: Candidate })[] = [];
  const env: Env = {
    text,
    pub,
    tokens,
    resolved,
    tense: (start, end) => tenseAround(tokens, start, end),
    previous: (start, accept) => {
      for (let i = insertionPoint(resolved, start) - 1; i >= 0; i--) {
        const r = resolved[i]!;
        if (r.end <= start && (!accept || accept(r.period))) return r;
      }
      return undefined;
    },
    next: (end, accept) => {
      for (let i = insertionPoint(resolved, end - 1); i < resolved.length; i++) {
        const r = resolved[i]!;
        if (r.start >= end && (!accept || accept(r.period))) return r;
      }
      return undefined;
    },
  };
  for (const stage of STAGES) {
    for (const c of chosen) {
      if (c.stage !== stage) continue;
      const period = c.resolve(env);
      if (!period || !inRange(period)) continue;
      resolved.splice(insertionPoint(resolved, c.start), 0, { start: c.start, end: c.end, period, rule: c.rule, candidate: c });
    }
  }
  return resolved.map((r) => toExpression(text, r.candidate, r.period));
}

/**
 * Date and time expressions of one sentence, in text order, non-overlapping,
 * resolved against `context.published`. English only (`[]` for other
 * languages); never throws.
 */
export function findTimeExpressions(text: string, context: ResolveContext): TimeExpression[] {
  try {
    return tagTimeExpressions(text, context);
  } catch {
    return [];
  }
}
