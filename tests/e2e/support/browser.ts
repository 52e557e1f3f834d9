import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic, type StaticSite } from '../../../scripts/lib/serve.ts';

/**
 * Browser tests run Debian's Chromium through playwright-core (no browser
 * download) against the built `dist/`, served on port 0.
 */

export { CHROMIUM };
export const DIST = process.env.TIMELINE_DIST ?? 'dist';

export interface Harness {
  site: StaticSite;
  browser: Browser;
  /** A fresh page in its own context; problems (console errors, page errors, CSP violations) are recorded on it. */
  page(options?: BrowserContextOptions): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Records what "zero console errors and zero CSP violations" is about. */
export async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // A 404 page is served with status 404 on purpose: the browser logs the document's own status.
    if (/status of 404/.test(message.text()) && message.location().url === page.url()) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}

export async function startHarness(): Promise<Harness> {
  const site = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    site,
    browser,
    async page(options: BrowserContextOptions = {}) {
      const context = await browser.newContext({ baseURL: site.url, viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      const problems = await watch(page);
      return { page, problems, close: () => context.close() };
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page. It is evaluated through the DevTools protocol,
 * which the page's CSP does not govern, so the policy stays strict while the
 * audit runs.
 */
export async function axe(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe.run;
    const result = await run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, include ?? null);
}

/** Events as events.json publishes them: the reference the pages are checked against. */
export interface PublishedEvent {
  id: string;
  date: string;
  granularity: string;
  time?: string;
  title: string;
  key: boolean;
  background: boolean;
  people: string[];
  places: string[];
  sources: Array<{ article: string; outlet: string; text: string; url: string }>;
}

/** Ids as a timeline page lists them: the story's events in order, then the background section's. */
export function pageOrder(events: PublishedEvent[]): string[] {
  return [...events.filter((e) => !e.background), ...events.filter((e) => e.background)].map((e) => e.id);
}

export function publishedEvents(): PublishedEvent[] {
  return (JSON.parse(readFileSync(`${DIST}/events.json`, 'utf8')) as { events: PublishedEvent[] }).events;
}
