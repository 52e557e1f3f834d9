/**
 * Time zones named after a clock time (`11am UK time`, `3 p.m. ET`, `18:00 UTC`).
 * Fixed abbreviations map to a fixed offset (a writer who says EST means
 * UTC-5, even in July); names of places and `ET`/`PT` follow daylight saving,
 * computed by the platform's time-zone database for the day in question.
 */
import type { Day } from './calendar.ts';

/** A zone as written: a fixed offset in minutes, an IANA zone, or `local` (no zone known). */
type Zone = { fixed: number } | { iana: string } | { local: true };

const FIXED: Record<string, number> = {
  GMT: 0,
  UTC: 0,
  Z: 0,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  TRT: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  SGT: 480,
  HKT: 480,
  WIB: 420,
  GST: 240,
  PKT: 300,
};

const IANA_ABBREVIATIONS: Record<string, string> = {
  ET: 'America/New_York',
  CT: 'America/Chicago',
  PT: 'America/Los_Angeles',
};

/** `<place> time`, lower-cased: the zone it names. */
const PLACES: Record<string, string> = {
  uk: 'Europe/London',
  british: 'Europe/London',
  london: 'Europe/London',
  irish: 'Europe/Dublin',
  dublin: 'Europe/Dublin',
  eastern: 'America/New_York',
  'new york': 'America/New_York',
  washington: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  pacific: 'America/Los_Angeles',
  'central european': 'Europe/Paris',
  european: 'Europe/Brussels',
  brussels: 'Europe/Brussels',
  paris: 'Europe/Paris',
  french: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  german: 'Europe/Berlin',
  rome: 'Europe/Rome',
  madrid: 'Europe/Madrid',
  warsaw: 'Europe/Warsaw',
  'eastern european': 'Europe/Kyiv',
  kyiv: 'Europe/Kyiv',
  kiev: 'Europe/Kyiv',
  ukrainian: 'Europe/Kyiv',
  ukraine: 'Europe/Kyiv',
  moscow: 'Europe/Moscow',
  russian: 'Europe/Moscow',
  turkish: 'Europe/Istanbul',
  turkey: 'Europe/Istanbul',
  istanbul: 'Europe/Istanbul',
  ankara: 'Europe/Istanbul',
  israel: 'Asia/Jerusalem',
  jerusalem: 'Asia/Jerusalem',
  gaza: 'Asia/Gaza',
  tehran: 'Asia/Tehran',
  iran: 'Asia/Tehran',
  dubai: 'Asia/Dubai',
  gulf: 'Asia/Dubai',
  india: 'Asia/Kolkata',
  indian: 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  china: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  singapore: 'Asia/Singapore',
  tokyo: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  sydney: 'Australia/Sydney',
};

/** `kyiv` → `[Kk]yiv`, `new york` → `[Nn]ew\s+[Yy]ork`; `UK` only in capitals. */
function placePattern(place: string): string {
  if (place === 'uk') return 'UK';
  return place
    .split(' ')
    .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
    .join('\\s+');
}

const ZONE = [
  '(?:GMT|UTC)\\s?[+\\-−]\\s?\\d{1,2}(?::?\\d{2})?',
  '(?:[Ll]ocal|' +
    Object.keys(PLACES)
      .sort((a, b) => b.length - a.length)
      .map(placePattern)
      .join('|') +
    ')(?:\\s+(?:[Ss]tandard|[Ss]ummer|[Dd]aylight))?\\s+[Tt]ime',
  // "10 p.m. Eastern": the US regions stand alone in broadcast copy
  '(?:Eastern|Pacific|Central|Mountain)(?!\\s+[A-Z])',
  Object.keys(FIXED)
    .concat(Object.keys(IANA_ABBREVIATIONS))
    .sort((a, b) => b.length - a.length)
    .join('|'),
].join('|');

/**
 * A zone written after a clock time, bare (`9am GMT`) or in brackets
 * (`6:40 p.m. (GMT +8)`). Anchored with `^` and run on the text that follows
 * the time; group 1 or 2 is the zone text.
 */
export const ZONE_AFTER = new RegExp(`^\\s*(?:\\(\\s*(${ZONE})\\s*\\)|(${ZONE})(?![A-Za-z]))`);

function parseZone(text: string): Zone | undefined {
  const t = text.trim();
  const offset = /^(?:GMT|UTC)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { fixed: offset[1] === '+' ? minutes : -minutes };
  }
  if (t in FIXED) return { fixed: FIXED[t]! };
  if (t in IANA_ABBREVIATIONS) return { iana: IANA_ABBREVIATIONS[t]! };
  const words = t.toLowerCase().replace(/\s+/g, ' ');
  if (/^local( (standard|summer|daylight))? time$/.test(words)) return { local: true };
  const place = words.replace(/( (standard|summer|daylight))? time$/, '');
  // "Eastern Standard Time" is a fixed offset, like EST
  if (/ standard time$/.test(words) && place === 'eastern') return { fixed: -300 };
  if (/ standard time$/.test(words) && place === 'pacific') return { fixed: -480 };
  if (place === 'uk' || place in PLACES) return { iana: PLACES[place]! };
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of an IANA zone, in minutes east of UTC, at a UTC instant. */
function offsetAt(iana: string, utcMillis: number): number | undefined {
  let format = formatters.get(iana);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    formatters.set(iana, format);
  }
  const name = format.formatToParts(new Date(utcMillis)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '+' ? minutes : -minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The UTC offset (`+01:00`) a zone written as `text` has at a wall-clock time on
 * a day; undefined for `local time` or an unknown zone.
 */
export function zoneOffset(text: string, day: Day, hh: number, mm: number): string | undefined {
  const zone = parseZone(text);
  if (!zone || 'local' in zone) return undefined;
  if ('fixed' in zone) return formatOffset(zone.fixed);
  // the wall time read as UTC, corrected by the zone's offset (twice, for the hour a clock change moves)
  const wall = Date.UTC(day.y, day.m - 1, day.d, hh, mm);
  if (!Number.isFinite(wall)) return undefined;
  const first = offsetAt(zone.iana, wall);
  if (first === undefined) return undefined;
  const second = offsetAt(zone.iana, wall - first * 60_000);
  return formatOffset(second ?? first);
}
