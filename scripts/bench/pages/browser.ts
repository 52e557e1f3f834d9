/**
 * Page loads in Chromium (playwright-core, Debian's Chromium with the flags
 * of `scripts/lib/serve.ts`): every response of a load without interaction,
 * its body's gzip size, which of them are scripts, any request off the page's
 * origin, and first contentful paint.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../lib/serve.ts';
import { gzipBytes } from './static.ts';

export interface Transfer {
  url: string;
  /** Playwright's resource type: document, script, stylesheet, fetch, font, image… */
  type: string;
  status: number;
  raw: number;
  gzip: number;
}

export interface LoadFigures {
  url: string;
  /** Every response until the network is idle after `load`, no interaction. */
  transfers: Transfer[];
  /** Requests to any other origin (blocked here: the machine has no network beyond the registry). */
  offOrigin: string[];
  fcpMs: number;
  /** The last largest-contentful-paint candidate once the network is idle. */
  lcpMs: number;
  /** A `performance.mark(readyMark)` the page set, if asked for. */
  readyMs?: number;
  /** Console errors and uncaught exceptions during the load. */
  errors: string[];
}

export function sum(transfers: Transfer[]): { raw: number; gzip: number; count: number } {
  return { raw: transfers.reduce((s, t) => s + t.raw, 0), gzip: transfers.reduce((s, t) => s + t.gzip, 0), count: transfers.length };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Loads `url` in a fresh context (cold cache; the server sends no-store
 * anyway), waits for `load` and then for the network to be idle, so scripts
 * the page imports on its own after `load` count too, then reads FCP.
 */
export async function loadPage(browser: Browser, url: string, options: { bodies?: boolean; readyMark?: string } = {}): Promise<LoadFigures> {
  const bodies = options.bodies ?? true;
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const offOrigin: string[] = [];
  const errors: string[] = [];
  const pending: Array<Promise<Transfer | undefined>> = [];
  // Anything off the origin is refused at once: it is counted, never waited for.
  await context.route(
    (u) => u.origin !== origin && !u.protocol.startsWith('data') && !u.protocol.startsWith('blob'),
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (response) => {
    if (!bodies) return;
    pending.push(
      (async () => {
        const status = response.status();
        // Redirects have no body.
        const body = status >= 300 && status < 400 ? Buffer.alloc(0) : await response.body().catch(() => Buffer.alloc(0));
        return { url: response.url(), type: response.request().resourceType(), status, raw: body.byteLength, gzip: gzipBytes(body) };
      })(),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    if (options.readyMark) await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, options.readyMark, { timeout: 30_000 }).catch(() => undefined);
    const { fcpMs, lcpMs, readyMs } = await page.evaluate(async (mark) => {
      const buffered = (type: string) =>
        new Promise<PerformanceEntry[]>((resolve) => {
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(list.getEntries());
          }).observe({ type, buffered: true });
          setTimeout(() => resolve([]), 2000);
        });
      const fcp = performance.getEntriesByName('first-contentful-paint')[0] ?? (await buffered('paint')).find((e) => e.name === 'first-contentful-paint');
      const lcp = (await buffered('largest-contentful-paint')).at(-1);
      const ready = mark ? performance.getEntriesByName(mark)[0] : undefined;
      return { fcpMs: fcp?.startTime ?? NaN, lcpMs: lcp?.startTime ?? NaN, readyMs: ready?.startTime };
    }, options.readyMark);
    const transfers = (await Promise.all(pending)).filter((t): t is Transfer => !!t && t.url.startsWith(origin));
    return { url, transfers, offOrigin, fcpMs, lcpMs, ...(readyMs === undefined ? {} : { readyMs }), errors };
  } finally {
    await context.close();
  }
}
