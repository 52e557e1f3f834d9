import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { resolve } from 'node:path';
import { buildSiteData, pipelineBeside } from './handoff.ts';
import { openSiteData, type SiteDataSource } from '../pipeline/site-data.ts';
import { buildReport, CONTENT_ERROR_HINT, contentErrorMessage, formatProblem, sortProblems } from '../pipeline/problems.ts';

/**
 * The content-layer loader that hands the pipeline's output to Astro: the
 * story entry, with the path of the site data the pages read. It only wires:
 * the work is in `src/pipeline/`. It reports the content's problems, all at
 * once, and stops the build on errors. In `astro dev` it watches `content/`,
 * so saving an article updates the timeline, event and article pages.
 */

function load(contentDir: string) {
  return async (context: LoaderContext) => {
    const run = async (first = false) => {
      // In `npm run build`, the pipeline runs beside Astro and reports the content's problems itself
      // (scripts/pipeline.ts): the pages wait for its result (src/components/lib/timeline.ts), and
      // Astro bundles them meanwhile.
      if (first && pipelineBeside()) {
        context.store.set({ id: 'story', data: { handedOver: true } });
        return;
      }
      // `astro build` alone reads the site data, or builds it, here; in `astro dev`, saves run the pipeline here.
      const data: SiteDataSource = first ? await buildSiteData(contentDir) : await openSiteData(contentDir);
      const errors = data.problems.filter((p) => p.severity === 'error');
      for (const warning of data.problems.filter((p) => p.severity === 'warning')) context.logger.warn(formatProblem(warning));
      if (errors.length > 0) {
        const problems = sortProblems(errors).map(formatProblem);
        const error = new AstroError(contentErrorMessage(errors), CONTENT_ERROR_HINT);
        // The editor needs the list above, not where in our code it was noticed.
        error.stack = '';
        if (!context.watcher) throw error;
        // In `astro dev`: keep the last good pages, print the problems, and hand them to the
        // layout, which raises them in the browser's error overlay until they are fixed.
        const previous = context.store.get('story')?.data ?? {};
        context.store.set({ id: 'story', data: { ...previous, problems } });
        context.logger.error(error.message);
        return;
      }
      // The story, and where its events and articles are: the pages read them from
      // that file (src/components/lib/timeline.ts). Thousands of
      // entries in Astro's data store were seconds of every build, spent copying
      // what the file already holds.
      const { story } = data;
      // The build report, in the terminal (and on /about/): every sentence accounted for.
      context.logger.info(buildReport(story));
      context.store.set({ id: 'story', data: { ...story, problems: [], siteData: data.file } });
    };
    await run(true);
    // In `astro dev`, one save can fire several events: each run waits for the one before,
    // so two never interleave their clearing and storing.
    let queue = Promise.resolve();
    context.watcher?.add(contentDir);
    context.watcher?.on('all', (_event, path) => {
      if (!resolve(path).startsWith(contentDir)) return;
      queue = queue.then(() => run()).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
    });
  };
}

/** The `story` collection: one entry, the story, its build report and where its site data is. */
export function timelineLoader(options: { content?: string } = {}): Loader {
  const contentDir = resolve(options.content ?? 'content');
  return { name: 'timeline', load: load(contentDir) };
}
