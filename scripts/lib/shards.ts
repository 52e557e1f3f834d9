import { createHash } from 'node:crypto';

/** A page the search indexes: its path in the built site, its date, a hash of what Pagefind reads of it (`searchedPart`). */
export interface IndexedPage {
  /** `events/<id>/index.html`, `articles/<id>/index.html`. */
  path: string;
  kind: 'event' | 'article';
  /** The page's sort date (`YYYY-MM-DD…`), as the layout gives Pagefind; may be empty. */
  date: string;
  hash: string;
  /** Its `data-pagefind-filter` values, `[filter, value]`. */
  filters: Array<[string, string]>;
}

export interface Shard {
  /** `YYYY-Qn`, or `YYYY-Qn_YYYY-Qn` for a half-year's two quarters; `YYYY-MM` for the newest article's month; `earlier` for every page older than the first article's quarter. */
  key: string;
  /** Paths, sorted. */
  pages: string[];
  /** Changes whenever a page of the shard, the set of pages or Pagefind's version does. */
  hash: string;
}

export const EARLIER = 'earlier';

/** `YYYY-Qn` of a date, or undefined when it does not start with a year and a month. */
export function quarterOf(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return `${match[1]}-Q${Math.ceil(month / 3)}`;
}

/** `YYYY-MM` of a date, or undefined when it does not start with a year and a month. */
function monthKeyOf(date: string): string | undefined {
  return quarterOf(date) === undefined ? undefined : date.slice(0, 7);
}

/** `YYYY-H1` (January–June) or `YYYY-H2` of a quarter's key; undefined for `earlier` and a month's. */
function halfOf(key: string): string | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match ? `${match[1]}-H${Number(match[2]) <= 2 ? 1 : 2}` : undefined;
}

/** The first month a shard's key covers: `YYYY-MM` itself, a quarter's first month; `earlier` before all. */
function startOf(key: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  return quarter ? `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}` : key;
}

/**
 * Pages a shard holds at most, unless one quarter alone has more.
 * Pagefind holds a shard's whole index in memory while it writes it
 * (1,650 pages: a peak of 1.3 GB for the search step), and a query costs a
 * search per shard (see the README's benchmarks for the figures).
 */
export const SHARD_PAGES = 2_200;

/**
 * Pages one Pagefind glob names at most. A shard's pages are added to its
 * index in globs of this many: Pagefind could not parse the glob of all
 * 14,111 pages of one shard (909 KB) and the build failed; shards of up to
 * 2,248 pages in one glob had worked.
 */
export const GLOB_PAGES = 500;

/** The pages in order, `size` at most a part: what one glob names each (`pageGlobs`). */
export function pageParts(pages: string[], size = GLOB_PAGES): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < pages.length; i += size) parts.push(pages.slice(i, i + size));
  return parts;
}

/** The glob naming these pages (site-relative paths of slugs, no glob syntax in them). */
export function globOf(part: string[]): string {
  return part.length === 1 ? part[0]! : `{${part.join(',')}}`;
}

/** Globs naming the given pages, `size` at most each. */
export function pageGlobs(pages: string[], size = GLOB_PAGES): string[] {
  return pageParts(pages, size).map(globOf);
}

/**
 * Which index shard each page goes to: the quarter of its date, and the
 * newest article's month (and anything dated after it) a shard of its own,
 * so that a new article of a running story lands in a small shard and the
 * older ones stay as they were. When the next month's first article comes,
 * that month becomes the newest, and the one before goes back into its
 * quarter (re-indexed once). Pages older than the first article's quarter
 * (background events: 2014, March 2022) and undated ones share one shard,
 * `earlier`, which stays small: each new report of an old happening
 * changes its pages. The two quarters of a half-year (January–June,
 * July–December) share a shard when together they hold at most `maxPages`
 * pages: `2025-Q1_2025-Q2` holds both. The newest month's quarter counts
 * without that month. A half-year that grows past the limit splits into its
 * quarters (both re-indexed once); the shards of other half-years stay as
 * they were. Shards are listed oldest first,
 * which is the order the search merges date-sorted results in.
 */
export function shardPlan(pages: IndexedPage[], salt = '', maxPages = SHARD_PAGES): Shard[] {
  const articles = pages.filter((p) => p.kind === 'article');
  const quarters = articles.map((p) => quarterOf(p.date)).filter((q) => q !== undefined);
  const first = quarters.length > 0 ? quarters.reduce((a, b) => (a < b ? a : b)) : undefined;
  const months = articles.map((p) => monthKeyOf(p.date)).filter((m) => m !== undefined);
  const newest = months.length > 0 ? months.reduce((a, b) => (a > b ? a : b)) : undefined;
  const groups = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const quarter = quarterOf(page.date);
    const month = monthKeyOf(page.date);
    const key =
      quarter === undefined || (first !== undefined && quarter < first) ? EARLIER : newest !== undefined && month! >= newest ? newest : quarter;
    const list = groups.get(key);
    if (list) list.push(page);
    else groups.set(key, [page]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === EARLIER ? -1 : b === EARLIER ? 1 : startOf(a).localeCompare(startOf(b)) || a.localeCompare(b)));
  // A half-year's two quarters share a shard when together they hold at most maxPages; never
  // the newest month (always the last) or `earlier` (the first). Halves are fixed by the
  // calendar, so a quarter that grows can split its own half-year only, not move the shards after it.
  const halfPages = new Map<string, number>();
  for (const key of keys) {
    const half = halfOf(key);
    if (half) halfPages.set(half, (halfPages.get(half) ?? 0) + groups.get(key)!.length);
  }
  const shards: Array<{ parts: string[]; pages: IndexedPage[] }> = [];
  for (const key of keys) {
    const list = groups.get(key)!;
    const last = shards.at(-1);
    const half = halfOf(key);
    if (last && half && halfOf(last.parts[0]!) === half && halfPages.get(half)! <= maxPages) {
      last.parts.push(key);
      last.pages.push(...list);
    } else shards.push({ parts: [key], pages: [...list] });
  }
  return shards.map(({ parts, pages: list }) => {
    const key = parts.length === 1 ? parts[0]! : `${parts[0]}_${parts.at(-1)}`;
    const members = [...list].sort((a, b) => a.path.localeCompare(b.path));
    const hash = createHash('sha256').update(salt);
    for (const page of members) hash.update(`\0${page.path}\0${page.hash}`);
    return { key, pages: members.map((p) => p.path), hash: hash.digest('hex').slice(0, 16) };
  });
}

/**
 * What Pagefind reads inside an ignored element: filters, metadata (and
 * default metadata), sort keys, attributes it is told to index, and a
 * heading or image (the first `<h1>` gives a result's title, the first
 * image after it its image). An ignored element holding any of them is kept.
 */
const PAGEFIND_READS_IGNORED = /data-pagefind-(?:filter|meta|default-meta|sort|index-attrs)|<(?:h1|img)[\t\n\f\r />]/i;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// HTML's whitespace (tab, line feed, form feed, carriage return, space), not `\s`, which also takes a
// no-break space: the same matches whether a page is read as text or a byte a character (`pageFacts`).
const IGNORED = /<([a-zA-Z][\w-]*)\b[^<>]*?[\t\n\f\r ]data-pagefind-ignore(?:=(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?[^<>]*>/g;

/**
 * The part of a page Pagefind reads: the HTML without the elements marked
 * `data-pagefind-ignore`, whose text the index never holds (source lists,
 * "Key event" labels, counts). Hashing this part instead of the whole file
 * keeps a shard cached when only such text changed, as it does on every
 * event an added article cites. It is also what the search step gives
 * Pagefind to index (scripts/pagefind.ts). It can only keep too much, never
 * drop what is indexed: an ignored element that holds what Pagefind reads
 * even there (`PAGEFIND_READS_IGNORED`) is kept, and so is the rest of the
 * page from an element whose end cannot be found.
 */
export function searchedPart(html: string): string {
  let out = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let match = IGNORED.exec(html); match; match = IGNORED.exec(html)) {
    const name = match[1]!.toLowerCase();
    const openEnd = match.index + match[0].length;
    let end = openEnd;
    if (!VOID.has(name) && !match[0].endsWith('/>')) {
      // The matching end tag: same-name tags nest.
      const tags = new RegExp(`<(/?)${name}(?=[\\t\\n\\f\\r >/])[^<>]*>`, 'gi');
      tags.lastIndex = openEnd;
      let depth = 1;
      let tag: RegExpExecArray | null;
      while (depth > 0 && (tag = tags.exec(html))) depth += tag[1] ? -1 : tag[0].endsWith('/>') ? 0 : 1;
      if (depth > 0) break;
      end = tags.lastIndex;
    }
    if (PAGEFIND_READS_IGNORED.test(html.slice(match.index, end))) continue;
    out += html.slice(from, match.index);
    from = end;
    IGNORED.lastIndex = end;
  }
  return out + html.slice(from);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text read one character a byte (latin1), as the UTF-8 it was. */
const utf8Of = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

/**
 * The `data-pagefind-filter="name:value"` pairs of a page, as Pagefind reads
 * them (one pair per attribute); `latin1` when the page was read one
 * character a byte (`pageFacts`), its values then decoded from UTF-8.
 */
export function filtersOf(html: string, latin1 = false): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const match of html.matchAll(/data-pagefind-filter="([^"]*)"/g)) {
    const text = decodeEntities(latin1 ? utf8Of(match[1]!) : match[1]!);
    const colon = text.indexOf(':');
    if (colon <= 0) continue;
    pairs.push([text.slice(0, colon).trim(), text.slice(colon + 1).trim()]);
  }
  return pairs;
}

/** How many pages carry each filter value, as Pagefind's `filters()` gives them. */
export function filterCounts(pages: IndexedPage[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const page of pages) {
    // A page counts once for each value, however often it carries it.
    const seen = new Set<string>();
    for (const [filter, value] of page.filters) {
      const key = `${filter}\0${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const values = (counts[filter] ??= {});
      values[value] = (values[value] ?? 0) + 1;
    }
  }
  const sorted: Record<string, Record<string, number>> = {};
  for (const filter of Object.keys(counts).sort()) {
    sorted[filter] = Object.fromEntries(Object.entries(counts[filter]!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return sorted;
}

/** What the search step needs of a page: its sort date, the hash of what Pagefind reads of it, its filters. */
export type PageFacts = Pick<IndexedPage, 'date' | 'hash' | 'filters'>;

/**
 * A page's facts from its bytes (UTF-8). They are read one character a byte
 * (latin1): over the 6,291 pages of the 5,000-article site (200 MB), 0.3 s
 * against 1.0–2.1 s decoding UTF-8. Everything looked for is ASCII markup,
 * matched by ASCII classes (no `\s`, which a lone 0xA0 byte would match) or
 * by negated ones, which take a multi-byte character's bytes as they take
 * the character; the hash is of the same bytes, and the date and filter
 * values are decoded from UTF-8 once found.
 */
export function pageFacts(bytes: Buffer): PageFacts {
  const text = bytes.toString('latin1');
  return {
    date: utf8Of(/data-pagefind-sort="date:([^"]*)"/.exec(text)?.[1] ?? ''),
    hash: createHash('sha256').update(searchedPart(text), 'latin1').digest('hex'),
    filters: filtersOf(text, true),
  };
}
