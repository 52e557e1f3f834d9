/**
 * Every page type: no console errors, no CSP violations, no axe-core
 * violations; the strict CSP is in place; the timeline stays within its
 * weight budget; head metadata, feeds and data files are there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_ITEMS } from '../../src/components/lib/feed-items.ts';
import { SearchDialog } from './pages/SearchDialog.ts';
import { axe, DIST, publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
const events = publishedEvents();
const event = events.find((e) => e.sources.length > 1) ?? events[0]!;
const article = event.sources[0]!.article;
const person = readdirSync(join(DIST, 'people'), { withFileTypes: true }).find((d) => d.isDirectory())!.name;
const month = readdirSync(join(DIST, 'timeline'), { withFileTypes: true }).find((d) => d.isDirectory() && /^\d{4}-\d{2}$/.test(d.name))!.name;

const PAGES: Record<string, string> = {
  timeline: '/',
  event: `/events/${event.id}/`,
  article: `/articles/${article}/`,
  'article at a sentence': new URL(event.sources[0]!.url).pathname + new URL(event.sources[0]!.url).hash,
  articles: '/articles/',
  about: '/about/',
  search: '/search/',
  'search with a query': '/search/?q=decorative',
  'filter page': `/people/${person}/`,
  'filter index': '/places/',
  'filtered timeline': `/?person=${person}`,
  month: `/timeline/${month}/`,
  background: '/timeline/background/',
  'not found': '/no-such-page/',
};

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('every page type', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`${name} (${path}): no console errors, no CSP violations, one h1, main landmark`, async () => {
      const { page, problems, close } = await harness.page();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      if (path.includes('?q=')) await page.locator('.pf-result-link').first().waitFor();
      await expect(page.locator('h1').count()).resolves.toBe(1);
      await expect(page.locator('main#main').count()).resolves.toBe(1);
      await expect(page.locator('a.skip-link[href="#main"]').count()).resolves.toBe(1);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('the search dialog opens and searches with no console errors or CSP violations', async () => {
    const { page, problems, close } = await harness.page();
    await page.goto(`/events/${event.id}/`);
    const search = new SearchDialog(page);
    await search.openWithKey('/');
    await search.type('ceasefire');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('accessibility (axe-core)', () => {
  const audits: Record<string, string> = {
    timeline: PAGES.timeline!,
    event: PAGES.event!,
    article: PAGES['article at a sentence']!,
    about: PAGES.about!,
    'search page': PAGES['search with a query']!,
    'filter page': PAGES['filter page']!,
    month: PAGES.month!,
    background: PAGES.background!,
    articles: PAGES.articles!,
    'not found': PAGES['not found']!,
  };
  for (const [name, path] of Object.entries(audits)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name}, ${scheme}: no violations`, async () => {
        const { page, close } = await harness.page({ colorScheme: scheme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        if (path.includes('?q=')) await page.locator('.pf-result-link').first().waitFor();
        expect(await axe(page)).toEqual([]);
        await close();
      });
    }
  }

  it('search open (dialog with results): no violations', async () => {
    const { page, close } = await harness.page();
    await page.goto('/');
    const search = new SearchDialog(page);
    await search.openWithKey('/');
    await search.type('decorative');
    await page.waitForTimeout(300);
    expect(await axe(page, 'dialog.pf-modal')).toEqual([]);
    await close();
  });
});

describe('weight', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');

  it('timeline HTML with its CSS is at most 50 KB gzipped, and requests nothing off the site', async () => {
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1]!), 'utf8'));
    const size = gzipSync(html + css.join('')).length;
    expect(size).toBeLessThanOrEqual(50 * 1024);
    const { page, close } = await harness.page();
    const offsite: string[] = [];
    page.on('request', (r) => !r.url().startsWith(harness.site.url) && !r.url().startsWith('data:') && offsite.push(r.url()));
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(offsite).toEqual([]);
    await close();
  });

  it('runs at most 5 KB (gzipped) of JavaScript on load', async () => {
    const { page, close } = await harness.page();
    const scripts: Buffer[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.body());
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const inline = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>([^<]+)<\/script>/g)].map((m) => m[1]!);
    const size = gzipSync(Buffer.concat([...scripts, Buffer.from(inline.join(''))])).length;
    expect(size).toBeLessThanOrEqual(5 * 1024);
    await close();
  });
});

describe('metadata and data', () => {
  it('pages carry canonical URL, OpenGraph, Twitter card and JSON-LD', async () => {
    const read = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const home = read('');
    expect(home).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/">/);
    expect(home).toMatch(/<meta property="og:title"/);
    expect(home).toMatch(/<meta name="twitter:card" content="summary">/);
    const itemList = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(home)![1]!);
    expect(itemList['@type']).toBe('ItemList');
    expect(itemList.itemListElement).toHaveLength(events.length);
    const articleLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read(`articles/${article}`))![1]!);
    expect(articleLd['@type']).toBe('NewsArticle');
    expect(articleLd.headline).toBeTruthy();
  });

  it('publishes events.json, timeline.json, RSS and Atom (newest first) and a sitemap', () => {
    const timeline = JSON.parse(readFileSync(join(DIST, 'timeline.json'), 'utf8'));
    expect(timeline.events).toHaveLength(events.length);
    for (const feed of ['rss.xml', 'atom.xml']) {
      const xml = readFileSync(join(DIST, feed), 'utf8');
      const dates = [...xml.matchAll(feed === 'rss.xml' ? /<pubDate>([^<]+)<\/pubDate>/g : /<published>([^<]+)<\/published>/g)].map((m) => Date.parse(m[1]!));
      // The newest events, at most FEED_ITEMS of them (every event is in events.json).
      expect(dates).toHaveLength(Math.min(events.length, FEED_ITEMS));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    }
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`/events/${event.id}/</loc>`);
  });
});
