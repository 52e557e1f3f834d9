/**
 * Seasons, quarters and halves: `the summer of 2023`, `last winter`,
 * `the first quarter`, `Q3 2024`, `third quarter of 2008`, `the first half of 2025`.
 * Fiscal quarters are reported as calendar quarters: the fiscal calendar of a
 * company is not in the sentence.
 */
import { quarterOf } from '../calendar.ts';
import { each, gated, wordAfter, wordBefore, type Candidate } from '../candidate.ts';
import { ordinalValue, seasonCode } from '../lexicon.ts';
import { resolveQuarter, resolveSeason, shiftQuarter, type Direction } from '../resolve.ts';

const SEASON = gated(/spring|summer|autumn|fall|winter/i, /\b(?:((?:[Ll]ast|[Nn]ext|[Tt]his)(?:\s+(?:past|coming))?|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+|([Tt]he\s+(?:(?:early|late)\s+)?))?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:,?\s+(?:of\s+)?(\d{4})(?!\d))?(?:['’]s)?(?![\w'’-])/g);
/** Words before a season with no year or `this`/`last` that make it a time: `in the summer`, `during winter`. */
const SEASON_LEAD = new Set(['in', 'during', 'by', 'until', 'till', 'over', 'since', 'through', 'throughout', 'before', 'after', 'for', 'from', 'of', 'early', 'late', 'mid', 'around', 'this']);

const QUARTER = gated(
  /quarter/i,
  /\b(?:[Tt]he\s+|(\d{4})['’]s\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+(?:of\s+)?(?:(\d{4})(?!\d)|(this|last|next)\s+year|the\s+(?:current\s+|fiscal\s+)?year|fiscal\s+(?:year\s+)?(\d{4})(?!\d)))?(?![\w'’-])/gi,
);
const QUARTER_RELATIVE = gated(/quarter/i, /\b(this|next|last|the\s+current|the\s+previous|the\s+past|the\s+latest|the\s+most\s+recent|the\s+next|the\s+coming)\s+quarter(?![\w'’-])/gi);
const Q_NOTATION = gated(/Q[1-4]/, /\b(?:(\d{4})\s?)?Q([1-4])(?:\s?(\d{4})(?!\d)|\s?['’](\d{2})(?!\d))?\b/g);
const HALF = gated(/half|H[12]/i, /\b(?:[Tt]he\s+)?(first|second)\s+half\s+of\s+(?:(\d{4})(?!\d)|(this|last|next)\s+year|the\s+(?:current\s+)?year)(?![\w'’])|\bH([12])\s?(\d{4})(?!\d)/gi);

/** A quarter in a game is not a calendar quarter. */
const SPORTS = /\b(scored|scores|scoring|touchdowns?|goals?|innings?|overtime|half-?time|basket|baskets|free throws?|points? (?:in|during) the)\b/i;

function directionOf(word: string | undefined): Direction {
  const w = (word ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (w === 'last' || w === 'this past') return 'last';
  if (w === 'next' || w === 'this coming') return 'next';
  if (w === 'this') return 'this';
  return undefined;
}

export function periods(text: string): Candidate[] {
  const out: Candidate[] = [];

  each(SEASON, text, (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    const season = seasonCode(m[3]!)!;
    const y = m[4] ? Number(m[4]) : undefined;
    const modifier = m[1];
    const direction = directionOf(modifier);
    if (y === undefined && !direction) {
      // "the fall of Kabul", "Arab Spring", "hot spring": only plain time uses count
      if (/^\s+of\b/.test(text.slice(end))) return;
      const lead = wordBefore(text, start);
      if (!SEASON_LEAD.has(lead) && !/^(early|late|mid)$/i.test(modifier ?? '')) return;
      if (/^fall$/i.test(m[3]!) && !m[2] && !modifier) return; // "prices fall in …"
      if (/^[A-Z]/.test(m[3]!) && start > 0 && !m[2] && /^[A-Z]/.test(wordAfter(text, end))) return;
    }
    out.push({
      start,
      end,
      rule: 'season',
      stage: 'plain',
      resolve: (env) => {
        if (y !== undefined) return { g: 'season', y, s: season };
        return { g: 'season', ...resolveSeason(env.pub, season, direction, env.tense(start, end)) };
      },
    });
  });

  const sports = SPORTS.test(text);

  each(QUARTER, text, (m) => {
    if (sports) return;
    const start = m.index;
    const end = m.index + m[0].length;
    const word = m[2]!.toLowerCase();
    // "1988's fourth quarter", "the third quarter of 2008", "the first quarter of fiscal 2024"
    const explicitYear = m[1] ?? m[3] ?? m[5];
    const relativeYear = m[4]?.toLowerCase();
    const ofTheYear = /the\s+(current\s+|fiscal\s+)?year$/i.test(m[0]);
    // "the first quarter of the century" is not a calendar quarter
    if (/^\s+of\b/i.test(text.slice(end))) return;
    const q = ordinalValue(word);
    out.push({
      start,
      end,
      rule: 'quarter',
      stage: 'plain',
      resolve: (env) => {
        const y = explicitYear ? Number(explicitYear) : relativeYear ? env.pub.y + (relativeYear === 'last' ? -1 : relativeYear === 'next' ? 1 : 0) : undefined;
        if (word === 'last' && y === undefined && !ofTheYear) return { g: 'quarter', ...shiftQuarter(env.pub.y, quarterOf(env.pub.m), -1) };
        const quarter = word === 'last' ? 4 : q!;
        if (y !== undefined) return { g: 'quarter', y, q: quarter };
        if (ofTheYear) return { g: 'quarter', y: env.pub.y, q: quarter };
        return { g: 'quarter', ...resolveQuarter(env.pub, quarter, env.tense(start, end)) };
      },
    });
  });

  each(QUARTER_RELATIVE, text, (m) => {
    if (sports || /^\s+of\b/i.test(text.slice(m.index + m[0].length))) return;
    const which = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    // "the last quarter" in a sentence of figures is the one just ended
    const n = /^(last|the previous|the past|the latest|the most recent)$/.test(which) ? -1 : /^(next|the next|the coming)$/.test(which) ? 1 : 0;
    if (which === 'last' && wordBefore(text, m.index) === 'the') return;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule: 'quarter',
      stage: 'plain',
      resolve: (env) => ({ g: 'quarter', ...shiftQuarter(env.pub.y, quarterOf(env.pub.m), n) }),
    });
  });

  each(Q_NOTATION, text, (m) => {
    const yearText = m[1] ?? m[3] ?? (m[4] ? String(2000 + Number(m[4])) : undefined);
    const q = Number(m[2]);
    const start = m.index;
    const end = m.index + m[0].length;
    out.push({
      start,
      end,
      rule: 'quarter',
      stage: 'plain',
      resolve: (env) => (yearText ? { g: 'quarter', y: Number(yearText), q } : { g: 'quarter', ...resolveQuarter(env.pub, q, env.tense(start, end)) }),
    });
  });

  each(HALF, text, (m) => {
    const which = m[3]?.toLowerCase();
    const explicit = m[2] ?? m[5];
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule: 'half-year',
      stage: 'plain',
      // the value grammar has no halves: the year is the honest precision
      resolve: (env) => ({ g: 'year', y: explicit ? Number(explicit) : env.pub.y + (which === 'last' ? -1 : which === 'next' ? 1 : 0) }),
    });
  });

  return out;
}
