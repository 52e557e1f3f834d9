import { getEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import { handedOver, pipelineExited } from '../../loaders/handoff.ts';
import type { ArticleEntry } from '../../pipeline/bodies.ts';
import type { StorySummary } from '../../pipeline/build.ts';
import { exportFiles } from '../../pipeline/export-files.ts';
import { siteOrigin } from '../../pipeline/exports.ts';
import { compareEvents, comparePublished } from '../../pipeline/order.ts';
import { readSiteFile } from '../../pipeline/site-file.ts';
import { slugify } from '../../pipeline/slug.ts';
import type { TimelineEvent } from '../../pipeline/types.ts';
import { eventOutlets } from './cards.ts';
import { dateHeading } from './format.ts';
import { articleMonths as articleMonthPages, BACKGROUND_HREF, latestDays, monthHref, monthOf, monthPages, WHOLE_TIMELINE_LIMIT, type MonthPage } from './pages.ts';

export { BACKGROUND_HREF, monthHref, monthOf, type MonthPage } from './pages.ts';
export { compareEvents } from '../../pipeline/order.ts';
export { eventOutlets } from './cards.ts';

/**
 * The site's view of the pipeline's collections: events in timeline order,
 * grouped under their date headings, and the people, places and outlets that
 * the filter pages list. Pages only ask; the sorting and grouping live here.
 */

export interface StoryEntry extends StorySummary {
  /** In `astro dev`: content problems (`file:line:column: message`) while the last good pages stay up. */
  problems?: string[] | undefined;
  /** The site data's file (events and articles), as the loader found it (src/pipeline/site-file.ts). */
  siteData?: string | undefined;
}

/**
 * The story of the pipeline that runs beside this build (`npm run build`):
 * the loader stored only that it will come (src/loaders/timeline.ts), so
 * Astro bundles the pages while the pipeline works; the first page waits
 * for its site data (once: `storyEntry` keeps a build's answer). A pipeline
 * that ends without one has found errors in the content and printed them:
 * `npm run build` stops this process then.
 */
async function handedStory(): Promise<StoryEntry> {
  const file = await handedOver();
  const source = file ? readSiteFile(file) : undefined;
  if (!source) {
    // Without a result the pipeline has printed why and exits with an error; `npm run build` then
    // stops this process, and the pipeline's messages are the ones to read. Only if it has not
    // within a few seconds of the pipeline's exit is there a word of this process's own.
    await pipelineExited();
    await sleep(3000);
    const error = new AstroError(
      file ? `The site data file ${file} is gone.` : 'The timeline pipeline stopped without a result: its messages are above.',
      'Run `npm run build` again.',
    );
    error.stack = '';
    throw error;
  }
  return { ...source.story, problems: [], siteData: file };
}

/**
 * The story entry. In `astro dev` it changes under a running server, so it is
 * looked up at each call; a build's never changes, and thousands of pages ask
 * for it many times each: looked up once.
 */
let built: Promise<StoryEntry> | undefined;
function storyEntry(): Promise<StoryEntry> {
  if (built) return built;
  const entry = (async () => {
    const found = await getEntry('story', 'story');
    if (!found) throw new Error('Unexpected missing story entry, expected the timeline loader to store one');
    const data = found.data as StoryEntry & { handedOver?: boolean };
    return data.handedOver ? handedStory() : data;
  })();
  if (!import.meta.env.DEV) built = entry;
  return entry;
}

/**
 * Collection-wide work happens once per version of the content (the site
 * data's file, which the story entry names), not once per page: at
 * thousands of pages, a per-page read, sort or scan is what made rendering
 * slow. In `astro dev`, saving an article names a new file, and the work is
 * done again; a build computes it once. Every page of a build sees the same
 * objects.
 */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let memo: { version: string | undefined; value: Promise<T> } | undefined;
  return async () => {
    const version = (await storyEntry()).siteData;
    if (!memo || memo.version !== version) memo = { version, value: compute() };
    return memo.value;
  };
}

/** The events and articles of the story entry's site data. */
async function siteData() {
  const { siteData: file } = await storyEntry();
  const source = file ? readSiteFile(file) : undefined;
  if (!source) throw new Error(`The site data ${file ? `file ${file} is gone` : 'was not written'}; run the build again`);
  // The open-data files (src/integrations/open-data.ts) start now, in a worker thread: the pages render meanwhile.
  void exportFiles(file!, siteOrigin(import.meta.env.SITE));
  return source;
}

export const allEvents = once(async (): Promise<TimelineEvent[]> => {
  const events: TimelineEvent[] = [];
  for await (const event of (await siteData()).events()) events.push(event);
  return events.sort(compareEvents);
});

/** Articles newest first, their bodies in files of their own until their page is rendered (see bodies.ts). */
export const allArticles = once(async (): Promise<ArticleEntry[]> => {
  const articles: ArticleEntry[] = [];
  for await (const article of (await siteData()).articles()) articles.push(article);
  return articles.sort(
    (a, b) => comparePublished(b.meta.published, a.meta.published) || a.meta.outlet.localeCompare(b.meta.outlet) || a.id.localeCompare(b.id),
  );
});

/** Articles by id. */
export const articlesById = once(async () => new Map((await allArticles()).map((a) => [a.id, a])));

/** The events that cite each article, in timeline order. */
export const eventsByArticle = once(async () => {
  const byArticle = new Map<string, TimelineEvent[]>();
  for (const event of await allEvents()) {
    for (const article of new Set(event.sources.map((s) => s.article))) {
      const list = byArticle.get(article);
      if (list) list.push(event);
      else byArticle.set(article, [event]);
    }
  }
  return byArticle;
});

export const story = storyEntry;

/** Events filed under one date heading (a day, a week, a month or a year). */
export interface DateGroup {
  /** The date key as events carry it: `2025-05-15`, `2025-W20`, `2025-05`, `2024`. */
  date: string;
  granularity: TimelineEvent['granularity'];
  heading: string;
  events: TimelineEvent[];
}

/** Consecutive events with the same date, under one heading (events must be in timeline order). */
export function groupByDate(events: TimelineEvent[]): DateGroup[] {
  const groups: DateGroup[] = [];
  for (const event of events) {
    const last = groups[groups.length - 1];
    if (last && last.date === event.date) last.events.push(event);
    else groups.push({ date: event.date, granularity: event.granularity, heading: dateHeading(event.date, event.granularity), events: [event] });
  }
  return groups;
}

/** Background events by year, each year's months in order. */
export function groupByYear(events: TimelineEvent[]): Array<{ year: string; groups: DateGroup[] }> {
  const years: Array<{ year: string; groups: DateGroup[] }> = [];
  for (const group of groupByDate(events)) {
    const year = group.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.groups.push(group);
    else years.push({ year, groups: [group] });
  }
  return years;
}

export type FacetKind = 'people' | 'places' | 'outlets';

export interface Facet {
  kind: FacetKind;
  slug: string;
  name: string;
  events: TimelineEvent[];
}

/** What a filter page lists: in an archive, the latest days of the facet's story events, its background events (few) and its months; else every event. */
export function facetView(facet: Facet, archive: boolean): { shown: TimelineEvent[]; months: MonthPage[] } {
  if (!archive) return { shown: facet.events, months: [] };
  return {
    shown: [...latestDays(facet.events), ...facet.events.filter((e) => e.background)],
    months: monthPages(facet.events, `/${facet.kind}/${facet.slug}/`),
  };
}

export const FACET_PARAM: Record<FacetKind, string> = { people: 'person', places: 'place', outlets: 'outlet' };
export const FACET_LABEL: Record<FacetKind, { one: string; many: string }> = {
  people: { one: 'Person', many: 'People' },
  places: { one: 'Place', many: 'Places' },
  outlets: { one: 'Outlet', many: 'Outlets' },
};

const slugs = new Map<string, string>();
/** A name's slug in facet URLs (a few hundred names, asked for on every event card: remembered). */
export function facetSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) slugs.set(name, (slug = slugify(name, 12) || 'unnamed'));
  return slug;
}

export function namesOf(event: TimelineEvent, kind: FacetKind): string[] {
  if (kind === 'people') return event.people;
  if (kind === 'places') return event.places;
  return eventOutlets(event);
}

async function computeFacets(kind: FacetKind): Promise<Facet[]> {
  const bySlug = new Map<string, Facet>();
  for (const event of await allEvents()) {
    for (const name of namesOf(event, kind)) {
      const slug = facetSlug(name);
      const facet = bySlug.get(slug) ?? { kind, slug, name, events: [] };
      // Events come in order, once each: the last one added is the only possible duplicate.
      if (facet.events[facet.events.length - 1] !== event) facet.events.push(event);
      bySlug.set(slug, facet);
    }
  }
  return [...bySlug.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name));
}

const facetsOf: Record<FacetKind, () => Promise<Facet[]>> = {
  people: once(() => computeFacets('people')),
  places: once(() => computeFacets('places')),
  outlets: once(() => computeFacets('outlets')),
};

/** Every person, place or outlet named by an event, most events first, with its events in timeline order. */
export const facets = (kind: FacetKind): Promise<Facet[]> => facetsOf[kind]();

export const facetUrl = (kind: FacetKind, name: string) => `/${kind}/${facetSlug(name)}/`;

const positions = once(async () => new Map((await allEvents()).map((e, i) => [e.id, i])));

/** The event before and after, in timeline order (background events included, where they fall). */
export async function neighbours(id: string): Promise<{ previous?: TimelineEvent | undefined; next?: TimelineEvent | undefined }> {
  const events = await allEvents();
  const i = (await positions()).get(id) ?? -1;
  return { previous: i > 0 ? events[i - 1] : undefined, next: i >= 0 ? events[i + 1] : undefined };
}

/**
 * Each outlet's badge tint (`b0`…`b5`), the same on every page: outlets in the
 * order of their first article (then by name), so a newer article from a new
 * outlet takes the next tint and leaves every other outlet's alone (and a
 * rebuild can reuse their pages).
 */
export const outletTints = once(async (): Promise<Map<string, string>> => {
  const first = new Map<string, string>();
  for (const article of await allArticles()) {
    const seen = first.get(article.meta.outlet);
    if (seen === undefined || comparePublished(article.meta.published, seen) < 0) first.set(article.meta.outlet, article.meta.published);
  }
  for (const event of await allEvents()) for (const s of event.sources) if (!first.has(s.outlet)) first.set(s.outlet, s.published);
  const order = [...first].sort((a, b) => comparePublished(a[1], b[1]) || a[0].localeCompare(b[0]));
  return new Map(order.map(([name], i) => [name, `b${i % 6}`]));
});

/* Pages of the timeline: the home page, one page per month, background apart (the rules are in pages.ts). */

export const months = once(async () => monthPages(await allEvents()));

/** The articles by month of publication, oldest month first, each newest first (an archive's articles pages). */
export const articleMonths = once(async () => articleMonthPages(await allArticles()));

export const backgroundEvents = once(async () => (await allEvents()).filter((e) => e.background));

/** Whether the timeline is too long for one page (then the home page shows the latest days and links the months). */
export const isArchive = once(async () => (await allEvents()).length > WHOLE_TIMELINE_LIMIT);

/** The rail of an archive's home page: the latest days with story events. */
export const latestEvents = once(async () => latestDays(await allEvents()));

/** Where an event sits on the timeline pages: its anchor on the home page, or on its month's (or the background) page. */
export async function timelineHref(event: TimelineEvent): Promise<string> {
  if (!(await isArchive())) return `/#${event.id}`;
  return `${event.background ? BACKGROUND_HREF : monthHref(monthOf(event))}#${event.id}`;
}
