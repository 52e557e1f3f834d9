/**
 * `npm run build`: the timeline pipeline (`scripts/pipeline.ts`) with
 * `astro build` starting beside it, then the search index
 * (`scripts/pagefind.ts`), each in a process of its own (see
 * scripts/lib/build-steps.ts). Arguments are passed to `astro build`; the
 * first failing step stops the build with its exit code.
 */
import { runBuild } from './lib/build-steps.ts';

process.exitCode = await runBuild(process.argv.slice(2));
