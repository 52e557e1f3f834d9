/**
 * Runs the pipeline in-process on a content folder and prints, as one JSON
 * line, the time per stage that `buildSite` reports, with counts. The
 * benchmark runs it as a child process so its memory is measured apart and
 * `buildSite`'s memo starts empty.
 *
 *   node scripts/bench/stages.ts CONTENT_DIR CACHE_DIR
 */
import { existsSync } from 'node:fs';
import { buildSite } from '../../src/pipeline/build.ts';
import { entitiesOf, tagging } from '../../src/pipeline/entities.ts';

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
  /** Sentences compromise tagged (the distinct texts among the candidates) and the time it took. */
  tagging: { sentences: number; ms: number };
}

const [contentDir, cacheDir] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: node scripts/bench/stages.ts CONTENT_DIR [CACHE_DIR]');
  process.exit(2);
}
// compromise's first sentences run before its code is optimised: on a cold run (no cache
// yet) it is warmed up on sentences of no article, so the time per sentence reported is the steady one.
const PEOPLE = ['Anna Kowalska', 'President Malik Osei', 'Foreign Minister Lena Brandt', 'Mr Tomas Rivera', 'Dr Yuki Sato'];
const PLACES = ['Warsaw', 'Accra', 'the Baltic coast', 'Lisbon', 'northern Chile'];
const DOINGS = ['flew to', 'met officials in', 'spoke by phone from', 'said talks would resume in', 'visited a hospital in'];
if (!cacheDir || !existsSync(cacheDir)) {
  for (const [i, person] of PEOPLE.entries()) {
    for (const [j, place] of PLACES.entries()) for (const doing of DOINGS) entitiesOf(`${person} ${doing} ${place} on day ${i * 5 + j}, aides said.`);
  }
}
tagging.sentences = 0;
tagging.ms = 0;
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
  tagging,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
