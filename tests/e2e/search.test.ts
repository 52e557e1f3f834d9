/**
 * Search from the header, by keyboard alone: `/` or Ctrl+K opens it, typing
 * finds events and articles, Enter opens the result. The query lives in `?q=`,
 * so a search can be shared and reloaded; it works at 375 px.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchDialog } from './pages/SearchDialog.ts';
import { TimelinePage } from './pages/TimelinePage.ts';
import { publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
const decorative = publishedEvents().filter((e) => e.sources.some((s) => /decorative/i.test(s.text)));

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Opens the timeline, searches “decorative” from the header, and records the paths the page requested. */
async function searchDecorative(page: Page) {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await new TimelinePage(page).open();
  const search = new SearchDialog(page);
  await search.openWithKey('/');
  await search.type('decorative');
  return { search, requests };
}

describe('search', () => {
  it('loads nothing for search until the reader opens it', async () => {
    const { page, close } = await harness.page();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await new TimelinePage(page).open();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/search-engine/'))).toEqual([]);
    await close();
  });

  it('searches each index shard in the site’s own workers and loads no filter data until a filter is chosen, filters still listed', async () => {
    const { page, problems, close } = await harness.page();
    const { search, requests } = await searchDecorative(page);
    await expect.poll(async () => (await search.resultTitles()).length).toBeGreaterThan(0);
    expect(requests).toContain('/search-engine/pagefind.js');
    const { shards } = JSON.parse(readFileSync('dist/pagefind/shards.json', 'utf8')) as { shards: Array<{ path: string }> };
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) expect(requests).toContain(`/pagefind/${shard.path}pagefind.js`);
    // Pagefind's modules run in search-worker.ts's workers, not in Pagefind's own worker.
    expect(requests).toContain('/search-engine/worker.js');
    expect(requests.filter((p) => p.endsWith('/pagefind-worker.js'))).toEqual([]);
    expect(requests.filter((p) => p.endsWith('.pf_filter'))).toEqual([]);
    // In those workers Pagefind's gzipped files arrive decompressed by the browser, with Pagefind's
    // signature first, so Pagefind does not inflate them in JavaScript (decompressingFetch).
    const worker = page.workers().find((w) => w.url().endsWith('/search-engine/worker.js'))!;
    // The WebAssembly Pagefind loads: the one its entry file names for the index's language.
    const entry = JSON.parse(readFileSync(`dist/pagefind/${shards[0]!.path}pagefind-entry.json`, 'utf8')) as { languages: Record<string, { wasm: string }> };
    const wasm = `/pagefind/${shards[0]!.path}wasm.${Object.values(entry.languages)[0]!.wasm}.pagefind`;
    expect(requests).toContain(wasm);
    expect(await worker.evaluate(async (url) => new TextDecoder().decode(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 12)), wasm)).toBe('pagefind_dcd');
    // The outlet filter lists the archive's outlets all the same.
    await page.locator('pagefind-filter-dropdown[filter="outlet"] button').first().click();
    await expect.poll(async () => page.getByRole('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Reuters'), expect.stringContaining('CBC News')]),
    );
    expect(problems).toEqual([]);
    await close();
  });

  it('finds the same results with one worker holding every shard as with a worker a shard', async () => {
    const { shards } = JSON.parse(readFileSync('dist/pagefind/shards.json', 'utf8')) as { shards: unknown[] };
    const found = async (cores: number) => {
      const { page, problems, close } = await harness.page();
      // The engine starts one worker per core, at most one per shard.
      await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
      const { search } = await searchDecorative(page);
      await expect.poll(async () => (await search.resultLinks()).length).toBeGreaterThan(0);
      const links = await search.resultLinks();
      const workers = page.workers().filter((w) => w.url().endsWith('/search-engine/worker.js')).length;
      expect(problems).toEqual([]);
      await close();
      return { links, workers };
    };
    const one = await found(1);
    const many = await found(16);
    expect(one.workers).toBe(1);
    expect(many.workers).toBe(shards.length);
    expect(one.links).toEqual(many.links);
  });

  it('still searches, in Pagefind’s own workers, when the site’s worker cannot start', async () => {
    const { page, close } = await harness.page();
    await page.route('**/search-engine/worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const { search, requests } = await searchDecorative(page);
    await expect.poll(async () => (await search.resultTitles()).some((t) => decorative.some((e) => e.title === t))).toBe(true);
    expect(requests.filter((p) => p.endsWith('/pagefind-worker.js')).length).toBeGreaterThan(0);
    await close();
  });

  it('opens with /, finds “decorative”, and Enter opens the event', async () => {
    expect(decorative.length).toBeGreaterThan(0);
    const { page, problems, close } = await harness.page();
    await new TimelinePage(page).open();
    const search = new SearchDialog(page);
    await search.openWithKey('/');
    await search.type('decorative');
    // The URL takes the query once the last keystroke's search has run.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('decorative');
    await expect.poll(async () => (await search.resultTitles()).some((t) => decorative.some((e) => e.title === t))).toBe(true);
    const first = (await search.resultLinks())[0]!;
    expect(first).toBeTruthy();
    await Promise.all([page.waitForURL(`**${first}`), page.keyboard.press('Enter')]);
    expect(first).toMatch(/^\/(events|articles)\//);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the query in the history when Enter opens a result, so Back returns to the search', async () => {
    const { page, problems, close } = await harness.page();
    await new TimelinePage(page).open();
    const search = new SearchDialog(page);
    await search.openWithKey('/');
    await search.type('decorative');
    const first = (await search.resultLinks())[0]!;
    await Promise.all([page.waitForURL(`**${first}`), page.keyboard.press('Enter')]);
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('decorative');
    expect(problems).toEqual([]);
    await close();
  });

  // The brief's three happenings, each found by words a reader would type, as one event.
  it.each([
    ['Putin’s no-show', 'aides deputy ministers', /sent aides and deputy ministers/],
    ['Zelensky in Ankara', 'Ankara Erdogan', /arrived in Ankara on Thursday to meet Turkish President/],
    ['the Istanbul talks', 'delegations meeting Turkey first direct talks', /delegations from Kyiv and Moscow are meeting in Turkey on Friday/],
  ])('finds %s as an event', async (_name, query, phrase) => {
    const matching = publishedEvents().filter((e) => e.sources.some((s) => phrase.test(s.text)));
    expect(matching).toHaveLength(1);
    const { page, close } = await harness.page();
    await page.goto(`/?q=${encodeURIComponent(query)}`);
    const search = new SearchDialog(page);
    await expect.poll(async () => await search.resultLinks(), { timeout: 15_000 }).toContain(`/events/${matching[0]!.id}/`);
    await close();
  });

  it('lands article results on the matching sentence', async () => {
    const { page, close } = await harness.page();
    await new TimelinePage(page).open();
    const search = new SearchDialog(page);
    await search.openWithKey('Control+k');
    await search.type('decorative');
    const articleLinks = (await search.resultLinks()).filter((href) => href.startsWith('/articles/'));
    expect(articleLinks.length).toBeGreaterThan(0);
    for (const href of articleLinks) expect(href).toMatch(/#s-[0-9a-f]{8}$/);
    await close();
  });

  it('reopens a shared search from ?q= and reaches results by arrow keys', async () => {
    const { page, problems, close } = await harness.page();
    await page.goto('/?q=decorative');
    const search = new SearchDialog(page);
    await search.results.first().locator('.pf-result-link').waitFor();
    await expect(search.input.inputValue()).resolves.toBe('decorative');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe((await search.resultLinks())[0]);
    await page.keyboard.press('Escape');
    await expect(search.dialog.isVisible()).resolves.toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('sorts by date and keeps the order in the URL', async () => {
    const { page, close } = await harness.page();
    await page.goto('/search/?q=putin&sort=date:asc');
    const list = page.locator('.search-inline .pf-result-meta, .search-inline .result-meta');
    await list.first().waitFor();
    await expect(page.locator('[data-search-sort]').inputValue()).resolves.toBe('date:asc');
    // Oldest first across the index shards: the background (2014, 2022 …) before the story's days.
    const years = async () => (await list.allTextContents()).map((text) => Number(/(?:19|20)\d\d(?!\d)/.exec(text)?.[0]));
    await expect.poll(async () => (await years())[0]).toBeLessThan(2025);
    const ascending = await years();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.locator('[data-search-sort]').selectOption('date:desc');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('date:desc');
    await expect.poll(async () => (await years())[0]).toBe(2025);
    const descending = await years();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await close();
  });

  it('filters results by kind', async () => {
    const { page, close } = await harness.page();
    await page.goto('/search/?q=decorative');
    await page.locator('.search-inline .pf-result-link').first().waitFor();
    await page.locator('pagefind-filter-dropdown[filter="kind"] button').first().click();
    await page.getByRole('option', { name: /^article/i }).click();
    await expect
      .poll(async () => page.locator('.search-inline .result-kind').allTextContents())
      .toSatisfy((kinds: string[]) => kinds.length > 0 && kinds.every((k) => k === 'Article'));
    await close();
  });

  it('draws result placeholders still, not with Pagefind’s shimmer', async () => {
    const { page, close } = await harness.page();
    const { search } = await searchDecorative(page);
    // A placeholder as Pagefind draws one, in the open dialog, once Pagefind's own stylesheet is in.
    const style = await search.dialog.evaluate((dialog) => {
      const probe = document.createElement('div');
      probe.className = 'pf-skeleton pf-skeleton-title';
      dialog.querySelector('pagefind-results')!.append(probe);
      const { animationName, backgroundImage } = getComputedStyle(probe);
      probe.remove();
      return { animationName, backgroundImage, pagefindCss: [...document.styleSheets].some((s) => s.href?.endsWith('pagefind-component-ui.css')) };
    });
    expect(style).toEqual({ animationName: 'none', backgroundImage: 'none', pagefindCss: true });
    await close();
  });

  it('is usable at 375 px', async () => {
    const { page, problems, close } = await harness.page({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await new TimelinePage(page).open();
    await page.locator('header [data-search-open]').tap();
    const search = new SearchDialog(page);
    await search.input.waitFor();
    await search.input.fill('decorative');
    await search.results.first().locator('.pf-result-link').waitFor();
    const box = await search.dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    const input = await search.input.boundingBox();
    expect(input!.width).toBeGreaterThan(200);
    expect(problems).toEqual([]);
    await close();
  });
});
