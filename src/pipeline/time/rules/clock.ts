/**
 * Clock times: `about 11am UK time`, `9am GMT`, `12:30 EST`, `3 p.m. ET`,
 * `18:00 UTC`, `1900 GMT`, `at noon`. A time is dated by the day mentioned
 * nearest to it in the sentence (`at 9am on Friday`), else the publication day,
 * and keeps the zone's offset on that day when the zone is named.
 */
import type { Day } from '../calendar.ts';
import { each, gated, isDayLevel, wordBefore, type Candidate, type Env } from '../candidate.ts';
import { ZONE_AFTER, zoneOffset } from '../zones.ts';

const AM_PM = gated(/\d\s?[AaPp]/, /(?<![\w.:,$£€])(\d{1,2})(?:[:.](\d{2}))?\s?([AaPp])\.?\s?[Mm](?![A-Za-z])\.?/g);
const H24 = gated(/\d:\d/, /(?<![\w.:,$£€/])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g);
const MILITARY = gated(/\d{4}/, /(?<![\w.:,$£€/])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|hrs|hours|h)\b)/g);
const NOON = gated(/noon|midday/i, /\b(noon|midday)\b/gi);
const OCLOCK = gated(/clock/i, /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock\b/gi);

const WORD_HOURS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** Words before a bare `11:30` that make it a time rather than a score or a verse. */
const TIME_LEAD = new Set(['at', 'by', 'from', 'until', 'till', 'before', 'after', 'around', 'about', 'since', 'to', 'between', 'and', 'approximately', 'circa', 'shortly', 'just', 'roughly', 'past', 'or']);
const AFTER_NOON_LEAD = new Set(['at', 'by', 'before', 'after', 'until', 'till', 'around', 'about', 'from', 'since', 'to', 'past', 'approximately', 'shortly']);

/** The day a clock time belongs to: the nearest day mentioned in the sentence, else publication. */
function boundDay(env: Env, start: number, end: number): Day {
  const before = env.previous(start, isDayLevel);
  const after = env.next(end, isDayLevel);
  const nearest = !after || (before && start - before.end <= after.start - end) ? before : after;
  return nearest && isDayLevel(nearest.period) ? nearest.period.day : env.pub;
}

export function clock(text: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, hh: number, mm: number, rule: string, zoneRequired = false) => {
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return;
    const zone = ZONE_AFTER.exec(text.slice(end, end + 60));
    if (zoneRequired && !zone) return;
    const zoneText = zone?.[1] ?? zone?.[2];
    const spanEnd = zone ? end + zone[0].length : end;
    out.push({
      start,
      end: spanEnd,
      rule: zoneText ? 'clock-zone' : rule,
      stage: 'clock',
      priority: 1,
      resolve: (env) => {
        const day = boundDay(env, start, spanEnd);
        return { g: 'time', day, hh, mm, zone: zoneText ? zoneOffset(zoneText, day, hh, mm) : undefined };
      },
    });
  };

  each(AM_PM, text, (m) => {
    let hh = Number(m[1]);
    const mm = m[2] ? Number(m[2]) : 0;
    if (hh < 1 || hh > 12) return;
    const pm = m[3]!.toLowerCase() === 'p';
    if (hh === 12) hh = pm ? 12 : 0;
    else if (pm) hh += 12;
    // the final dot of "a.m." ends the sentence as often as the abbreviation
    const end = m.index + m[0].length - (m[0].endsWith('.') && m.index + m[0].length === text.length ? 1 : 0);
    push(m.index, end, hh, mm, 'clock');
  });

  each(H24, text, (m) => {
    const end = m.index + m[0].length;
    if (/^\s?[AaPp]\.?\s?[Mm](?![A-Za-z])/.test(text.slice(end))) return; // taken by AM_PM
    const lead = wordBefore(text, m.index);
    const zoned = ZONE_AFTER.test(text.slice(end, end + 60));
    const hours = /^\s?(?:hrs|hours|h)\b/.test(text.slice(end));
    if (!zoned && !hours && !TIME_LEAD.has(lead)) return;
    push(m.index, end, Number(m[1]), Number(m[2]), 'clock');
  });

  each(MILITARY, text, (m) => push(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), 'clock', !/^\s?(?:hrs|hours|h)\b/.test(text.slice(m.index + m[0].length))));

  each(NOON, text, (m) => {
    if (!AFTER_NOON_LEAD.has(wordBefore(text, m.index))) return;
    push(m.index, m.index + m[0].length, 12, 0, 'clock');
  });

  each(OCLOCK, text, (m) => {
    const word = m[1]!.toLowerCase();
    const hh = WORD_HOURS[word] ?? Number(word);
    if (!(hh >= 1 && hh <= 12)) return;
    push(m.index, m.index + m[0].length, hh, 0, 'clock');
  });

  return out;
}
