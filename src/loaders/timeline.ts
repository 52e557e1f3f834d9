import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { join, resolve } from 'node:path';
import { articleEntry } from '../pipeline/bodies.ts';
import { cacheFor } from '../pipeline/cache.ts';
import { openSiteData, type SiteDataSource } from '../pipeline/site-data.ts';
import { formatProblem, sortProblems } from '../pipeline/problems.ts';

/**
 * Content-layer loaders that feed the pipeline's output to Astro. They only
 * wire: the work is in `src/pipeline/`. In `astro dev` they watch
 * `content/`, so saving an article updates the timeline, event and article
 * pages.
 */

type Part = 'events' | 'articles' | 'story';

function load(part: Part, contentDir: string) {
  return async (context: LoaderContext) => {
    const run = async () => {
      const data: SiteDataSource = await openSiteData(contentDir);
      const errors = data.problems.filter((p) => p.severity === 'error');
      for (const warning of data.problems.filter((p) => p.severity === 'warning')) context.logger.warn(formatProblem(warning));
      if (errors.length > 0) {
        const problems = sortProblems(errors).map(formatProblem);
        const error = new AstroError(
          `${errors.length} problem${errors.length === 1 ? '' : 's'} in content:\n${problems.join('\n')}`,
          'Fix each line above (file:line:column: what is wrong, what was expected), save, and the build runs again.',
        );
        // The editor needs the list above, not where in our code it was noticed.
        error.stack = '';
        if (!context.watcher) throw error;
        // In `astro dev`: keep the last good pages, print the problems, and hand them to the
        // layout, which raises them in the browser's error overlay until they are fixed.
        if (part === 'story') {
          const previous = context.store.get('story')?.data ?? {};
          context.store.set({ id: 'story', data: { ...previous, problems } });
          context.logger.error(error.message);
        }
        return;
      }
      context.store.clear();
      if (part === 'events') {
        for await (const event of data.events()) context.store.set({ id: event.id, data: { ...event } });
      } else if (part === 'articles') {
        // Bodies wait in files of their own until their page is rendered (see bodies.ts).
        const bodies = cacheFor(undefined)?.dir;
        for await (const article of data.articles()) {
          const entry = articleEntry(article, bodies && join(bodies, 'bodies'));
          context.store.set({ id: article.id, data: { ...entry }, digest: context.generateDigest(article.html) });
        }
      } else {
        const { story } = data;
        // The build report, in the terminal (and on /about/): every sentence accounted for.
        context.logger.info(
          `${story.articles} articles, ${story.sentences} sentences, ${story.mentions} time expressions → ` +
            `${story.events} events citing ${story.cited} sentences; ${story.leftOut.total} sentences left out:` +
            story.leftOut.reasons.map(({ reason, count }) => `\n  ${count} × ${reason}`).join(''),
        );
        context.store.set({ id: 'story', data: { ...story, problems: [] } });
      }
    };
    await run();
    // In `astro dev`, one save can fire several events: each run waits for the one before,
    // so two never interleave their clearing and storing.
    let queue = Promise.resolve();
    context.watcher?.add(contentDir);
    context.watcher?.on('all', (_event, path) => {
      if (!resolve(path).startsWith(contentDir)) return;
      queue = queue.then(run).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
    });
  };
}

export function timelineLoader(part: Part, options: { content?: string } = {}): Loader {
  const contentDir = resolve(options.content ?? 'content');
  return { name: `timeline-${part}`, load: load(part, contentDir) };
}
