/**
 * `npm run build`: the timeline pipeline (`scripts/pipeline.ts`), then
 * `astro build`, then the search index (`scripts/pagefind.ts`), each in a
 * process of its own (see scripts/lib/build-steps.ts). Arguments are passed
 * to `astro build`; the first failing step stops the build with its exit code.
 */
import { spawnSync } from 'node:child_process';
import { buildSteps } from './lib/build-steps.ts';

const args = process.argv.slice(2);
// Where Astro writes is where the search index goes: `--outDir DIR` or `--outDir=DIR` (else dist/).
const outIndex = args.indexOf('--outDir');
const outDir = outIndex >= 0 ? args[outIndex + 1] : args.find((a) => a.startsWith('--outDir='))?.slice('--outDir='.length);
for (const step of buildSteps(args, outDir)) {
  const result = spawnSync(process.execPath, step.args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
