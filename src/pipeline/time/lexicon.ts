/**
 * Words the English time rules are built from. Regex sources here are plain
 * alternations (no nested quantifiers), so every pattern built from them
 * stays linear on any input.
 */

export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month names and the abbreviations news copy uses (AP style: `Jan.`, `Sept.`). */
const MONTH_FORMS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
MONTHS.forEach((name, i) => (MONTH_FORMS[name] = i + 1));

/** Full month names, capitalised: a lower-case `march` or `may` is a verb. */
export const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** Full names or abbreviations; only used where a day or year follows, which rules out `Mar` the verb. */
export const MONTH_ANY =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

export function monthNumber(word: string): number | undefined {
  return MONTH_FORMS[word.toLowerCase().replace(/\.$/, '')];
}

/** ISO weekday numbers, Monday = 1. */
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
/** Only full names: `Sun`, `Wed`, `Sat` are a newspaper, a verb, a past tense. */
export const WEEKDAY = '(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)';

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS[word.toLowerCase()];
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  'a couple of': 2,
  'a couple': 2,
  couple: 2,
};
/** A small count: digits or words, as in `two days ago`, `3 weeks ago`, `a year earlier`. */
export const COUNT =
  '(?:\\d{1,2}|a couple of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)';

export function countValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

export function partOfDay(word: string | undefined): PartOfDay | undefined {
  switch ((word ?? '').toLowerCase()) {
    case 'morning':
      return 'MO';
    case 'afternoon':
      return 'AF';
    case 'evening':
      return 'EV';
    case 'night':
    case 'overnight':
      return 'NI';
    default:
      return undefined;
  }
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export function seasonCode(word: string): Season | undefined {
  switch (word.toLowerCase()) {
    case 'spring':
      return 'SP';
    case 'summer':
      return 'SU';
    case 'autumn':
    case 'fall':
      return 'FA';
    case 'winter':
      return 'WI';
    default:
      return undefined;
  }
}

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
};
export function ordinalValue(word: string): number | undefined {
  return ORDINALS[word.toLowerCase()];
}

/**
 * Prepositions and modifiers that make a bare month name (or a year) read as a
 * date: `in March`, `since 2019`, `early May`.
 */
export const DATE_PREPOSITIONS = new Set([
  'in',
  'on',
  'since',
  'until',
  'till',
  'by',
  'from',
  'to',
  'through',
  'thru',
  'during',
  'before',
  'after',
  'between',
  'of',
  'early',
  'mid',
  'late',
  'last',
  'next',
  'this',
  'that',
  'past',
  'around',
  'circa',
  'throughout',
  'into',
  'for',
  'as',
  'at',
  'against',
  'over',
  'within',
]);

/** Count nouns and units: `2014 people`, `2000 feet` are amounts, not years. */
export const UNIT_WORDS = new Set([
  'people',
  'persons',
  'men',
  'women',
  'children',
  'kids',
  'troops',
  'soldiers',
  'police',
  'officers',
  'jobs',
  'workers',
  'employees',
  'staff',
  'members',
  'residents',
  'civilians',
  'refugees',
  'migrants',
  'prisoners',
  'hostages',
  'students',
  'delegates',
  'reporters',
  'journalists',
  'users',
  'customers',
  'visitors',
  'passengers',
  'fans',
  'votes',
  'voters',
  'seats',
  'cases',
  'deaths',
  'dead',
  'homes',
  'houses',
  'buildings',
  'cars',
  'vehicles',
  'planes',
  'aircraft',
  'jets',
  'ships',
  'boats',
  'tanks',
  'drones',
  'missiles',
  'rockets',
  'shells',
  'rounds',
  'attacks',
  'strikes',
  'km',
  'kilometres',
  'kilometers',
  'miles',
  'metres',
  'meters',
  'm',
  'feet',
  'ft',
  'yards',
  'inches',
  'tonnes',
  'tons',
  'kg',
  'kilograms',
  'pounds',
  'lbs',
  'barrels',
  'litres',
  'liters',
  'gallons',
  'hectares',
  'acres',
  'dollars',
  'euros',
  'yuan',
  'yen',
  'rubles',
  'roubles',
  'hryvnias',
  'units',
  'points',
  'pages',
  'words',
  'copies',
  'songs',
  'calories',
  'degrees',
  'percent',
  'per',
  'mph',
  'kph',
  'mw',
  'gw',
  'mhz',
  'ghz',
  'mb',
  'gb',
  'tb',
  'rpm',
  'bpd',
  'cc',
  'hp',
  'sq',
  'square',
  'cubic',
  'times',
  'strong',
]);

/** Words before a number that make it a label, not a year: `flight 2014`, `No. 1999`, `Resolution 2139`. */
export const LABEL_WORDS = new Set([
  'no',
  'nos',
  'number',
  'numbers',
  'page',
  'pages',
  'p',
  'pp',
  'flight',
  'route',
  'room',
  'rooms',
  'highway',
  'road',
  'interstate',
  'model',
  'version',
  'chapter',
  'section',
  'article',
  'articles',
  'resolution',
  'resolutions',
  'line',
  'code',
  'channel',
  'iso',
  'copyright',
  'bus',
  'gate',
  'platform',
  'unit',
  'suite',
  'apartment',
  'building',
  'block',
  'lot',
  'exit',
  'id',
  'pin',
  'tel',
  'phone',
  'fax',
  'box',
  'bill',
  'hr',
  's',
  'rule',
  'form',
  'windows',
  'office',
  'galaxy',
  'boeing',
  'airbus',
  'cessna',
  'porsche',
  'peugeot',
  'nokia',
  'vol',
  'volume',
  'issue',
  'grade',
  'level',
  'score',
  'scored',
  'rank',
  'ranked',
  'ranking',
  'population',
  'pop',
  'elevation',
  'altitude',
  'height',
  'capacity',
]);

/** Words that make the following number a quantity: `some 2000`, `nearly 2000`. */
export const QUANTITY_WORDS = new Set([
  'some',
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'over',
  'under',
  'than',
  'least',
  'up',
  'only',
  'just',
  'another',
  'all',
  'those',
  'these',
  'total',
  'totalling',
  'totaling',
  'estimated',
  'additional',
  'extra',
  'further',
  'plus',
  'minus',
  'x',
]);

/** Modifiers that make a weekday name part of a holiday or a name: `Black Friday`, `Super Tuesday`. */
export const WEEKDAY_NAME_BEFORE = new Set([
  'black',
  'good',
  'super',
  'bloody',
  'easter',
  'palm',
  'ash',
  'holy',
  'maundy',
  'cyber',
  'giving',
  'shrove',
  'blue',
  'manic',
  'man',
  'girl',
  'every',
  'each',
]);

/** Capitalised words after a weekday that make it a title: `Sunday Times`, `Saturday Night Live`. */
export const WEEKDAY_NAME_AFTER = new Set([
  'times',
  'telegraph',
  'express',
  'mirror',
  'herald',
  'post',
  'people',
  'star',
  'world',
  'independent',
  'tribune',
  'mail',
  'sport',
  'service',
  'school',
  'league',
  'club',
  'edition',
  'magazine',
  'review',
  'observer',
  'business',
  'politics',
  'today',
  'show',
  'live',
]);
