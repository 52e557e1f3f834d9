/**
 * Runs the pipeline in-process on a content folder and prints, as one JSON
 * line, the time per stage that `buildSite` reports, with counts. The
 * benchmark runs it as a child process so its memory is measured apart and
 * `buildSite`'s memo starts empty.
 *
 *   node scripts/bench/stages.ts CONTENT_DIR CACHE_DIR
 */
import { buildSite } from '../../src/pipeline/build.ts';

export interface StageReport {
  totalMs: number;
  stats: Record<string, number>;
  events: number;
  articles: number;
  sentences: number;
  sources: number;
  problems: number;
  errors: string[];
  heapUsed: number;
}

const [contentDir, cacheDir] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: node scripts/bench/stages.ts CONTENT_DIR [CACHE_DIR]');
  process.exit(2);
}
const started = performance.now();
const build = buildSite(contentDir, { cache: cacheDir ?? false });
const report: StageReport = {
  totalMs: performance.now() - started,
  stats: build.stats,
  events: build.timeline.events.length,
  articles: build.articles.length,
  sentences: build.articles.reduce((n, a) => n + a.sentences, 0),
  sources: build.timeline.events.reduce((n, e) => n + e.sources.length, 0),
  problems: build.problems.length,
  errors: build.problems
    .filter((p) => p.severity === 'error')
    .slice(0, 5)
    .map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
  heapUsed: process.memoryUsage().heapUsed,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
