/**
 * Expressions anchored to the publication day: `yesterday`, `tonight`,
 * `last night`, `this morning`, `overnight`, `last week`, `earlier this year`,
 * `next month`, `over the weekend`, `two days ago`, `the past two months`,
 * `in recent weeks`.
 */
import { daysBetween, isoWeekOf, periodAt, shiftDays, shiftMonth, shiftMonthsOfDay, valueOf, weekdayOf, type Day, type Period } from '../calendar.ts';
import { each, gated, wordAfter, wordBefore, type Candidate } from '../candidate.ts';
import { COUNT, countValue, partOfDay, type PartOfDay } from '../lexicon.ts';
import type { Tense } from '../tense.ts';

const DAY_WORD = gated(/to(?:day|morrow|night)|yesterday/i, /\b(?:(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)|(?:(early|late|earlier|later)\s+)?(today|yesterday|tomorrow|tonight)(?:['’]s)?(?:\s+(morning|afternoon|evening|night))?)(?![\w'’])/gi);
const THIS_PART = gated(/morning|afternoon|evening|night/i, /\b(this|last)\s+(morning|afternoon|evening|night)(?![\w'’])/gi);
const OVERNIGHT = /\bovernight(?![\w'’-])/gi;
const UNIT_RELATIVE = gated(
  /week|month|year/i,
  /\b((?:earlier|later)\s+(?:this|in\s+the)|(?:early|late|mid)[\s-]+(?:this|last|next)|so\s+far\s+this|(?:the\s+)?(?:start|beginning|end|middle|first\s+half|second\s+half|rest|remainder|turn)\s+of\s+(?:this|last|next|the)|this\s+past|this\s+coming|this|last|next|the\s+current|the\s+past|(?:the\s+)?previous)\s+(week|month|year|weekend)(?:['’]s)?(?![\w'’])/gi,
);
const WEEK_BEFORE_LAST = gated(/before\s+last/i, /\bthe\s+(week|month|year|weekend)\s+before\s+last\b/gi);
const WEEKEND = gated(/weekend/i, /\b(?:(?:over|at|during|on|across|through|throughout|by|until|after|before)\s+)?the\s+weekend(?:['’]s)?(?![\w'’])/gi);
const AGO = gated(/\sago\b/i, new RegExp(`\\b(${COUNT})\\s+(day|week|month|year|decade)s?\\s+ago\\b`, 'gi'));
const WINDOW = gated(
  /days|week|month/i,
  new RegExp(
    `\\b(?:(?:the|these|those)\\s+)?(?:past|last|previous|recent)\\s+(?:(${COUNT}|few|several|couple\\s+of)\\s+)?(days|weeks|months)(?![\\w'’])|\\bthe\\s+(?:past|last)\\s+(week|month)(?![\\w'’])`,
    'gi',
  ),
);

/** Words after `overnight` that show it is the adverb (`struck overnight, killing …`), not `an overnight stay`. */
const AFTER_OVERNIGHT = new Set(['on', 'in', 'into', 'to', 'and', 'but', 'as', 'after', 'before', 'with', 'from', 'at', 'near', 'across', 'over', 'when', 'while', 'that', 'the', 'against', 'around', 'according', 'local', 'amid', 'despite', 'for', 'by', 'a']);

function day(d: Day, part?: PartOfDay): Period {
  return { g: 'day', day: d, part };
}

/** ISO week containing the weekend (Saturday and Sunday) chosen by `which`. */
function weekendWeek(pub: Day, which: 'last' | 'this' | 'next' | 'recent' | 'coming'): Period {
  const wd = weekdayOf(pub);
  const saturdayThisWeek = shiftDays(pub, 6 - wd);
  let saturday: Day;
  switch (which) {
    case 'last':
      saturday = shiftDays(saturdayThisWeek, -7);
      break;
    case 'next':
      saturday = shiftDays(saturdayThisWeek, 7);
      break;
    case 'this':
    case 'coming':
      saturday = saturdayThisWeek;
      break;
    case 'recent':
      // the weekend just gone; on a Saturday or Sunday, the one under way
      saturday = wd >= 6 ? saturdayThisWeek : shiftDays(saturdayThisWeek, -7);
      break;
  }
  return { g: 'week', ...isoWeekOf(saturday) };
}

function weekendByTense(pub: Day, tense: Tense, explicitThis: boolean): Period {
  if (tense === 'future' || tense === 'modal') return weekendWeek(pub, 'coming');
  if (tense === 'past') return weekendWeek(pub, 'recent');
  return weekendWeek(pub, explicitThis ? 'this' : 'recent');
}

/** The unit `n` steps from publication. */
function unitFrom(pub: Day, unit: string, n: number): Period {
  switch (unit) {
    case 'week':
      return { g: 'week', ...isoWeekOf(shiftDays(pub, 7 * n)) };
    case 'month':
      return { g: 'month', ...shiftMonth(pub.y, pub.m, n) };
    default:
      return { g: 'year', y: pub.y + n };
  }
}

/**
 * A span of days up to publication (`the past two months`), reported as the
 * calendar unit one step coarser than its own unit that holds most of it:
 * days → ISO week, weeks → month, months → year. One value, never a made-up day.
 */
function windowPeriod(pub: Day, unit: 'days' | 'weeks' | 'months', n: number): Period | undefined {
  if (n < 1 || n > 24) return undefined;
  const start = unit === 'days' ? shiftDays(pub, -n) : unit === 'weeks' ? shiftDays(pub, -7 * n) : shiftMonthsOfDay(pub, -n);
  const g = unit === 'days' ? 'week' : unit === 'weeks' ? 'month' : 'year';
  const length = daysBetween(start, pub);
  if (length > 400) return undefined;
  const counts = new Map<string, { period: Period; days: number }>();
  for (let i = 0; i <= length; i++) {
    const p = periodAt(shiftDays(start, i), g);
    const key = valueOf(p);
    const entry = counts.get(key) ?? { period: p, days: 0 };
    entry.days++;
    counts.set(key, entry);
  }
  let best: { period: Period; days: number } | undefined;
  // on a tie the later unit wins: it holds publication
  for (const entry of counts.values()) if (!best || entry.days >= best.days) best = entry;
  return best?.period;
}

export function relative(text: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, rule: string, resolve: Candidate['resolve'], priority = 0) =>
    out.push({ start, end, rule, stage: 'plain', priority, resolve });

  each(DAY_WORD, text, (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (m[1]) {
      const n = /before/i.test(m[1]) ? -2 : 2;
      push(start, end, 'day-word', (env) => day(shiftDays(env.pub, n)));
      return;
    }
    const modifier = m[2]?.toLowerCase();
    const word = m[3]!.toLowerCase();
    // USA Today, Russia Today: a capitalised Today after a capitalised word is a title
    if (m[3] === 'Today' && start > 0) {
      const previous = text.slice(0, start).trimEnd().split(/\s+/).pop() ?? '';
      if (/^[A-Z]/.test(previous) && !/[.!?:;,"“”)]$/.test(previous)) return;
    }
    if (/^(programme|program|show)$/i.test(wordAfter(text, end))) return;
    const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    let part = partOfDay(m[4]) ?? (word === 'tonight' ? 'NI' : undefined);
    if (!part && modifier === 'early') part = 'MO';
    if (!part && modifier === 'late') part = word === 'tonight' ? 'NI' : 'EV';
    push(start, end, part ? 'day-word-part' : 'day-word', (env) => day(shiftDays(env.pub, offset), part));
  });

  each(THIS_PART, text, (m) => {
    const which = m[1]!.toLowerCase();
    const part = partOfDay(m[2])!;
    // "the last night of the festival" is not last night
    if (which === 'last' && wordBefore(text, m.index) === 'the') return;
    push(m.index, m.index + m[0].length, 'day-word-part', (env) => day(which === 'last' ? shiftDays(env.pub, -1) : env.pub, part));
  });

  each(OVERNIGHT, text, (m) => {
    const before = wordBefore(text, m.index);
    if (['an', 'a', 'the', 'their', 'its', 'his', 'her'].includes(before)) return;
    const next = wordAfter(text, m.index + m[0].length);
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40).trimStart();
    // the adverb ends a clause or is followed by a preposition or a participle; the adjective takes a noun
    const adverb = rest === '' || /^[^\w]/.test(rest) || AFTER_OVERNIGHT.has(next.toLowerCase()) || /ing$/.test(next);
    if (!adverb) return;
    // the night before publication: overnight news is dated by the evening the night began
    push(m.index, m.index + m[0].length, 'overnight', (env) => day(shiftDays(env.pub, -1), 'NI'), -1);
  });

  each(UNIT_RELATIVE, text, (m) => {
    const lead = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const unit = m[2]!.toLowerCase();
    const start = m.index;
    const end = m.index + m[0].length;
    const before = wordBefore(text, start);
    // "the last year", "in the last week" are spans of time, not the calendar unit
    if ((lead === 'last' || lead === 'this' || lead === 'next') && ['the', 'a', 'every', 'each'].includes(before)) return;
    if (lead === 'the past' && unit !== 'weekend') return;
    if (/previous$/.test(lead)) return; // relative to another date: see the anchored rules
    let n = 0;
    if (/\blast$/.test(lead) || lead === 'this past') n = -1;
    else if (/\bnext$/.test(lead) || lead === 'this coming') n = 1;
    if (unit === 'weekend') {
      const explicitThis = lead === 'this';
      push(start, end, 'weekend', (env) => {
        // "this past weekend": the one just gone, or under way on a Saturday or Sunday
        if (lead === 'this past' || lead === 'the past') return weekendWeek(env.pub, 'recent');
        if (n === -1) return weekendWeek(env.pub, 'last');
        if (n === 1) return weekendWeek(env.pub, lead === 'this coming' ? 'coming' : 'next');
        return weekendByTense(env.pub, env.tense(start, end), explicitThis);
      });
      return;
    }
    push(start, end, n === 0 ? 'this-unit' : n < 0 ? 'last-unit' : 'next-unit', (env) => unitFrom(env.pub, unit, n));
  });

  each(WEEK_BEFORE_LAST, text, (m) => {
    const unit = m[1]!.toLowerCase();
    push(m.index, m.index + m[0].length, 'unit-before-last', (env) => (unit === 'weekend' ? { g: 'week', ...isoWeekOf(shiftDays(env.pub, -14 + 6 - weekdayOf(env.pub))) } : unitFrom(env.pub, unit, -2)));
  });

  each(WEEKEND, text, (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    push(start, end, 'weekend', (env) => weekendByTense(env.pub, env.tense(start, end), false));
  });

  each(AGO, text, (m) => {
    const n = countValue(m[1]!);
    const unit = m[2]!.toLowerCase();
    if (n === undefined || n < 1 || n > 100) return;
    push(m.index, m.index + m[0].length, 'ago', (env) => {
      switch (unit) {
        case 'day':
          return day(shiftDays(env.pub, -n));
        case 'week':
          return unitFrom(env.pub, 'week', -n);
        case 'month':
          return unitFrom(env.pub, 'month', -n);
        case 'year':
          return { g: 'year', y: env.pub.y - n };
        default:
          return { g: 'year', y: env.pub.y - 10 * n };
      }
    });
  });

  each(WINDOW, text, (m) => {
    const plural = (m[2] ?? '').toLowerCase() as 'days' | 'weeks' | 'months' | '';
    const singular = (m[3] ?? '').toLowerCase();
    const countText = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    // "few", "several", "recent weeks": about three; "a couple of": two
    const n = singular ? 1 : countText === '' || countText === 'few' || countText === 'several' ? 3 : (countValue(countText.replace(/ of$/, '')) ?? 3);
    const unit = singular ? ((singular + 's') as 'weeks' | 'months') : plural;
    if (!unit) return;
    push(m.index, m.index + m[0].length, 'recent-span', (env) => windowPeriod(env.pub, unit, n), -1);
  });

  return out;
}
