/**
 * The timeline by month: every month with events has a page listing exactly
 * its events by day, oldest first, with previous/next month and the list of
 * months as plain links (no JavaScript needed); background events have a page
 * of their own. The home page shows the whole timeline for a story, and only
 * key events and the latest days for an archive (more than
 * WHOLE_TIMELINE_LIMIT events); either way it links every month. An
 * archive's articles index shows the latest articles and links a page per
 * month of publication.
 *
 * Runs on `dist/`, or on any built site with TIMELINE_DIST (e.g. a bench
 * build, `.bench/site-500`, to see an archive).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_ARTICLES, latestDays, monthOf, WHOLE_TIMELINE_LIMIT } from '../../src/components/lib/pages.ts';
import { slugify } from '../../src/pipeline/slug.ts';
import type { TimelineEvent } from '../../src/pipeline/types.ts';
import { EventPage } from './pages/EventPage.ts';
import { MonthPage } from './pages/MonthPage.ts';
import { TimelinePage } from './pages/TimelinePage.ts';
import { DIST, pageOrder, publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
const events = publishedEvents();
const archive = events.length > WHOLE_TIMELINE_LIMIT;
const story = events.filter((e) => !e.background);
const background = events.filter((e) => e.background);
const months = [...new Set(story.map((e) => monthOf(e)))].sort();
const inMonth = (month: string) => story.filter((e) => monthOf(e) === month).map((e) => e.id);

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('timeline by month', () => {
  it('the home page links every month with events, in order, and the background page', async () => {
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    const home = new MonthPage(page);
    await home.goto('/');
    expect(await home.monthLinks()).toEqual(months.map((m) => `/timeline/${m}/`));
    if (archive && background.length > 0) await expect(home.backgroundLink.getAttribute('href')).resolves.toBe('/timeline/background/');
    await close();
  });

  it('each month page lists exactly that month’s events in timeline order, under ascending date headings', async () => {
    const { page, problems, close } = await harness.page({ javaScriptEnabled: false });
    const monthPage = new MonthPage(page);
    // Every month on a small site; the first, a middle and the last in an archive.
    const sample = months.length <= 3 ? months : [months[0]!, months[Math.floor(months.length / 2)]!, months[months.length - 1]!];
    for (const month of sample) {
      await monthPage.openMonth(month);
      await expect(monthPage.heading.count()).resolves.toBe(1);
      expect(await monthPage.eventIds()).toEqual(inMonth(month));
      const days = await monthPage.dayHeadings();
      expect(days).toEqual([...days].sort());
      expect(days.every((d) => d.startsWith(month))).toBe(true);
      await expect(monthPage.currentMonth.getAttribute('href')).resolves.toBe(`/timeline/${month}/`);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('steps to the previous and next month without JavaScript', async () => {
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    const monthPage = new MonthPage(page);
    const i = Math.floor(months.length / 2);
    await monthPage.openMonth(months[i]!);
    if (i > 0) await expect(monthPage.previousMonth.getAttribute('href')).resolves.toBe(`/timeline/${months[i - 1]}/`);
    else await expect(monthPage.previousMonth.count()).resolves.toBe(0);
    if (i < months.length - 1) {
      await monthPage.nextMonth.click();
      await page.waitForURL(`**/timeline/${months[i + 1]}/`);
      expect(await monthPage.eventIds()).toEqual(inMonth(months[i + 1]!));
    } else await expect(monthPage.nextMonth.count()).resolves.toBe(0);
    await monthPage.openMonth(months[0]!);
    await expect(monthPage.previousMonth.count()).resolves.toBe(0);
    await close();
  });

  it('the background page lists the background events, oldest first', async () => {
    if (background.length === 0) return;
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    const monthPage = await new MonthPage(page).openBackground();
    expect(await monthPage.eventIds()).toEqual(background.map((e) => e.id));
    await close();
  });

  it('an event page links to the event on its timeline page', async () => {
    const { page, close } = await harness.page();
    for (const event of [story[story.length - 1]!, ...(background[0] ? [background[0]] : [])]) {
      const eventPage = await new EventPage(page).open(event.id);
      const href = (await page.locator('.event-page .kicker a').getAttribute('href'))!;
      const expected = !archive ? `/#${event.id}` : event.background ? `/timeline/background/#${event.id}` : `/timeline/${monthOf(event)}/#${event.id}`;
      expect(href).toBe(expected);
      await eventPage.goto(href);
      await expect(page.locator(`li.event[id="${event.id}"]`).count()).resolves.toBe(1);
    }
    await close();
  });

  it('month pages carry an ItemList of their events, and are in the sitemap', () => {
    const month = months[months.length - 1]!;
    const html = readFileSync(join(DIST, 'timeline', month, 'index.html'), 'utf8');
    const list = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(list['@type']).toBe('ItemList');
    expect(list.itemListElement.map((item: { url: string }) => new URL(item.url).pathname)).toEqual(inMonth(month).map((id) => `/events/${id}/`));
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    for (const m of months) expect(sitemap).toContain(`/timeline/${m}/</loc>`);
  });
});

describe('the home page, story or archive', () => {
  if (!archive) it('of a story shows every event (tests/build/archive.test.ts runs this file on an archive)', async () => {
    const { page, problems, close } = await harness.page();
    const home = await new TimelinePage(page).open();
    expect(new Set(await home.eventIds())).toEqual(new Set(events.map((e) => e.id)));
    expect(problems).toEqual([]);
    await close();
  });

  if (archive) it('of an archive shows the key events and the latest days only, and its filter chips open filter pages', async () => {
    const { page, problems, close } = await harness.page();
    const home = await new TimelinePage(page).open();
    const latest = latestDays(events as unknown as TimelineEvent[]).map((e) => e.id);
    expect(latest.length).toBeGreaterThan(0);
    expect(await home.eventIds()).toEqual(latest);
    await expect(home.keyEvents.count()).resolves.toBe(events.filter((e) => e.key).length);
    await expect(home.filterStatus.count()).resolves.toBe(0);
    const itemList = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))![1]!);
    const shown = new Set([...latest, ...events.filter((e) => e.key).map((e) => e.id)]);
    expect(itemList.itemListElement).toHaveLength(pageOrder(events).filter((id) => shown.has(id)).length);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('filter pages, story or archive', () => {
  if (!archive) it('of a story list all of the filter’s events on one page', async () => {
    const { page, problems, close } = await harness.page({ javaScriptEnabled: false });
    const outlet = events[0]!.sources[0]!.outlet;
    const slug = slugify(outlet, 12);
    const citing = events.filter((e) => e.sources.some((s) => s.outlet === outlet));
    const monthPage = new MonthPage(page);
    await monthPage.goto(`/outlets/${slug}/`);
    expect(new Set(await page.locator('main li.event').evaluateAll((els) => els.map((el) => el.id)))).toEqual(new Set(citing.map((e) => e.id)));
    expect(problems).toEqual([]);
    await close();
  });

  if (archive) it('of an archive show the latest days of the filter’s events and a page per month listing exactly that month’s', async () => {
    const { page, problems, close } = await harness.page({ javaScriptEnabled: false });
    // The outlet cited by the most events.
    const counts = new Map<string, number>();
    for (const e of events) for (const o of new Set(e.sources.map((s) => s.outlet))) counts.set(o, (counts.get(o) ?? 0) + 1);
    const [outlet] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const slug = slugify(outlet, 12);
    const citing = events.filter((e) => e.sources.some((s) => s.outlet === outlet));
    const monthPage = new MonthPage(page);
    await monthPage.goto(`/outlets/${slug}/`);
    const latest = latestDays(citing as unknown as TimelineEvent[]).map((e) => e.id);
    expect(await page.locator('main li.event').evaluateAll((els) => els.map((el) => el.id))).toEqual([...latest, ...citing.filter((e) => e.background).map((e) => e.id)]);
    const outletMonths = [...new Set(citing.filter((e) => !e.background).map((e) => monthOf(e)))].sort();
    expect(await monthPage.monthLinks()).toEqual(outletMonths.map((m) => `/outlets/${slug}/${m}/`));
    const month = outletMonths[0]!;
    await monthPage.goto(`/outlets/${slug}/${month}/`);
    expect(await monthPage.eventIds()).toEqual(citing.filter((e) => !e.background && monthOf(e) === month).map((e) => e.id));
    if (outletMonths.length > 1) await expect(monthPage.nextMonth.getAttribute('href')).resolves.toBe(`/outlets/${slug}/${outletMonths[1]}/`);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the articles index, story or archive', () => {
  // Every article's page, from the sitemap.
  const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  const articlePages = [...sitemap.matchAll(/<loc>[^<]*?(\/articles\/[^/<]+\/)<\/loc>/g)].map((m) => m[1]!);

  if (!archive) it('of a story lists every article on one page', () => {
    const html = readFileSync(join(DIST, 'articles', 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/<h2><a href="(\/articles\/[^/"]+\/)">/g)].map((m) => m[1]);
    expect(articlePages.length).toBeGreaterThan(0);
    expect(hrefs.sort()).toEqual([...articlePages].sort());
    // The about page's build report accounts for each article in a table row of its own.
    const about = readFileSync(join(DIST, 'about', 'index.html'), 'utf8');
    expect([...about.matchAll(/<td><a href="(\/articles\/[^/"]+\/)">/g)].map((m) => m[1]).sort()).toEqual([...articlePages].sort());
  });

  if (archive) it('of an archive lists the latest articles and a page per month listing exactly that month’s, each with its accounting', async () => {
    const { page, problems, close } = await harness.page({ javaScriptEnabled: false });
    await page.goto('/articles/');
    const latest = await page.locator('main .article-list h3 a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.length).toBeLessThanOrEqual(LATEST_ARTICLES);
    const monthHrefs = await page.locator('main .month-nav a').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    expect(monthHrefs.length).toBeGreaterThan(0);
    expect(monthHrefs.every((href) => /^\/articles\/\d{4}\/\d{2}\/$/.test(href))).toBe(true);
    // Every article is on exactly one month page, under its publication month; the latest are the newest of them.
    const seen: string[] = [];
    // Month by month, oldest month first; each month newest first.
    const byMonth: string[][] = [];
    for (const href of monthHrefs) {
      await page.goto(href);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      const items = await page.locator('main .article-list li').evaluateAll((els) =>
        els.map((el) => ({ href: el.querySelector('h2 a')!.getAttribute('href')!, published: el.querySelector('time')!.getAttribute('datetime')!, text: el.textContent! })),
      );
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.published.slice(0, 7).replace('-', '/'), item.href).toBe(href.slice('/articles/'.length, -1));
        expect(item.text).toMatch(/\d+ of \d+ sentences? on the timeline/);
      }
      seen.push(...items.map((i) => i.href));
      byMonth.push(items.map((i) => i.href));
    }
    expect([...seen].sort()).toEqual([...articlePages].sort());
    // The about page leaves the accounting of thousands of articles to these pages.
    const about = readFileSync(join(DIST, 'about', 'index.html'), 'utf8');
    expect(about).not.toMatch(/<td><a href="\/articles\//);
    expect(about).toMatch(/<section class="accounting"[^]*?<a href="\/articles\/">/);
    // The index's latest are the newest articles: the newest month's first.
    expect(latest).toEqual([...byMonth].reverse().flat().slice(0, latest.length));
    expect(problems).toEqual([]);
    await close();
  });
});
