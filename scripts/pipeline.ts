/**
 * `node scripts/pipeline.ts [CONTENT_DIR]`: runs the timeline pipeline on the
 * content (default `content/`, or `TIMELINE_CONTENT`) and writes what the
 * site is made from to the disk cache (`npm run build` runs the three steps:
 * this, Astro beside it, then the search index).
 *
 * Astro's pages then read the result instead of computing it, so the
 * pipeline's working data (parse trees, time expressions, people and places
 * of every article) never shares a process with Astro's rendering: each
 * step's memory is its own, and the build's peak is the larger of them, not
 * their sum. Here the articles are analysed on every core (worker threads).
 * Without this step (`astro build` alone, `astro dev`) Astro's loader runs
 * the pipeline itself.
 *
 * It prints the build report and the content's problems, all at once, as
 * the editor's messages (`file:line:column: what is wrong, what was
 * expected`), and exits with 1 when any is an error: `npm run build` stops
 * there. Content with errors is never cached.
 */
import { resolve } from 'node:path';
import { CACHE_DAYS, cacheFor, pruneCacheDaily } from '../src/pipeline/cache.ts';
import { handOff } from '../src/loaders/handoff.ts';
import { buildReport, CONTENT_ERROR_HINT, contentErrorMessage, formatProblem, sortProblems } from '../src/pipeline/problems.ts';
import { openSiteData } from '../src/pipeline/site-data.ts';

const contentDir = resolve(process.argv[2] ?? process.env.TIMELINE_CONTENT ?? 'content');
const started = performance.now();
const data = await openSiteData(contentDir, { parallel: true });
// What no build has used for a week goes (builds of other content may share the cache): looked for once a day.
const cache = cacheFor(undefined);
const pruned = cache ? pruneCacheDaily(cache) : 0;
const errors = data.problems.filter((p) => p.severity === 'error');
for (const warning of sortProblems(data.problems.filter((p) => p.severity === 'warning'))) console.warn(`[timeline] ${formatProblem(warning)}`);
if (errors.length > 0) {
  console.error(`[timeline] ${contentErrorMessage(errors)}\n\n${CONTENT_ERROR_HINT}`);
  process.exitCode = 1;
} else if (!data.file) {
  // The Astro build beside this process reads the site data from its file: without one there is nothing to hand it.
  console.error(`[timeline] The site data could not be written to the cache (${cache?.dir ?? 'none'}) or the temporary folder: make one of them writable (TIMELINE_CACHE names the cache).`);
  process.exitCode = 1;
} else {
  // The build report: every sentence accounted for (the about page shows it too).
  console.log(`[timeline] ${buildReport(data.story)}`);
  console.log(
    `[pipeline] ${data.story.articles} articles → ${data.story.events} events in ${Math.round(performance.now() - started)} ms` +
      (pruned > 0 ? `; ${pruned} cache entr${pruned === 1 ? 'y' : 'ies'} unused for ${CACHE_DAYS} days deleted` : ''),
  );
}
// To the Astro build waiting beside this process (`npm run build`), if any: last, once the messages
// are out, as Astro's work with the content starts then, and this process's memory should be gone by then.
handOff(errors.length > 0 ? undefined : data.file);
