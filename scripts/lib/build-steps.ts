import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PIPELINE_PID, PIPELINE_RESULT } from '../../src/loaders/handoff.ts';

/**
 * `npm run build`, step by step, each in a process of its own: the
 * pipeline, `astro build`, then the search index. Astro starts beside the
 * pipeline (its configuration, types and bundle take seconds that need no
 * content) and its pages wait for the pipeline's result
 * (src/loaders/handoff.ts), so Astro's work with the content starts once the
 * pipeline's process, and its memory, is gone. Astro runs at a lower
 * priority (`astroNice`), so that the pipeline has the cores first. The pipeline reports the
 * content's problems; when it fails, Astro is stopped before it writes a
 * page. The search index comes after Astro has exited.
 * `scripts/build.ts` runs them; the scale benchmark measures the whole.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Astro's V8 heap, MB (`ASTRO_HEAP_MB` to change it). Its live set at 5,000
 * articles is about 600 MB (the collections without article bodies, and one
 * page at a time); left to itself V8 lets garbage grow the heap to twice
 * that before collecting, and the build past 2 GB.
 */
export const ASTRO_HEAP_MB = Number(process.env.ASTRO_HEAP_MB) || 1024;


/**
 * The pipeline step's semi-space (V8's young generation), MB, for each of its
 * threads. 64 was chosen to collect short-lived objects less often; measured
 * again over 5,000 articles (2 December, commit a418561), 16 peaks lower in
 * the same time, within the machine's noise: cold 677–694 MB against 846–847
 * MB (23.5–26.6 s against 24.4–25.1 s), warm 537–583 MB against 688–723 MB
 * (4.03–4.15 s against 4.06–4.42 s), warm over 5,000 articles of distinct
 * sentences 957–964 MB against 1,122–1,130 MB. Giving the analysing workers
 * a large young generation of their own (`resourceLimits`) made no
 * difference that showed.
 */
export const PIPELINE_SEMI_SPACE_MB = 16;

/**
 * How much lower than the build's own Astro's process runs, in nice steps
 * (`ASTRO_NICE` to change it, 0 to run it as the build): 10. Astro's start
 * (its configuration, types and bundle, about 5 s of CPU at 5,000 articles)
 * needs no content, and has seconds to spare while the pipeline works, but
 * on two cores it took them from the pipeline's threads. Measured at 5,000
 * articles (3 December, `npm run bench -- --articles 5000 --rebuild`, seven
 * runs each, alternating `ASTRO_NICE=0` and 10): the pipeline phase 5.25–6.08
 * s (median 5.51) against 5.90–6.58 s (6.06), the pipeline and rendering
 * together 0.45 s shorter (medians); no difference the machine's noise let
 * show in cold builds (51.8 and 52.1 s against 55.2 and 49.6 s). Once the
 * pipeline is done Astro runs alone, and its priority matters only beside
 * other programs on the machine.
 */
export function astroNice(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.ASTRO_NICE?.trim() ? Number(env.ASTRO_NICE) : 10;
  return Number.isFinite(value) ? Math.min(19, Math.max(0, Math.round(value))) : 10;
}

/**
 * Lowers a process's priority by `steps` below this process's (at most to
 * 19, the lowest). On Linux a priority is a thread's, and the threads a
 * process starts inherit it: done as soon as the process is spawned, it
 * comes before Node in it has started its own (in practice: spawning
 * returns once the program is loaded, Node's start takes tens of
 * milliseconds more; a thread started before keeps the build's priority).
 * Returns whether it could (a system that refuses leaves it as it was).
 */
export function lowerPriority(pid: number | undefined, steps: number): boolean {
  if (!pid || steps <= 0) return false;
  try {
    setPriority(pid, Math.min(19, getPriority() + steps));
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment of the build's processes, with Node's compile cache on
 * (`NODE_COMPILE_CACHE`: the folder Astro's own command line uses,
 * `node-compile-cache` in the temporary folder). Astro turns it on for its
 * own process only; the pipeline's, its workers' and the search step's
 * modules (unified, compromise, our TypeScript once its types are stripped)
 * were compiled again by every build: importing the pipeline took 380–440
 * ms, 220–270 ms from the cache. Left as given when the cache is set or
 * turned off (`NODE_DISABLE_COMPILE_CACHE`), and in CI (`CI`), where, as
 * Astro says, a cache written once and never read only costs time.
 */
export function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE || env.CI) return env;
  return { ...env, NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') };
}

/** The line the build prints when the search index starts (the benchmark cuts its phases there). */
export const SEARCH_STEP_LINE = '[build] search index: node scripts/pagefind.ts';

export interface Step {
  name: string;
  /** Arguments to `node`. */
  args: string[];
}

export function buildSteps(astroArgs: string[] = [], outDir = 'dist'): Step[] {
  return [
    { name: 'pipeline', args: [`--max-semi-space-size=${PIPELINE_SEMI_SPACE_MB}`, join(ROOT, 'scripts', 'pipeline.ts')] },
    { name: 'astro', args: [`--max-old-space-size=${ASTRO_HEAP_MB}`, join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArgs] },
    { name: 'pagefind', args: ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts', 'pagefind.ts'), outDir] },
  ];
}

/** Where `astro build` writes, from its arguments: `--outDir DIR` or `--outDir=DIR`, else undefined (dist/). */
export function outDirOf(args: string[]): string | undefined {
  const index = args.indexOf('--outDir');
  return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith('--outDir='))?.slice('--outDir='.length);
}

function exited(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((done) => child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

/**
 * Runs the build: the pipeline and Astro at once (Astro's loader waits for
 * the pipeline), then the search index. Resolves with the exit code: the
 * first failing step's, and the others stopped. `steps`: those of
 * `buildSteps` (other scripts in tests).
 */
export async function runBuild(astroArgs: string[], given: NodeJS.ProcessEnv = process.env, steps = buildSteps(astroArgs, outDirOf(astroArgs))): Promise<number> {
  const [pipelineStep, astroStep, searchStep] = steps;
  const env = withCompileCache(given);
  const result = join(tmpdir(), `news-timeline-pipeline-${randomUUID()}.json`);
  try {
    const pipeline = spawn(process.execPath, pipelineStep!.args, { stdio: 'inherit', env: { ...env, [PIPELINE_RESULT]: result } });
    const astro = spawn(process.execPath, astroStep!.args, {
      stdio: 'inherit',
      env: { ...env, [PIPELINE_RESULT]: result, [PIPELINE_PID]: String(pipeline.pid) },
    });
    lowerPriority(astro.pid, astroNice(env));
    const astroDone = exited(astro);
    const pipelineCode = await exited(pipeline);
    if (pipelineCode !== 0) {
      astro.kill();
      await astroDone;
      return pipelineCode;
    }
    const astroCode = await astroDone;
    if (astroCode !== 0) return astroCode;
    console.log(SEARCH_STEP_LINE);
    return await exited(spawn(process.execPath, searchStep!.args, { stdio: 'inherit', env }));
  } finally {
    rmSync(result, { force: true });
  }
}
