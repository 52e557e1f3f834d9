/**
 * Lighthouse (the npm package, programmatic API) against Debian's Chromium:
 * each run spawns Chromium with the flags of `scripts/lib/serve.ts` plus a
 * `--remote-debugging-port` and a throwaway profile, so runs share no cache or
 * storage. The default config is Lighthouse's mobile one (emulated Moto G
 * Power, simulated slow 4G and 4× CPU slowdown); `desktop` uses its desktop
 * config.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../../lib/serve.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface FailingAudit {
  id: string;
  title: string;
  category: Category;
  score: number;
  /** Lighthouse's display value (e.g. "1.2 s"), if any. */
  value?: string;
  /** A few of the elements or URLs it names. */
  items: string[];
}

export interface LighthouseRun {
  url: string;
  formFactor: FormFactor;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  failing: FailingAudit[];
  warnings: string[];
}

interface Chrome {
  port: number;
  kill(): void;
}

async function startChromium(): Promise<Chrome> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = () => {
    child.kill('SIGKILL');
    setTimeout(() => rmSync(profile, { recursive: true, force: true }), 500).unref();
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open a debugging port in 30 s:\n${seen.slice(-1000)}`)), 30_000);
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening a debugging port:\n${seen.slice(-1000)}`)));
    });
    return { port, kill };
  } catch (error) {
    kill();
    throw error;
  }
}

/** What an audit's details list names: selectors, snippets or URLs. */
function itemsOf(details: unknown): string[] {
  const raw = (details as { items?: unknown } | undefined)?.items;
  const items = Array.isArray(raw) ? (raw as Array<Record<string, unknown>>) : [];
  return items.slice(0, 3).map((item) => {
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    const text = node?.snippet ?? node?.selector ?? item.url ?? item.source ?? item.description ?? JSON.stringify(item).slice(0, 120);
    return String(typeof text === 'object' ? JSON.stringify(text).slice(0, 120) : text).slice(0, 160);
  });
}

export async function runLighthouse(url: string, formFactor: FormFactor = 'mobile'): Promise<LighthouseRun> {
  const chrome = await startChromium();
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {} as Record<Category, number>;
    const failing: FailingAudit[] = [];
    for (const category of CATEGORIES) {
      const entry = lhr.categories[category];
      scores[category] = entry?.score === null || entry?.score === undefined ? NaN : Math.round(entry.score * 100);
      for (const ref of entry?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) continue;
        if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
        // Performance: the metrics themselves and opportunities with savings; elsewhere every audit that counts.
        if (category !== 'performance' && ref.weight === 0) continue;
        failing.push({
          id: audit.id,
          title: audit.title,
          category,
          score: audit.score,
          ...(audit.displayValue ? { value: audit.displayValue } : {}),
          items: itemsOf(audit.details),
        });
      }
    }
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      url,
      formFactor,
      scores,
      metrics: {
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        speedIndexMs: metric('speed-index'),
      },
      failing,
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
