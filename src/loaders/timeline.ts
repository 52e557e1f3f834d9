import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { resolve } from 'node:path';
import { buildSite, type SiteBuild } from '../pipeline/build.ts';
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
    const run = () => {
      const build: SiteBuild = buildSite(contentDir);
      const errors = build.problems.filter((p) => p.severity === 'error');
      for (const warning of build.problems.filter((p) => p.severity === 'warning')) context.logger.warn(formatProblem(warning));
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
        for (const event of build.timeline.events) context.store.set({ id: event.id, data: { ...event } });
      } else if (part === 'articles') {
        for (const article of build.articles) {
          context.store.set({ id: article.id, data: { ...article }, digest: context.generateDigest(article.html) });
        }
      } else {
        const { story, omitted, mentions } = build.timeline;
        // The build report, in the terminal (and on /about/): every sentence accounted for.
        const reasons = new Map<string, number>();
        for (const o of omitted) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
        const sentenceCount = build.timeline.articles.reduce((n, a) => n + a.sentences.length, 0);
        const cited = new Set(build.timeline.events.flatMap((e) => e.sources.map((src) => `${src.article}#${src.sentence}`))).size;
        context.logger.info(
          `${build.timeline.articles.length} articles, ${sentenceCount} sentences, ${Object.values(mentions).reduce((n, m) => n + m.length, 0)} time expressions → ` +
            `${build.timeline.events.length} events citing ${cited} sentences; ${omitted.length} sentences left out:` +
            [...reasons].map(([reason, count]) => `\n  ${count} × ${reason}`).join(''),
        );
        context.store.set({
          id: 'story',
          data: {
            ...story,
            articles: build.timeline.articles.length,
            sentences: build.timeline.articles.reduce((n, a) => n + a.sentences.length, 0),
            mentions: Object.values(mentions).reduce((n, m) => n + m.length, 0),
            // Counts only: each article's page lists its own left-out sentences with their reasons.
            leftOut: {
              total: omitted.length,
              reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
            },
            problems: [],
          },
        });
      }
    };
    run();
    context.watcher?.add(contentDir);
    context.watcher?.on('all', (_event, path) => {
      if (resolve(path).startsWith(contentDir)) run();
    });
  };
}

export function timelineLoader(part: Part, options: { content?: string } = {}): Loader {
  const contentDir = resolve(options.content ?? 'content');
  return { name: `timeline-${part}`, load: load(part, contentDir) };
}
