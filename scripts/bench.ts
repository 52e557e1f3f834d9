/**
 * `npm run bench -- --articles N [--from DIR]... [--distinct] [--skip-baseline] [--skip-search] [--skip-rebuild] [--rebuild]`
 *
 * The scale benchmark. For N generated articles it:
 * 1. writes the corpus to `.bench/corpus-N/` from `content/articles` and any
 *    `--from` folder (Markdown articles with our frontmatter, or MEANTIME
 *    `*.xml` / TimeML `*.tml` documents, converted first); with `--distinct`,
 *    every sentence of every copy its own (`distinctBody` in bench/corpus.ts),
 *    and every folder, log and result named `N-distinct` instead of `N`;
 * 2. builds the site cold (empty extraction, Astro and Vite caches) as
 *    `npm run build` does (`astro build`, then Pagefind in its own process) and
 *    measures wall time (both steps) and peak memory of the whole process tree
 *    (the higher step), Pagefind also apart; and runs
 *    the pipeline in-process on the same corpus for time per stage;
 * 3. builds the baseline (plain Astro article pages, `scripts/bench/baseline`)
 *    on the same articles, cold too;
 * 4. adds one article of the corpus's newest month and rebuilds with the
 *    warm caches, `REBUILDS` times, each on the archive the one before left
 *    (the corpus's N, plus one, plus two): the target is judged on their
 *    median, and each is reported;
 * 5. times 20 searches in Chromium on the built site;
 * 6. prints a table with PASS/FAIL per target and writes `.bench/results-N.json`.
 *
 * `--rebuild` measures only step 4 again, on the build a previous full run
 * of the same N left in `.bench/` (figures of the other steps are kept).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { millis, progress, ratio, splitOption, table, usageError } from './bench/report.ts';
import { CorpusMaker, generateCorpus } from './bench/corpus.ts';
import { convertAnnotated, isAnnotatedCorpus } from './bench/meantime.ts';
import { run, type CpuShares, type Measured } from './bench/measure.ts';
import { SEARCH_STEP_LINE } from './lib/build-steps.ts';
import { measureSearch, median, type SearchFigures } from './bench/search.ts';
import type { StageReport } from './bench/stages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, '.bench');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const MEMORY_LIMIT = 2e9;
/**
 * Rebuilds measured, one more article each. One build's time here moves
 * by a fifth or more from one run to the next (the machine's other work, and
 * which of the caches' files the system still holds in memory after the cold
 * builds): 10.8–11.1 s in three runs of 3 December, 7.7–11.6 s in 14
 * rebuilds in a row of the same site later that day.
 */
const REBUILDS = 3;

/* Arguments */

interface Args {
  articles: number;
  from: string[];
  skipBaseline: boolean;
  skipSearch: boolean;
  skipRebuild: boolean;
  rebuildOnly: boolean;
  distinct: boolean;
}

const USAGE = 'usage: npm run bench -- --articles N [--from DIR]... [--distinct] [--skip-baseline] [--skip-search] [--skip-rebuild] [--rebuild]';

function parseArgs(argv: string[]): Args {
  const args: Args = { articles: 0, from: [], skipBaseline: false, skipSearch: false, skipRebuild: false, rebuildOnly: false, distinct: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = splitOption(arg);
    const value = () => inline ?? argv[++i] ?? fail(`${name} needs a value`);
    if (name === '--articles' || name === '-n') args.articles = Number(value());
    else if (name === '--from') args.from.push(resolve(value()));
    else if (name === '--skip-baseline') args.skipBaseline = true;
    else if (name === '--skip-search') args.skipSearch = true;
    else if (name === '--skip-rebuild') args.skipRebuild = true;
    else if (name === '--rebuild') args.rebuildOnly = true;
    else if (name === '--distinct') args.distinct = true;
    else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (!Number.isInteger(args.articles) || args.articles < 1) fail('--articles N (a positive whole number) is required');
  for (const dir of args.from) if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`--from ${dir}: not a folder`);
  return args;
}

const fail = usageError(USAGE);

/* Formatting */

const seconds = (ms: number) => (Number.isFinite(ms) ? (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`) : '–');
const megabytes = (bytes: number) => (Number.isFinite(bytes) && bytes > 0 ? `${Math.round(bytes / 1e6)} MB` : '–');
const percent = (share: number) => `${Math.round(share * 100)} %`;


const step = progress('bench');

/* Builds */

interface Phase {
  name: string;
  ms: number;
  peakRss: number;
}

interface BuildFigures {
  ms: number;
  peakRss: number;
  peakProcesses: number;
  pages: number;
  htmlFiles: number;
  /** Astro's build log cut into phases by its progress lines (times are when each line arrived). */
  phases: Phase[];
  /** What Pagefind reported for its indexing, ms. */
  pagefindMs?: number;
  /** How the machine's CPU time went meanwhile: a build that waited on the disk, or was given less CPU, says so. */
  machine?: CpuShares;
  log: string;
}

/** Phases of `astro build` (the baseline's build), each starting at the first line matching its marker after the previous one. */
const PHASES: Array<[string, RegExp]> = [
  ['startup (config, Vite)', /^/],
  ['content sync (loaders)', /Syncing content/],
  ['types, build info', /Synced content/],
  ['bundle (Vite)', /Building static entrypoints/],
  ['render pages', /generating static routes/],
  ['build:done hooks (sitemap)', /\[build\] ✓ Completed in/],
  ['exit', /page\(s\) built in/],
];

/** `npm run build`'s first phase: the pipeline, with Astro starting and bundling the pages beside it (its pages wait for the pipeline). */
const PIPELINE_PHASE = 'pipeline (Astro starting, bundling beside it)';
/** The phase `npm run build` adds after `astro build` has exited: `node scripts/pagefind.ts`. */
const PAGEFIND_PHASE = 'Pagefind (own process, after Astro)';

/** Phases of `npm run build`: the pipeline (Astro's startup beside it), Astro's work with the content, then the search index. */
const SITE_PHASES: Array<[string, RegExp]> = [
  [PIPELINE_PHASE, /^/],
  ['render pages (after the pipeline)', /^\[pipeline\] /],
  // The end of rendering ("✓ Completed in" with no [build] before it): Astro's bundle may end after the pipeline.
  ['build:done hooks (sitemap)', /^(\d\d:\d\d:\d\d )?✓ Completed in/],
  ...PHASES.slice(6),
  [PAGEFIND_PHASE, new RegExp(`^${SEARCH_STEP_LINE.replace(/[[\]().*+?]/g, '\\$&')}`)],
];

function phasesOf(measured: Measured, markers: Array<[string, RegExp]>): Phase[] {
  const starts: Array<{ name: string; at: number }> = [];
  let from = 0;
  for (const [name, marker] of markers) {
    if (starts.length === 0) {
      starts.push({ name, at: 0 });
      continue;
    }
    const index = measured.lines.findIndex((l, i) => i >= from && marker.test(l.line));
    if (index === -1) continue;
    starts.push({ name, at: measured.lines[index]!.at });
    from = index + 1;
  }
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? measured.ms;
    const peakRss = Math.max(0, ...measured.samples.filter(([at]) => at >= s.at && at <= end).map(([, rss]) => rss));
    return { name: s.name, ms: end - s.at, peakRss };
  });
}

function countHtml(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) count++;
  return count;
}

/**
 * What `npm run build` does, measured as a whole: for our site (`search`),
 * `node scripts/build.ts` (the pipeline with Astro starting beside it, then
 * Pagefind: scripts/lib/build-steps.ts); for the baseline, `astro build`.
 * Wall time and peak memory are the process tree's.
 */
async function astroBuild(label: string, args: string[], env: Record<string, string>, outDir: string, logFile: string, search = false): Promise<BuildFigures> {
  const command = search ? [join(ROOT, 'scripts', 'build.ts'), ...args, '--outDir', outDir] : [ASTRO, 'build', ...args, '--outDir', outDir];
  step(`${label}: node ${command.map((a) => a.replace(`${ROOT}/`, '')).join(' ')}`);
  const measured = await run(process.execPath, command, { cwd: ROOT, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
  writeFileSync(logFile, measured.output);
  if (measured.code !== 0) {
    console.error(measured.output.split('\n').slice(-40).join('\n'));
    throw new Error(`${label} failed (exit ${measured.code}); log in ${logFile}`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(measured.output)?.[1] ?? NaN);
  const pagefind = /Indexed \d+ pages in (\d+) ms/.exec(measured.output);
  return {
    ms: measured.ms,
    peakRss: measured.peakRss,
    peakProcesses: measured.peakProcesses,
    pages,
    htmlFiles: countHtml(outDir),
    phases: phasesOf(measured, search ? SITE_PHASES : PHASES),
    ...(pagefind ? { pagefindMs: Number(pagefind[1]) } : {}),
    ...(measured.machine ? { machine: measured.machine } : {}),
    log: logFile,
  };
}

interface StageFigures extends StageReport {
  /** Wall time and peak memory of the child process that ran it. */
  processMs: number;
  peakRss: number;
}

async function stages(contentDir: string, cacheDir: string): Promise<StageFigures> {
  const measured = await run(process.execPath, [join(ROOT, 'scripts', 'bench', 'stages.ts'), contentDir, cacheDir], { cwd: ROOT });
  const line = measured.output.split('\n').find((l) => l.startsWith('{'));
  if (measured.code !== 0 || !line) throw new Error(`in-process pipeline run failed:\n${measured.output.slice(-2000)}`);
  const report = JSON.parse(line) as StageReport;
  if (report.errors.length > 0) throw new Error(`the corpus has problems:\n${report.errors.join('\n')}`);
  return { ...report, processMs: measured.ms, peakRss: measured.peakRss };
}

/* Search queries */

const STOP = new Set(
  'about after again against also among because been before being between both could does during each from have having here into just more most other over said says same some such than that their them then there these they this those through under until very were what when where which while will with would your year years week weeks month months monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** 20 queries: word pairs from event titles and single words from the articles, spread over the corpus. */
export function pickQueries(eventTitles: string[], articleTexts: string[], count = 20): string[] {
  const words = (text: string) => (text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []).filter((w) => w.length >= 4 && !STOP.has(w));
  const queries = new Set<string>();
  const titles = [...new Set(eventTitles)].sort();
  const fromTitles = Math.ceil(count / 2);
  for (let i = 0; i < titles.length && queries.size < fromTitles; i += Math.max(1, Math.floor(titles.length / fromTitles))) {
    const distinct = [...new Set(words(titles[i]!))];
    const pair = distinct.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 2);
    if (pair.length > 0) queries.add(pair.join(' '));
  }
  const frequency = new Map<string, number>();
  for (const text of articleTexts) for (const w of new Set(words(text.replace(/^---[\s\S]*?\n---\n/, '')))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // Common to rare: some words match many pages, some a few.
  const ranked = [...frequency.entries()].filter(([w]) => w.length >= 5 && /^[a-z]+$/.test(w)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const wanted = count - queries.size;
  for (let i = 0; i < ranked.length && queries.size < count; i += Math.max(1, Math.floor(ranked.length / wanted))) queries.add(ranked[i]![0]);
  return [...queries].slice(0, count);
}

function queriesFor(dist: string, corpusArticles: string): string[] {
  const events = (JSON.parse(readFileSync(join(dist, 'events.json'), 'utf8')) as { events: Array<{ title: string }> }).events;
  const files = readdirSync(corpusArticles).sort();
  const sample = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / 200)) === 0).map((f) => readFileSync(join(corpusArticles, f), 'utf8'));
  return pickQueries(
    events.map((e) => e.title),
    sample,
  );
}

/* Results */

interface Target {
  name: string;
  target: string;
  value: string;
  pass: boolean;
  note?: string;
}

interface Results {
  articles: number;
  date: string;
  machine: { cpus: number; cpu: string; memory: number; node: string };
  /** 1-minute load average before the run and at its end: other work on the machine skews the figures. */
  load: { before: number; after?: number };
  from: string[];
  /** The corpus made with `--distinct`: no two articles share a sentence. */
  distinct?: boolean;
  corpus: { dir: string; files: number; ms: number };
  cold?: BuildFigures & { events: number; stages: StageFigures };
  baseline?: BuildFigures & {
    timeRatio: number;
    memoryRatio: number;
    /** For comparison only: Pagefind's CLI run on the baseline's pages afterwards (the baseline itself has no search). */
    pagefind?: { ms: number; peakRss: number; pages: number };
  };
  /**
   * The median of the `REBUILDS` rebuilds (its build's figures), each of them
   * (`runs`, in order), and the index of the last article added (`addedIndex`:
   * `--rebuild` goes on after it).
   */
  rebuild?: BuildFigures & {
    coldRatio: number;
    added: string;
    addedIndex: number;
    runs?: Array<{ ms: number; coldRatio: number; added: string; pipelineMs?: number | undefined }>;
    stages: StageFigures;
  };
  search?: SearchFigures & { queryList: string[] };
  scaling?: { time500: number; time5000: number; ratio: number };
  targets: Target[];
}

function targetsOf(results: Results): Target[] {
  const targets: Target[] = [];
  const at5000 = results.articles === 5000 ? undefined : 'target set for N=5,000';
  const note = (n: string | undefined) => (n ? { note: n } : {});
  if (results.cold && results.baseline) {
    targets.push({ name: 'Cold build vs baseline', target: '≤ 1.50×', value: ratio(results.baseline.timeRatio), pass: results.baseline.timeRatio <= 1.5, ...note(at5000) });
  }
  if (results.cold) {
    targets.push({ name: 'Peak memory (cold build)', target: '< 2,000 MB', value: megabytes(results.cold.peakRss), pass: results.cold.peakRss < MEMORY_LIMIT, ...note(at5000) });
  }
  if (results.scaling) {
    targets.push({ name: 'time(5000) / time(500)', target: '≤ 12', value: results.scaling.ratio.toFixed(2), pass: results.scaling.ratio <= 12 });
  }
  if (results.rebuild) {
    const of = results.rebuild.runs && results.rebuild.runs.length > 1 ? ` (median of ${results.rebuild.runs.length})` : '';
    targets.push({ name: `Rebuild (+1 article) / cold${of}`, target: '≤ 0.20', value: results.rebuild.coldRatio.toFixed(3), pass: results.rebuild.coldRatio <= 0.2 });
  }
  if (results.search) {
    const how = results.search.method === 'ui' ? 'search dialog' : 'Pagefind JS API';
    targets.push({ name: `Search median (${how})`, target: '< 100 ms', value: millis(results.search.medianMs), pass: results.search.medianMs < 100 });
    targets.push({ name: `Search p95 (${how})`, target: '< 250 ms', value: millis(results.search.p95Ms), pass: results.search.p95Ms < 250 });
  }
  return targets;
}

/** What a run's folders, logs and results are named after: N, or `N-distinct` for a corpus of distinct sentences. */
function runName(n: number, distinct: boolean | undefined): string {
  return distinct ? `${n}-distinct` : String(n);
}

function scalingOf(results: Results): Results['scaling'] {
  const read = (n: number): Results | undefined => {
    if (n === results.articles) return results;
    const file = join(BENCH, `results-${runName(n, results.distinct)}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : undefined;
  };
  if (results.articles !== 500 && results.articles !== 5000) return undefined;
  const small = read(500);
  const large = read(5000);
  // Only runs on the same template articles compare.
  if (!small?.cold || !large?.cold || JSON.stringify(small.from) !== JSON.stringify(large.from)) return undefined;
  return { time500: small.cold.ms, time5000: large.cold.ms, ratio: large.cold.ms / small.cold.ms };
}

function report(results: Results): string {
  const out: string[] = [];
  const { cold, baseline, rebuild, search } = results;
  out.push(
    `\nScale benchmark: ${results.articles.toLocaleString('en')} articles (${results.corpus.dir}), ${results.machine.cpus} cores, Node ${results.machine.node}, load ${results.load?.before?.toFixed(2)} → ${results.load?.after?.toFixed(2)}\n`,
  );
  const rows: string[][] = [['', 'wall time', 'peak memory (tree)', 'pages', 'vs baseline']];
  if (cold) rows.push(['Our site, cold', seconds(cold.ms), megabytes(cold.peakRss), String(cold.pages), baseline ? `${ratio(baseline.timeRatio)} time, ${ratio(baseline.memoryRatio)} memory` : '']);
  if (baseline) rows.push(['Baseline (plain Astro), cold', seconds(baseline.ms), megabytes(baseline.peakRss), String(baseline.pages), '1.00×']);
  if (baseline?.pagefind && cold) {
    const both = baseline.ms + baseline.pagefind.ms;
    rows.push(['  + Pagefind CLI on it (info)', seconds(both), megabytes(Math.max(baseline.peakRss, baseline.pagefind.peakRss)), String(baseline.pagefind.pages), `ours ${ratio(cold.ms / both)} of this`]);
  }
  if (rebuild) {
    const runs = rebuild.runs ?? [];
    rows.push([runs.length > 1 ? `Our site, rebuild +1 article (median)` : `Our site, rebuild +1 article`, seconds(rebuild.ms), megabytes(rebuild.peakRss), String(rebuild.pages), `${rebuild.coldRatio.toFixed(3)} of cold`]);
    if (runs.length > 1) for (const [k, r] of runs.entries()) rows.push([`  rebuild ${k + 1}: ${r.added}`, seconds(r.ms), '', '', `${r.coldRatio.toFixed(3)} of cold`]);
  }
  out.push(table(rows));
  const machine = ([['cold', cold], ['baseline', baseline], ['rebuild', rebuild]] as const).flatMap(([name, build]) =>
    build?.machine ? [`${name} ${percent(build.machine.busy)} busy, ${percent(build.machine.iowait)} I/O wait, ${percent(build.machine.steal)} stolen`] : [],
  );
  if (machine.length > 0) out.push(`\n  The machine's CPU time during each build (all cores, all processes): ${machine.join('; ')}`);
  if (cold) {
    out.push(`\n  Events: ${cold.events.toLocaleString('en')}, sources ${cold.stages.sources.toLocaleString('en')}, sentences ${cold.stages.sentences.toLocaleString('en')}, HTML files ${cold.htmlFiles.toLocaleString('en')}`);
    const stageRows: string[][] = [['Pipeline stage (in-process buildSite)', 'cold', 'per article', ...(rebuild ? ['warm (+1)'] : [])]];
    const keys = [...new Set([...Object.keys(cold.stages.stats), ...(rebuild ? Object.keys(rebuild.stages.stats) : [])])];
    for (const key of keys) {
      const c = cold.stages.stats[key];
      const w = rebuild?.stages.stats[key];
      const counts = /^(?:cache|count\.)/.test(key);
      stageRows.push([
        key,
        c === undefined ? '–' : counts ? String(c) : millis(c),
        c === undefined || counts ? '' : `${(c / results.articles).toFixed(2)} ms`,
        ...(rebuild ? [w === undefined ? '–' : counts ? String(w) : millis(w)] : []),
      ]);
    }
    stageRows.push([
      'total (process)',
      `${millis(cold.stages.processMs)}, ${megabytes(cold.stages.peakRss)}`,
      '',
      ...(rebuild ? [`${millis(rebuild.stages.processMs)}, ${megabytes(rebuild.stages.peakRss)}`] : []),
    ]);
    out.push('', table(stageRows));
    const candidates = cold.stages.stats['count.candidates'];
    const { tagging } = cold.stages;
    if (candidates && tagging?.sentences) {
      // The corpus copies its template articles: compromise tags each distinct sentence once, and the copies reuse it.
      const each = tagging.ms / tagging.sentences;
      out.push(`\n  People and places: compromise tagged ${tagging.sentences.toLocaleString('en')} distinct sentences of the ${candidates.toLocaleString('en')} candidate sentences, ${each.toFixed(1)} ms each (${millis(tagging.ms)}).`);
      if (!results.distinct) out.push(`  Were every candidate sentence distinct, as in an archive of distinct articles (--distinct measures it): about ${seconds((candidates - tagging.sentences) * each)} more CPU time.`);
    }
    const phaseRows: string[][] = [['build phase (npm run build)', 'cold', 'peak memory', ...(baseline ? ['baseline'] : []), ...(rebuild ? ['rebuild'] : [])]];
    for (const phase of cold.phases) {
      const b = baseline?.phases.find((p) => p.name === phase.name);
      const r = rebuild?.phases.find((p) => p.name === phase.name);
      phaseRows.push([phase.name, seconds(phase.ms), megabytes(phase.peakRss), ...(baseline ? [b ? seconds(b.ms) : '–'] : []), ...(rebuild ? [r ? seconds(r.ms) : '–'] : [])]);
    }
    out.push('', table(phaseRows));
    if (cold.pagefindMs !== undefined) out.push(`  (Pagefind reported indexing in ${seconds(cold.pagefindMs)} cold${rebuild?.pagefindMs !== undefined ? `, ${seconds(rebuild.pagefindMs)} on rebuild` : ''})`);
  }
  if (search) {
    const how = search.method === 'ui' ? 'the header search dialog (/ to open, type, first result on screen)' : "Pagefind's JS API in the page (search + first result's data)";
    out.push(`\n  Search, ${search.queries} queries via ${how}:`);
    out.push(`    median ${millis(search.medianMs)}, p95 ${millis(search.p95Ms)}, first query ${millis(search.firstMs)}`);
    if (search.ui) {
      const hits = search.ui.timings.map((t) => t.results);
      out.push(
        `    settings: <pagefind-input> debounce ${search.ui.debounceMs ?? '?'} ms (waited after the last keystroke), <pagefind-results> max-results ${search.ui.maxResults === 0 ? '0 (a placeholder for every hit)' : (search.ui.maxResults ?? '?')}; results rendered per query: median ${median(hits)}`,
      );
    }
    if (search.ui?.link) out.push(`    to the first result's title (its data loaded, not Pagefind's placeholder): median ${millis(search.ui.link.medianMs)}, p95 ${millis(search.ui.link.p95Ms)}`);
    out.push(`    engine alone (search-engine.js over the shards, no dialog): median ${millis(search.api.medianMs)}, p95 ${millis(search.api.p95Ms)}, first ${millis(search.api.firstMs)}`);
    if (search.noResults.length > 0) out.push(`    no results for: ${search.noResults.join(', ')}`);
    if (search.note) out.push(`    note: ${search.note}`);
  }
  if (results.scaling) out.push(`\n  Scaling: cold ${seconds(results.scaling.time5000)} at 5,000 / ${seconds(results.scaling.time500)} at 500 = ${results.scaling.ratio.toFixed(2)}`);
  out.push('', table([['Target', 'wanted', 'measured', 'result', ''], ...results.targets.map((t) => [t.name, t.target, t.value, t.pass ? 'PASS' : 'FAIL', t.note ? `(${t.note})` : ''])]));
  return out.join('\n');
}

/* The run */

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const n = args.articles;
  mkdirSync(BENCH, { recursive: true });
  // A corpus of distinct sentences has folders, logs and results of its own.
  const name = runName(n, args.distinct);
  const corpus = join(BENCH, `corpus-${name}`);
  const dist = join(BENCH, `site-${name}`);
  const caches = join(BENCH, `cache-${name}`);
  const logs = join(BENCH, 'logs');
  mkdirSync(logs, { recursive: true });
  const resultsFile = join(BENCH, `results-${name}.json`);
  const ourEnv = {
    TIMELINE_CONTENT: corpus,
    TIMELINE_CACHE: join(caches, 'timeline'),
    BENCH_ASTRO_CACHE: join(caches, 'astro'),
    BENCH_VITE_CACHE: join(caches, 'vite'),
  };
  // Relative to the project root: Astro resolves --config there.
  const ourArgs = ['--config', 'scripts/bench/site.config.mjs'];

  // Template folders: ours, and each --from (annotated corpora converted to Markdown first).
  const from = [join(ROOT, 'content', 'articles')];
  for (const dir of args.from) {
    if (isAnnotatedCorpus(dir)) {
      const out = join(BENCH, 'from', basename(dir));
      const count = convertAnnotated(dir, out);
      step(`converted ${count} annotated documents of ${dir} into ${out}`);
      from.push(out);
    } else from.push(dir);
  }

  let results: Results;
  if (args.rebuildOnly) {
    if (!existsSync(resultsFile) || !existsSync(join(dist, 'index.html')) || !existsSync(caches)) {
      fail(`--rebuild needs a previous full run of --articles ${n} (${resultsFile}, ${dist}, ${caches})`);
    }
    results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  } else {
    // 1. Corpus
    let started = performance.now();
    step(`generating ${n} articles into ${corpus}`);
    generateCorpus({ articles: n, from, out: corpus, distinct: args.distinct });
    results = {
      articles: n,
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memory: totalmem(), node: process.versions.node },
      load: { before: loadavg()[0]! },
      from: from.map((f) => (f.startsWith(ROOT) ? f.slice(ROOT.length + 1) : f)),
      ...(args.distinct ? { distinct: true } : {}),
      corpus: { dir: corpus.slice(ROOT.length + 1), files: readdirSync(join(corpus, 'articles')).length, ms: performance.now() - started },
      targets: [],
    };

    // 2. Our site, cold: every cache empty.
    rmSync(caches, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
    const cold = await astroBuild('our site, cold', [...ourArgs, '--force'], ourEnv, dist, join(logs, `cold-${name}.log`), true);
    step(`cold build ${seconds(cold.ms)}, peak ${megabytes(cold.peakRss)}; pipeline stages in-process (own empty cache)`);
    const stageCache = join(caches, 'stages');
    const coldStages = await stages(corpus, stageCache);
    results.cold = { ...cold, events: coldStages.events, stages: coldStages };

    // 3. Baseline, cold.
    if (!args.skipBaseline) {
      const baselineDir = join(BENCH, `baseline-${name}`);
      const baselineCaches = join(BENCH, `baseline-cache-${name}`);
      rmSync(baselineCaches, { recursive: true, force: true });
      rmSync(baselineDir, { recursive: true, force: true });
      const baseline = await astroBuild(
        'baseline, cold',
        ['--root', join(ROOT, 'scripts', 'bench', 'baseline'), '--force'],
        { BASELINE_CONTENT: join(corpus, 'articles'), BENCH_ASTRO_CACHE: join(baselineCaches, 'astro'), BENCH_VITE_CACHE: join(baselineCaches, 'vite') },
        baselineDir,
        join(logs, `baseline-${name}.log`),
      );
      results.baseline = { ...baseline, timeRatio: cold.ms / baseline.ms, memoryRatio: cold.peakRss / baseline.peakRss };
      step(`baseline ${seconds(baseline.ms)}, peak ${megabytes(baseline.peakRss)}; Pagefind CLI on its pages, for comparison`);
      const indexed = await run(join(ROOT, 'node_modules', '.bin', 'pagefind'), ['--site', baselineDir], { cwd: ROOT });
      if (indexed.code === 0) {
        const pages = Number(/Indexed (\d+) pages?/i.exec(indexed.output)?.[1] ?? NaN);
        results.baseline.pagefind = { ms: indexed.ms, peakRss: indexed.peakRss, pages };
      }
    }
  }

  // 4. Rebuild after one added article, warm caches.
  if (!args.skipRebuild && results.cold) {
    // Fresh articles of the newest month each time: from the N+1-th of the corpus on, then after the last one on each --rebuild.
    const start = args.rebuildOnly && results.rebuild ? results.rebuild.addedIndex + 1 : n;
    const added = new CorpusMaker(from, n, undefined, args.distinct).newestMonth(start, REBUILDS);
    if (added.length === 0) fail(`no article of the corpus's newest month after #${start}`);
    const files: string[] = [];
    const runs: Array<BuildFigures & { coldRatio: number; added: string; addedIndex: number }> = [];
    let warmStages: StageFigures | undefined;
    try {
      for (const [k, { index, article }] of added.entries()) {
        const file = join(corpus, 'articles', article.name);
        writeFileSync(file, article.text);
        files.push(file);
        const label = `our site, rebuild ${k + 1} of ${added.length} (+1 article, ${article.name})`;
        const build = await astroBuild(label, ourArgs, ourEnv, dist, join(logs, `rebuild-${name}${k > 0 ? `-${k + 1}` : ''}.log`), true);
        runs.push({ ...build, coldRatio: build.ms / results.cold.ms, added: article.name, addedIndex: index });
        step(`rebuild ${k + 1}: ${seconds(build.ms)}, ${(build.ms / results.cold.ms).toFixed(3)} of the cold build`);
        // The stages in-process once, after the first (one article more than their cache holds).
        if (k === 0) {
          step('pipeline stages in-process (warm cache)');
          warmStages = await stages(corpus, join(caches, 'stages'));
        }
      }
    } finally {
      // The corpus stays N articles; the built site keeps the added ones.
      for (const file of files) rmSync(file, { force: true });
    }
    const middle = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
    results.rebuild = {
      ...middle,
      addedIndex: runs.at(-1)!.addedIndex,
      runs: runs.map((r) => ({ ms: r.ms, coldRatio: r.coldRatio, added: r.added, pipelineMs: r.phases.find((p) => p.name === PIPELINE_PHASE)?.ms })),
      stages: warmStages!,
    };
  }

  // 5. Search.
  if (!args.skipSearch && !args.rebuildOnly) {
    const queries = queriesFor(dist, join(corpus, 'articles'));
    step(`search: ${queries.length} queries in Chromium`);
    const search = await measureSearch(dist, queries);
    results.search = { ...search, queryList: queries };
  }

  // 6. Report.
  results.scaling = scalingOf(results);
  if (!results.scaling) delete results.scaling;
  results.targets = targetsOf(results);
  results.load = { ...(results.load ?? { before: NaN }), after: loadavg()[0]! };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(`\n  Figures: ${resultsFile.slice(ROOT.length + 1)}; build logs: .bench/logs/`);
}

await main();
