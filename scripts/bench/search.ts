/**
 * Search timing in Chromium on the built site. With the header search there
 * (a `[data-search-open]` control and `search-ui.ts`), it drives the real UI:
 * `/` opens the dialog, each query is typed into Pagefind's input, and the
 * time runs from the input event (the query fully typed) to the next frame
 * after the first result element is in the dialog. It also times Pagefind's
 * engine in the same page (`search()` then the first result's `data()`,
 * through `/search-engine/pagefind.js`, Pagefind over the index shards),
 * which is the engine alone: the UI figure minus the engine figure is the
 * input's debounce plus rendering.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic as serve } from '../lib/serve.ts';


export interface QueryTiming {
  query: string;
  ms: number;
  results: number;
  /** UI only: to the frame after the first result's title link (its data loaded, not a placeholder) is in the dialog. */
  linkMs?: number;
}

export interface SearchFigures {
  /** What was timed: the site's own search dialog, or Pagefind's JS API only. */
  method: 'ui' | 'api';
  page: string;
  queries: number;
  medianMs: number;
  p95Ms: number;
  /** The first query of the session (loads Pagefind's WebAssembly and index metadata). */
  firstMs: number;
  /** Pagefind's JS API in the page: search() + the first result's data(). */
  api: { medianMs: number; p95Ms: number; firstMs: number; timings: QueryTiming[] };
  ui?: { timings: QueryTiming[]; debounceMs: number | null; maxResults: number | null; link?: { medianMs: number; p95Ms: number } };
  noResults: string[];
  note?: string;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}


/** Times Pagefind's JS API in a fresh page (its own session, so its first query is cold too). */
async function timeApi(page: Page, queries: string[]): Promise<QueryTiming[]> {
  return page.evaluate(async (list) => {
    // The engine the header search runs on (Pagefind over the index shards); a variable
    // specifier keeps bundlers and type checkers from resolving it.
    const path = '/search-engine/pagefind.js';
    const engine = (await import(path)) as {
      createInstance(o: Record<string, unknown>): { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> };
    };
    const pf = engine.createInstance({});
    const out: Array<{ query: string; ms: number; results: number }> = [];
    for (const query of list) {
      const started = performance.now();
      const search = await pf.search(query);
      if (search.results[0]) await search.results[0].data();
      out.push({ query, ms: performance.now() - started, results: search.results.length });
    }
    return out;
  }, queries);
}

/** Types each query into the open dialog and times it to the first result on screen. */
async function timeUi(page: Page, queries: string[]): Promise<NonNullable<SearchFigures['ui']>> {
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input.pf-input, .search-inline input.pf-input').first();
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  // Two settings of Pagefind's components that weigh on the figure: the input's wait after the
  // last keystroke, and how many results the list renders (0: a placeholder for every hit).
  const { debounceMs, maxResults } = await page.evaluate(() => {
    const input = document.querySelector('pagefind-input') as (HTMLElement & { debounce?: number }) | null;
    const results = document.querySelector('pagefind-results') as (HTMLElement & { maxResults?: number }) | null;
    return {
      debounceMs: typeof input?.debounce === 'number' ? input.debounce : null,
      maxResults: typeof results?.maxResults === 'number' ? results.maxResults : null,
    };
  });
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    // Empty the box and wait until the previous results are gone.
    await input.fill('');
    await page.waitForFunction(() => !document.querySelector('pagefind-results .pf-result'), undefined, { timeout: 10_000 });
    const armed = page.evaluate(
      () =>
        new Promise<{ ms: number; results: number; linkMs: number }>((resolve) => {
          const box = document.querySelector<HTMLInputElement>('pagefind-modal input.pf-input, .search-inline input.pf-input')!;
          let started = 0;
          let timeout = 0;
          let first: { ms: number; results: number } | undefined;
          const observer = new MutationObserver(() => {
            if (!started) return;
            // "Shown": the frame after the result element is in the document (Pagefind's placeholder counts)…
            if (!first && document.querySelector('pagefind-results .pf-result')) {
              first = { ms: NaN, results: 0 };
              requestAnimationFrame(() => {
                first = { ms: performance.now() - started, results: document.querySelectorAll('pagefind-results .pf-result').length };
              });
            }
            // …and, also recorded, the frame after the first result's title link is (its data loaded).
            if (!document.querySelector('pagefind-results .pf-result-link')) return;
            observer.disconnect();
            clearTimeout(timeout);
            requestAnimationFrame(() => {
              const linkMs = performance.now() - started;
              const settle = () => (first && Number.isFinite(first.ms) ? resolve({ ...first, linkMs }) : requestAnimationFrame(settle));
              settle();
            });
          });
          box.addEventListener('input', () => (started = performance.now()), { once: true, capture: true });
          observer.observe(document.body, { childList: true, subtree: true });
          timeout = window.setTimeout(() => {
            observer.disconnect();
            resolve({ ms: first?.ms ?? NaN, results: first?.results ?? 0, linkMs: NaN });
          }, 10_000);
        }),
    );
    // One input event with the whole query: what the box sees when typing stops.
    await input.fill(query);
    const { ms, results, linkMs } = await armed;
    timings.push({ query, ms, results, linkMs });
  }
  const links = timings.map((t) => t.linkMs ?? NaN).filter(Number.isFinite);
  return { timings, debounceMs, maxResults, link: { medianMs: median(links), p95Ms: percentile(links, 95) } };
}

export async function measureSearch(dist: string, queries: string[]): Promise<SearchFigures> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium, or set CHROMIUM_PATH`);
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const errors: string[] = [];
    // The engine alone, in a context of its own (its own HTTP cache: index chunks load cold in both).
    const apiContext = await browser.newContext();
    const apiPage = await apiContext.newPage();
    await apiPage.goto(`${server.url}/`, { waitUntil: 'load' });
    const api = await timeApi(apiPage, queries);
    await apiContext.close();
    const apiMs = api.map((t) => t.ms);
    const apiFigures = { medianMs: median(apiMs), p95Ms: percentile(apiMs, 95), firstMs: apiMs[0]!, timings: api };

    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const hasUi = (await page.locator('[data-search-open]').count()) > 0;
    let ui: SearchFigures['ui'];
    let note: string | undefined;
    if (hasUi) {
      try {
        ui = await timeUi(page, queries);
      } catch (error) {
        note = `search dialog not usable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); timed Pagefind's JS API instead`;
      }
    } else {
      note = 'no search control in the header; timed Pagefind\'s JS API instead';
    }
    if (errors.length > 0) note = `${note ? `${note}; ` : ''}page errors: ${errors.slice(0, 3).join(' | ')}`;
    const timed = ui?.timings.filter((t) => Number.isFinite(t.ms)) ?? [];
    const figures = ui && timed.length > 0 ? ui.timings : api;
    const all = figures.map((t) => t.ms).filter(Number.isFinite);
    return {
      method: ui && timed.length > 0 ? 'ui' : 'api',
      page: '/',
      queries: queries.length,
      medianMs: median(all),
      p95Ms: percentile(all, 95),
      firstMs: all[0] ?? NaN,
      api: apiFigures,
      ...(ui ? { ui } : {}),
      noResults: figures.filter((t) => !(t.results > 0)).map((t) => t.query),
      ...(note ? { note } : {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
