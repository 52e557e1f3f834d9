/**
 * Expressions relative to another date: `a year earlier`, `three days later`,
 * `the day before`, `the following week`, `two days before May 15`,
 * `…in the summer of 2023, a year after it was agreed`.
 *
 * The anchor is the date the expression leans on:
 * - a date right after it (`two days before May 15`);
 * - else, at the end of a clause (`… a year earlier.`), the last date before
 *   it in the sentence, or publication for `earlier`/`before`/`previous`
 *   (news copy's `a year earlier` with no date means a year before now);
 * - `N units after <an event>` names a time by an event we cannot date, so it
 *   is a date only as an apposition to the date just before it
 *   (`in the summer of 2023, a year after it was agreed` restates 2023).
 * The value has the coarser of the unit's and the anchor's precision.
 */
import { coarsen, RANK, shiftDays, shiftMonthsOfDay, startOf, periodAt, type Period } from '../calendar.ts';
import { each, isDayLevel, type Candidate, type Env, type Resolved } from '../candidate.ts';
import { COUNT, countValue } from '../lexicon.ts';
import type { Granularity } from '../../types.ts';

const COUNTED = new RegExp(`\\b(${COUNT})\\s+(day|week|month|year)s?\\s+(earlier|later|before|after|afterwards|prior)(?![\\w'’])`, 'gi');
const THE_OTHER = /\bthe\s+(previous|following|next|preceding|same|prior)\s+(day|week|month|year)(?![\w'’])/gi;
/** `later in the day`: the day of the sentence, or of publication. */
const IN_THE_DAY = /\b(?:earlier|later)\s+(?:in\s+the|that)\s+day(?![\w'’])/gi;
/** Every expression of this rule names its unit. */
const HAS_UNIT = /day|week|month|year/i;
const THE_UNIT_BEFORE = /\bthe\s+(day|week|month|year)\s+(before|after|earlier|prior)(?![\w'’])(?!\s+(?:yesterday|tomorrow|last|next)\b)/gi;

type Relation = 'before' | 'after' | 'same';

function relationOf(word: string): Relation {
  if (/^(earlier|before|previous|preceding|prior)$/.test(word)) return 'before';
  if (word === 'same') return 'same';
  return 'after';
}

function shift(anchor: Period, unit: Granularity, n: number): Period {
  const g: Granularity = RANK[anchor.g === 'time' ? 'day' : anchor.g] > RANK[unit] ? (anchor.g === 'time' ? 'day' : anchor.g) : unit;
  const base = startOf(anchor);
  if (n === 0) return coarsen(anchor.g === 'time' ? { g: 'day', day: anchor.day } : anchor, g);
  switch (unit) {
    case 'day':
      return periodAt(shiftDays(base, n), g);
    case 'week':
      return periodAt(shiftDays(base, 7 * n), g);
    case 'month':
      return periodAt(shiftMonthsOfDay(base, n), g);
    default:
      return periodAt({ ...base, y: base.y + n, d: base.m === 2 && base.d === 29 ? 28 : base.d }, g);
  }
}

/** What follows the expression: a date mention, the end of a clause, or more words (an event). */
function follower(env: Env, end: number, adverb: boolean): { kind: 'date'; anchor: Resolved } | { kind: 'end' } | { kind: 'event' } {
  const rest = env.text.slice(end, end + 80);
  const next = env.next(end);
  if (next && next.start - end <= 80 && /^\s*(?:the\s+)?$/i.test(env.text.slice(end, next.start))) return { kind: 'date', anchor: next };
  if (/^\s*($|[.,;:!?)"”’—–-])/.test(rest)) return { kind: 'end' };
  // `later`/`earlier` take no object: what follows starts another phrase, unless it is `than …`
  if (adverb && !/^\s*than\b/i.test(rest)) return { kind: 'end' };
  if (/^\s*(and|or|but|when|while|as|in|on|at|to|for|with|from)\b/i.test(rest)) return { kind: 'end' };
  return { kind: 'event' };
}

/** The date mention ending right before `start`, separated only by a comma: an apposition's head. */
function appositionHead(env: Env, start: number): Resolved | undefined {
  const head = env.previous(start);
  return head && /^\s*,\s*$/.test(env.text.slice(head.end, start)) ? head : undefined;
}

function resolveRelative(env: Env, start: number, end: number, unit: Granularity, n: number, relation: Relation): Period | undefined {
  const signed = relation === 'before' ? -n : relation === 'after' ? n : 0;
  const next = follower(env, end, /(?:earlier|later)$/i.test(env.text.slice(start, end)));
  if (next.kind === 'date') return relation === 'same' ? undefined : shift(next.anchor.period, unit, signed);
  if (next.kind === 'event') {
    const head = appositionHead(env, start);
    return head ? shift(head.period, unit, 0) : undefined;
  }
  const anchor = env.previous(start);
  if (anchor) return shift(anchor.period, unit, signed);
  if (relation === 'before') return shift(periodAt(env.pub, 'day'), unit, signed);
  return undefined;
}

export function anchored(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!HAS_UNIT.test(text)) return out;
  const push = (m: RegExpExecArray, rule: string, unit: Granularity, n: number, relation: Relation) => {
    const start = m.index;
    const end = m.index + m[0].length;
    out.push({ start, end, rule, stage: 'anchored', resolve: (env) => resolveRelative(env, start, end, unit, n, relation) });
  };
  each(COUNTED, text, (m) => {
    const n = countValue(m[1]!);
    if (n === undefined || n < 1 || n > 100) return;
    push(m, 'relative-count', m[2]!.toLowerCase() as Granularity, n, relationOf(m[3]!.toLowerCase()));
  });
  each(THE_OTHER, text, (m) => push(m, 'relative-unit', m[2]!.toLowerCase() as Granularity, 1, relationOf(m[1]!.toLowerCase())));
  each(IN_THE_DAY, text, (m) => {
    const start = m.index;
    out.push({
      start,
      end: start + m[0].length,
      rule: 'same-day',
      stage: 'anchored',
      resolve: (env) => {
        const anchor = env.previous(start, isDayLevel)?.period;
        if (anchor && isDayLevel(anchor)) return { g: 'day', day: anchor.day };
        return /that/i.test(m[0]) ? undefined : { g: 'day', day: env.pub };
      },
    });
  });
  each(THE_UNIT_BEFORE, text, (m) => push(m, 'relative-unit', m[1]!.toLowerCase() as Granularity, 1, relationOf(m[2]!.toLowerCase())));
  return out;
}
