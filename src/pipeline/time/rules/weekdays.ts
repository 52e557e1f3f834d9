/**
 * Weekday names: `on Friday`, `last Sunday`, `late on Wednesday`,
 * `Wednesday evening`, `the morning of Thursday`, `Monday's meeting`.
 * Which Friday is decided by `resolveWeekday` from the clause's tense.
 */
import { shiftDays, type Day } from '../calendar.ts';
import { each, isDayLevel, wordAfter, wordBefore, type Candidate } from '../candidate.ts';
import { partOfDay, WEEKDAY, WEEKDAY_NAME_AFTER, WEEKDAY_NAME_BEFORE, weekdayNumber, type PartOfDay } from '../lexicon.ts';
import { resolveWeekday, type Direction } from '../resolve.ts';

const PREFIX =
  '(?:((?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)(?:\\s+on)?|[Oo]vernight(?:\\s+(?:into|on|to))?|[Ll]ast|[Nn]ext|[Tt]his(?:\\s+(?:past|coming))?|[Tt]he\\s+coming|[Cc]oming|(?:[Oo]n\\s+)?[Tt]he\\s+(?:morning|afternoon|evening|night|early\\s+hours)\\s+of)\\s+)?';
const WEEKDAY_MENTION = new RegExp(
  `\\b${PREFIX}(${WEEKDAY})(?:\\s+(morning|afternoon|evening|night|overnight)|['’]s)?(?![\\w'’])`,
  'g',
);

/** Every weekday name holds `day` (or `DAY`): no match without it. */
const HAS_WEEKDAY = /day|DAY/;

const SUNDAY_PAPER = /\b(?:Mail|Sun|Independent|Express|Mirror|People|Star|Observer)\s+on\s+$/;

function directionOf(prefix: string): Direction {
  if (/^(last|this\s+past)$/.test(prefix)) return 'last';
  if (/^(next|this\s+coming|the\s+coming|coming)$/.test(prefix)) return 'next';
  if (prefix === 'this') return 'this';
  return undefined;
}

function partFromPrefix(prefix: string): PartOfDay | undefined {
  if (/^early(\s+on)?$/.test(prefix) || /early\s+hours/.test(prefix)) return 'MO';
  if (/^late(\s+on)?$/.test(prefix)) return 'EV';
  if (prefix.startsWith('overnight')) return 'NI';
  const of = /the\s+(morning|afternoon|evening|night)\s+of$/.exec(prefix);
  return of ? partOfDay(of[1]) : undefined;
}

export function weekdays(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!HAS_WEEKDAY.test(text)) return out;
  each(WEEKDAY_MENTION, text, (m) => {
    const prefix = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const name = m[2]!;
    const weekday = weekdayNumber(name)!;
    const start = m.index;
    const end = m.index + m[0].length;
    const before = wordBefore(text, start);
    if (!prefix && WEEKDAY_NAME_BEFORE.has(before)) return; // Black Friday, every Monday
    const after = wordAfter(text, end);
    // Sunday Times, Saturday Night Live: a capitalised title word after the name
    if (!m[3] && /^[A-Z]/.test(after) && WEEKDAY_NAME_AFTER.has(after.toLowerCase())) return;
    // the Mail on Sunday, the Independent on Sunday
    if (weekday === 7 && SUNDAY_PAPER.test(text.slice(Math.max(0, start - 20), start))) return;
    const part = partOfDay(m[3]) ?? partFromPrefix(prefix);
    const direction = directionOf(prefix);
    // "overnight into Thursday" is the night before Thursday; the night is dated by its evening
    const nightBefore = prefix.startsWith('overnight') || m[3]?.toLowerCase() === 'overnight';
    out.push({
      start,
      end,
      rule: part ? 'weekday-part' : direction ? `weekday-${direction}` : 'weekday',
      stage: 'plain',
      resolve: (env) => {
        const tense = env.tense(start, end);
        const previous = env.previous(start, isDayLevel)?.period;
        const reference: Day | undefined = previous && isDayLevel(previous) ? previous.day : undefined;
        let day = resolveWeekday(env.pub, weekday, direction, tense, reference);
        if (nightBefore) day = shiftDays(day, -1);
        return { g: 'day', day, part };
      },
    });
  });
  return out;
}
