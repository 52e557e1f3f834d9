import { spanOf } from '../../pipeline/dates.ts';
import type { TimelineEvent } from '../../pipeline/types.ts';
import { dateHeading } from './format.ts';

/**
 * How the timeline is cut into pages. A story's timeline fits one page; an
 * archive's (thousands of events) does not: its home page shows the key
 * events and the latest days, and every month has a page of its own, with
 * background events on one page apart. Pure functions of the events in
 * timeline order, so they are unit-tested without a build.
 */

/**
 * Up to this many events (story and background), the home page is the whole
 * timeline, as a reader of one story expects. Past it, the home page shows the
 * key events and the latest days and links the months. An event card weighs
 * about 0.25 KB gzipped: 120 of them keep the home page within its 50 KB budget.
 * `TIMELINE_WHOLE_LIMIT` lowers it (the tests build the seed story as an archive).
 */
export const WHOLE_TIMELINE_LIMIT = Number(process.env.TIMELINE_WHOLE_LIMIT) || 120;
/** On an archive's home page: the latest dates with events, at most this many… */
export const LATEST_DATES = 7;
/** …taking whole dates only while they add up to at most this many events (the newest date always shows). */
export const LATEST_EVENTS = 60;

export const monthHref = (month: string) => `/timeline/${month}/`;
export const BACKGROUND_HREF = '/timeline/background/';

/** The month (`YYYY-MM`) a story event is filed under: the month its span starts in, as the timeline sorts it. */
export function monthOf(event: Pick<TimelineEvent, 'date'>): string {
  return (spanOf(event.date)?.start ?? `${event.date.slice(0, 4)}-01-01`).slice(0, 7);
}

export interface MonthPage {
  /** `YYYY-MM`. */
  month: string;
  /** `May 2025`. */
  label: string;
  /** `/timeline/2025-05/`. */
  href: string;
  /** Its story events in timeline order (background events have a page of their own). */
  events: TimelineEvent[];
}

/**
 * Every month with story events, oldest first, each with its events (events in
 * timeline order); pages under `base` (the timeline's, or a filter page's).
 */
export function monthPages(events: TimelineEvent[], base = '/timeline/'): MonthPage[] {
  const pages = new Map<string, MonthPage>();
  for (const event of events) {
    if (event.background) continue;
    const month = monthOf(event);
    const page = pages.get(month);
    if (page) page.events.push(event);
    else pages.set(month, { month, label: dateHeading(month, 'month'), href: `${base}${month}/`, events: [event] });
  }
  return [...pages.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The latest story events for an archive's home page, in timeline order: the
 * events of the last LATEST_DATES date headings (days, or weeks and months
 * where that is all the sources say), whole headings only, and no more
 * headings once LATEST_EVENTS events would be passed. The newest heading
 * always shows, however many events it has.
 */
export function latestDays(events: TimelineEvent[], dates = LATEST_DATES, cap = LATEST_EVENTS): TimelineEvent[] {
  const story = events.filter((e) => !e.background);
  let start = story.length;
  let taken = 0;
  while (start > 0) {
    const date = story[start - 1]!.date;
    let from = start - 1;
    while (from > 0 && story[from - 1]!.date === date) from--;
    if (taken > 0 && (taken >= dates || story.length - from > cap)) break;
    start = from;
    taken++;
  }
  return story.slice(start);
}

/*
 * The articles' list is cut the same way: a story's fits one page; an
 * archive's (thousands of articles) has a page per month of publication, and
 * its index shows the latest articles and links the months.
 */

/** On an archive's articles index: the newest articles, this many. */
export const LATEST_ARTICLES = 50;

/** `/articles/2025/05/`: the articles published in a month (`YYYY-MM`). */
export const articleMonthHref = (month: string) => `/articles/${month.slice(0, 4)}/${month.slice(5, 7)}/`;

export interface ArticleMonth<T> {
  /** `YYYY-MM`. */
  month: string;
  /** `May 2025`. */
  label: string;
  /** `/articles/2025/05/`. */
  href: string;
  /** Its articles, in the order given (the site lists them newest first). */
  articles: T[];
}

/**
 * Every month with articles, oldest first, each with the articles published
 * in it (by the date of their `published`, as the outlet gave it).
 */
export function articleMonths<T extends { meta: { published: string } }>(articles: T[]): Array<ArticleMonth<T>> {
  const pages = new Map<string, ArticleMonth<T>>();
  for (const article of articles) {
    const month = article.meta.published.slice(0, 7);
    const page = pages.get(month);
    if (page) page.articles.push(article);
    else pages.set(month, { month, label: dateHeading(month, 'month'), href: articleMonthHref(month), articles: [article] });
  }
  return [...pages.values()].sort((a, b) => a.month.localeCompare(b.month));
}
