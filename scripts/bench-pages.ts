/**
 * `npm run bench:pages -- [--build] [--runs N] [--loads N] [--desktop] [--skip-lighthouse] [--skip-timelinejs]`
 *
 * The page-weight and quality benchmark, on the built site (`dist/`, built
 * first if missing or with `--build`). It:
 * 1. weighs the timeline page's HTML + CSS (inline, and any linked
 *    stylesheet), raw and gzipped, and loads it in Chromium to see which
 *    scripts run on load (every script response before any interaction, until
 *    the network is idle) and their gzipped bytes;
 * 2. runs Lighthouse (mobile config by default; `--desktop` adds the desktop
 *    config) `--runs` times on the timeline, the first event page and the
 *    first article page, and takes each score's median;
 * 3. renders the same events (`dist/timeline.json`) with TimelineJS 3 from
 *    node_modules on a local page and compares bytes over the network, first
 *    contentful paint (median of `--loads` loads) and Lighthouse scores;
 * 4. scans every built HTML file for the strict CSP `<meta>` and inline
 *    event handlers;
 * 5. prints tables with PASS/FAIL per budget and writes `.bench/pages.json`.
 *
 * Byte figures are gzip (level 6) of each body: the test server sends files
 * uncompressed. Lighthouse runs against the same server with gzip on, as a
 * host would serve them, since its simulated throttling counts wire bytes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { millis, progress, ratio, splitOption, table, usageError } from './bench/report.ts';
import { launch, loadPage, sum, type LoadFigures, type Transfer } from './bench/pages/browser.ts';
import { CATEGORIES, runLighthouse, type Category, type FailingAudit, type FormFactor, type LighthouseRun } from './bench/pages/lighthouse.ts';
import { checkCsp, pageWeight, scanCsp, type CspScan, type PageWeight } from './bench/pages/static.ts';
import { makeTimelineJsPage, READY_MARK, TIMELINE_OPTIONS, timelineJsVersion } from './bench/pages/timelinejs.ts';
import { median } from './bench/search.ts';
import { serveStatic } from './lib/serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const BENCH = join(ROOT, '.bench');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

const BUDGET = {
  htmlCssGzip: 50 * 1024,
  loaderGzip: 5 * 1024,
  performance: 98,
  others: 100,
};

/* Arguments */

interface Args {
  build: boolean;
  runs: number;
  loads: number;
  desktop: boolean;
  lighthouse: boolean;
  timelinejs: boolean;
}

const USAGE = 'usage: npm run bench:pages -- [--build] [--runs N] [--loads N] [--desktop] [--skip-lighthouse] [--skip-timelinejs]';

function parseArgs(argv: string[]): Args {
  const args: Args = { build: false, runs: 3, loads: 5, desktop: false, lighthouse: true, timelinejs: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = splitOption(arg);
    const value = () => inline ?? argv[++i] ?? fail(`${name} needs a value`);
    if (name === '--build') args.build = true;
    else if (name === '--runs') args.runs = Number(value());
    else if (name === '--loads') args.loads = Number(value());
    else if (name === '--desktop') args.desktop = true;
    else if (name === '--skip-lighthouse') args.lighthouse = false;
    else if (name === '--skip-timelinejs') args.timelinejs = false;
    else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  for (const [name, n] of [['--runs', args.runs], ['--loads', args.loads]] as const) if (!Number.isInteger(n) || n < 1 || n > 20) fail(`${name} must be a whole number from 1 to 20`);
  return args;
}

const fail = usageError(USAGE);

/* Formatting */

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const score = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : String(n));


const step = progress('bench:pages');

/* Pages */

interface PageRef {
  name: string;
  path: string;
}

/** The timeline, the first event of `events.json` and the first article page (by slug). */
function pickPages(dist: string): PageRef[] {
  const events = (JSON.parse(readFileSync(join(dist, 'events.json'), 'utf8')) as { events: Array<{ id: string }> }).events;
  const event = events.find((e) => existsSync(join(dist, 'events', e.id, 'index.html')));
  const articles = readdirSync(join(dist, 'articles'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dist, 'articles', d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
  if (!event || articles.length === 0) throw new Error('no event or article page in dist/');
  return [
    { name: 'timeline', path: '/' },
    { name: 'event', path: `/events/${event.id}/` },
    { name: 'article', path: `/articles/${articles[0]}/` },
  ];
}

function build(): void {
  step('astro build');
  const result = spawnSync(process.execPath, [ASTRO, 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status})`);
}

/* Lighthouse */

interface LighthouseFigures {
  page: string;
  path: string;
  formFactor: FormFactor;
  runs: number;
  /** Median of the runs, per category. */
  scores: Record<Category, number>;
  /** Every run's scores, in order. */
  all: Array<Record<Category, number>>;
  metrics: LighthouseRun['metrics'];
  /** Audits below full marks, with how many of the runs they failed in. */
  failing: Array<FailingAudit & { runs: number }>;
  warnings: string[];
}

async function lighthouseOf(base: string, page: PageRef, formFactor: FormFactor, runs: number): Promise<LighthouseFigures> {
  const results: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) {
    step(`Lighthouse ${formFactor} ${page.name} ${page.path} (${i + 1}/${runs})`);
    results.push(await runLighthouse(`${base}${page.path}`, formFactor));
  }
  const scores = {} as Record<Category, number>;
  for (const c of CATEGORIES) scores[c] = median(results.map((r) => r.scores[c]));
  const failing = new Map<string, FailingAudit & { runs: number }>();
  for (const run of results) {
    for (const audit of run.failing) {
      const key = `${audit.category}:${audit.id}`;
      const seen = failing.get(key);
      if (seen) seen.runs++;
      else failing.set(key, { ...audit, runs: 1 });
    }
  }
  const metricKeys = Object.keys(results[0]!.metrics) as Array<keyof LighthouseRun['metrics']>;
  const metrics = Object.fromEntries(metricKeys.map((k) => [k, median(results.map((r) => r.metrics[k]))])) as LighthouseRun['metrics'];
  return {
    page: page.name,
    path: page.path,
    formFactor,
    runs,
    scores,
    all: results.map((r) => r.scores),
    metrics,
    failing: [...failing.values()],
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
  };
}

/* Results */

interface SiteLoad {
  /** All responses of one load, no interaction. */
  transfers: Transfer[];
  bytes: { raw: number; gzip: number; count: number };
  offOrigin: string[];
  errors: string[];
  fcpMs: number[];
  medianFcpMs: number;
  lcpMs: number[];
  medianLcpMs: number;
  /** TimelineJS only: its `ready` event (laid out), per load and median. */
  readyMs?: number[];
  medianReadyMs?: number;
}

interface Target {
  name: string;
  target: string;
  value: string;
  pass: boolean;
  note?: string;
}

interface Results {
  date: string;
  machine: { cpus: number; cpu: string; node: string; load: { before: number; after?: number } };
  pages: PageRef[];
  weight: Record<string, PageWeight>;
  jsOnLoad: { scripts: Transfer[]; raw: number; gzip: number };
  timeline: SiteLoad;
  lighthouse: LighthouseFigures[];
  timelinejs?: SiteLoad & { version: string; options: typeof TIMELINE_OPTIONS; folder: string; lighthouse: LighthouseFigures[] };
  csp: CspScan;
  targets: Target[];
}

function siteLoad(loads: LoadFigures[]): SiteLoad {
  const first = loads[0]!;
  const fcpMs = loads.map((l) => l.fcpMs);
  const lcpMs = loads.map((l) => l.lcpMs);
  const readyMs = loads.map((l) => l.readyMs ?? NaN);
  return {
    transfers: first.transfers,
    bytes: sum(first.transfers),
    offOrigin: [...new Set(loads.flatMap((l) => l.offOrigin))],
    errors: [...new Set(loads.flatMap((l) => l.errors))],
    fcpMs,
    medianFcpMs: median(fcpMs.filter(Number.isFinite)),
    lcpMs,
    medianLcpMs: median(lcpMs.filter(Number.isFinite)),
    ...(readyMs.some(Number.isFinite) ? { readyMs, medianReadyMs: median(readyMs.filter(Number.isFinite)) } : {}),
  };
}

function targetsOf(r: Results): Target[] {
  const targets: Target[] = [];
  const home = r.weight.timeline!;
  targets.push({ name: 'Timeline HTML + CSS, gzipped', target: '≤ 50 KB', value: kb(home.total.gzip), pass: home.total.gzip <= BUDGET.htmlCssGzip });
  const scripts = r.jsOnLoad.scripts;
  targets.push({
    name: 'JS on load: only a loader',
    target: '1 script, ≤ 5 KB gz',
    value: `${scripts.length} script${scripts.length === 1 ? '' : 's'}, ${kb(r.jsOnLoad.gzip)}`,
    pass: scripts.length <= 1 && r.jsOnLoad.gzip <= BUDGET.loaderGzip,
  });
  targets.push({
    name: 'No request off the origin (timeline)',
    target: '0',
    value: String(r.timeline.offOrigin.length),
    pass: r.timeline.offOrigin.length === 0,
  });
  for (const lh of r.lighthouse) {
    for (const c of CATEGORIES) {
      const wanted = c === 'performance' ? BUDGET.performance : BUDGET.others;
      targets.push({ name: `Lighthouse ${lh.formFactor} ${lh.page}: ${c}`, target: `≥ ${wanted}`, value: score(lh.scores[c]), pass: lh.scores[c] >= wanted, note: `median of ${lh.runs}: ${lh.all.map((a) => a[c]).join(', ')}` });
    }
  }
  const failing = r.csp.types.filter((t) => t.failing > 0);
  targets.push({
    name: 'Strict CSP <meta>, no inline handlers',
    target: `all ${r.csp.files} pages`,
    value: failing.length === 0 ? `${r.csp.types.length} page types OK` : `${failing.reduce((s, t) => s + t.failing, 0)} pages fail`,
    pass: failing.length === 0,
  });
  return targets;
}

function report(r: Results): string {
  const out: string[] = [];
  out.push(`\nPage benchmark: ${r.machine.cpus} cores, Node ${r.machine.node}, load ${r.machine.load.before.toFixed(2)} → ${r.machine.load.after?.toFixed(2)}`);
  out.push('  (gzip = zlib level 6 of each body; the local server sends files uncompressed)\n');

  const weightRows: string[][] = [['Page weight (HTML + CSS)', 'HTML raw', 'HTML gz', 'inline CSS raw', 'linked CSS gz', 'total gz']];
  for (const page of r.pages) {
    const w = r.weight[page.name]!;
    weightRows.push([`${page.name} ${page.path}`, kb(w.html.raw), kb(w.html.gzip), kb(w.inlineCss.raw), w.linkedCss.length ? kb(w.linkedCss.reduce((s, c) => s + c.gzip, 0)) : 'none', kb(w.total.gzip)]);
  }
  out.push(table(weightRows));

  out.push('', table([['JS on load (timeline, no interaction)', 'raw', 'gz'], ...r.jsOnLoad.scripts.map((s) => [new URL(s.url).pathname, kb(s.raw), kb(s.gzip)]), ['total', kb(r.jsOnLoad.raw), kb(r.jsOnLoad.gzip)]]));

  if (r.lighthouse.length > 0) {
    const rows: string[][] = [['Lighthouse (median)', 'config', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS']];
    for (const lh of r.lighthouse) {
      rows.push([
        `${lh.page} ${lh.path.length > 40 ? `${lh.path.slice(0, 39)}…` : lh.path}`,
        `${lh.formFactor} ×${lh.runs}`,
        ...CATEGORIES.map((c) => score(lh.scores[c])),
        millis(lh.metrics.fcpMs),
        millis(lh.metrics.lcpMs),
        millis(lh.metrics.tbtMs),
        lh.metrics.cls.toFixed(3),
      ]);
    }
    out.push('', table(rows));
    const failing = r.lighthouse.flatMap((lh) => lh.failing.filter((f) => f.category !== 'performance' || f.score < 0.9).map((f) => ({ lh, f })));
    if (failing.length > 0) {
      out.push('\n  Audits below full marks (performance: below 0.9 only):');
      for (const { lh, f } of failing) {
        out.push(`    ${lh.formFactor} ${lh.page}  ${f.category}  ${f.id} — ${f.title}${f.value ? ` (${f.value})` : ''}, score ${f.score}, in ${f.runs}/${lh.runs} runs${f.items.length && f.category !== 'performance' ? `: ${f.items.join(' | ')}` : ''}`);
      }
    }
    const warnings = [...new Set(r.lighthouse.flatMap((lh) => lh.warnings))];
    if (warnings.length) out.push(`  Lighthouse warnings: ${warnings.join(' | ')}`);
  }

  const tl = r.timelinejs;
  if (tl) {
    const ours = r.timeline;
    const lhOurs = r.lighthouse.find((l) => l.page === 'timeline' && l.formFactor === 'mobile');
    const lhTl = tl.lighthouse.find((l) => l.formFactor === 'mobile');
    const rows: string[][] = [['Side by side (same events)', 'ours /', `TimelineJS ${tl.version}`, 'TimelineJS / ours']];
    rows.push(['requests', String(ours.bytes.count), String(tl.bytes.count), ratio(tl.bytes.count / ours.bytes.count)]);
    rows.push(['bytes transferred, raw', kb(ours.bytes.raw), kb(tl.bytes.raw), ratio(tl.bytes.raw / ours.bytes.raw)]);
    rows.push(['bytes transferred, gz', kb(ours.bytes.gzip), kb(tl.bytes.gzip), ratio(tl.bytes.gzip / ours.bytes.gzip)]);
    const js = (s: SiteLoad) => s.transfers.filter((t) => t.type === 'script').reduce((a, t) => a + t.gzip, 0);
    rows.push(['  of which JS, gz', kb(js(ours)), kb(js(tl)), ratio(js(tl) / js(ours))]);
    rows.push([`FCP, median of ${ours.fcpMs.length} (unthrottled)`, millis(ours.medianFcpMs), millis(tl.medianFcpMs), ratio(tl.medianFcpMs / ours.medianFcpMs)]);
    rows.push([`LCP, median of ${ours.lcpMs.length} (unthrottled)`, millis(ours.medianLcpMs), millis(tl.medianLcpMs), ratio(tl.medianLcpMs / ours.medianLcpMs)]);
    if (tl.medianReadyMs !== undefined) rows.push([`timeline laid out (TimelineJS 'ready')`, 'in the HTML', millis(tl.medianReadyMs), '']);
    if (lhOurs && lhTl) {
      rows.push([`Lighthouse mobile performance`, score(lhOurs.scores.performance), score(lhTl.scores.performance), ratio(lhTl.scores.performance / lhOurs.scores.performance)]);
      rows.push([`Lighthouse mobile accessibility`, score(lhOurs.scores.accessibility), score(lhTl.scores.accessibility), ratio(lhTl.scores.accessibility / lhOurs.scores.accessibility)]);
      rows.push([`Lighthouse mobile FCP (simulated)`, millis(lhOurs.metrics.fcpMs), millis(lhTl.metrics.fcpMs), ratio(lhTl.metrics.fcpMs / lhOurs.metrics.fcpMs)]);
    }
    const lhTlDesktop = tl.lighthouse.find((l) => l.formFactor === 'desktop');
    const lhOursDesktop = r.lighthouse.find((l) => l.page === 'timeline' && l.formFactor === 'desktop');
    if (lhTlDesktop && lhOursDesktop) {
      rows.push([`Lighthouse desktop performance`, score(lhOursDesktop.scores.performance), score(lhTlDesktop.scores.performance), ratio(lhTlDesktop.scores.performance / lhOursDesktop.scores.performance)]);
      rows.push([`Lighthouse desktop accessibility`, score(lhOursDesktop.scores.accessibility), score(lhTlDesktop.scores.accessibility), ratio(lhTlDesktop.scores.accessibility / lhOursDesktop.scores.accessibility)]);
    }
    out.push('', table(rows));
    out.push(`  TimelineJS options: ${JSON.stringify(tl.options)}; off-origin requests: ours ${ours.offOrigin.length}, TimelineJS ${tl.offOrigin.length}${tl.offOrigin.length ? ` (${tl.offOrigin.slice(0, 3).join(', ')})` : ''}`);
    if (lhTl && lhTl.failing.length) out.push(`  TimelineJS audits below full marks (mobile): ${lhTl.failing.filter((f) => f.category !== 'performance' || f.score < 0.9).map((f) => f.id).join(', ')}`);
    if (tl.errors.length) out.push(`  TimelineJS console errors: ${tl.errors.slice(0, 3).join(' | ')}`);
  }
  if (r.timeline.errors.length) out.push(`  Our timeline's console errors: ${r.timeline.errors.slice(0, 3).join(' | ')}`);

  out.push('', table([['CSP scan (dist/**/*.html)', 'pages', 'failing', 'example'], ...r.csp.types.map((t) => [t.type, String(t.files), String(t.failing), t.example])]));
  for (const t of r.csp.types) for (const p of t.problems) out.push(`    ${p}`);

  out.push('', table([['Budget', 'wanted', 'measured', 'result', ''], ...r.targets.map((t) => [t.name, t.target, t.value, t.pass ? 'PASS' : 'FAIL', t.note ? `(${t.note})` : ''])]));
  return out.join('\n');
}

/* The run */

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(BENCH, { recursive: true });
  const loadBefore = loadavg()[0]!;
  if (args.build || !existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'timeline.json'))) build();
  const pages = pickPages(DIST);
  const fileOf = (path: string) => join(DIST, path, 'index.html');

  // 1. Static weight and the CSP scan.
  const weight: Record<string, PageWeight> = {};
  for (const page of pages) weight[page.name] = pageWeight(DIST, fileOf(page.path));
  const csp = scanCsp(DIST);
  for (const page of pages) {
    const problems = checkCsp(readFileSync(fileOf(page.path), 'utf8')).problems;
    if (problems.length) step(`CSP problems on ${page.path}: ${problems.join('; ')}`);
  }

  // 2. Loads in Chromium: ours and TimelineJS, alternating, each in a fresh context.
  const tlFolder = join(BENCH, 'timelinejs');
  if (args.timelinejs) makeTimelineJsPage(ROOT, DIST, tlFolder);
  const site = await serveStatic(DIST);
  const tlSite = args.timelinejs ? await serveStatic(tlFolder) : undefined;
  const browser = await launch();
  const ourLoads: LoadFigures[] = [];
  const tlLoads: LoadFigures[] = [];
  try {
    // One warm-up load each (Chromium's first page pays for its own start-up).
    await loadPage(browser, `${site.url}/`, { bodies: false });
    if (tlSite) await loadPage(browser, `${tlSite.url}/`, { bodies: false });
    for (let i = 0; i < args.loads; i++) {
      step(`load ${i + 1}/${args.loads}: timeline${tlSite ? ' and TimelineJS' : ''}`);
      ourLoads.push(await loadPage(browser, `${site.url}/`, { bodies: i === 0 }));
      if (tlSite) tlLoads.push(await loadPage(browser, `${tlSite.url}/`, { bodies: i === 0, readyMark: READY_MARK }));
    }
  } finally {
    await browser.close();
    await site.close();
    await tlSite?.close();
  }
  const timeline = siteLoad(ourLoads);
  const scripts = timeline.transfers.filter((t) => t.type === 'script');

  // 3. Lighthouse, with the server compressing as a host would.
  const lighthouse: LighthouseFigures[] = [];
  const tlLighthouse: LighthouseFigures[] = [];
  if (args.lighthouse) {
    const forms: FormFactor[] = args.desktop ? ['mobile', 'desktop'] : ['mobile'];
    const lhSite = await serveStatic(DIST, { compress: true });
    const lhTl = args.timelinejs ? await serveStatic(tlFolder, { compress: true }) : undefined;
    try {
      for (const form of forms) {
        for (const page of pages) lighthouse.push(await lighthouseOf(lhSite.url, page, form, args.runs));
        if (lhTl) tlLighthouse.push(await lighthouseOf(lhTl.url, { name: 'TimelineJS', path: '/' }, form, args.runs));
      }
    } finally {
      await lhSite.close();
      await lhTl?.close();
    }
  }

  const results: Results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', node: process.versions.node, load: { before: loadBefore, after: loadavg()[0]! } },
    pages,
    weight,
    jsOnLoad: { scripts, raw: scripts.reduce((s, t) => s + t.raw, 0), gzip: scripts.reduce((s, t) => s + t.gzip, 0) },
    timeline,
    lighthouse,
    ...(args.timelinejs ? { timelinejs: { ...siteLoad(tlLoads), version: timelineJsVersion(ROOT), options: TIMELINE_OPTIONS, folder: tlFolder, lighthouse: tlLighthouse } } : {}),
    csp,
    targets: [],
  };
  results.targets = targetsOf(results);
  const file = join(BENCH, 'pages.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(`\n  Written: ${file}`);
  process.exitCode = results.targets.every((t) => t.pass) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
