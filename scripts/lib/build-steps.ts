import { join, resolve } from 'node:path';

/**
 * `npm run build`, step by step: each in a process of its own, one after the
 * other, so the build's peak memory is the largest step's, not their sum.
 * `scripts/build.ts` runs them; the scale benchmark runs and measures them
 * one by one.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Astro's V8 heap, MB (`ASTRO_HEAP_MB` to change it). Its live set at 5,000
 * articles is about 600 MB (the collections without article bodies, and one
 * page at a time); left to itself V8 lets garbage grow the heap to twice
 * that before collecting, and the build past 2 GB.
 */
export const ASTRO_HEAP_MB = Number(process.env.ASTRO_HEAP_MB) || 1024;

export interface Step {
  name: string;
  /** Arguments to `node`. */
  args: string[];
}

export function buildSteps(astroArgs: string[] = [], outDir = 'dist'): Step[] {
  return [
    // A larger young generation: the pipeline allocates many short-lived objects, and collects a tenth less often.
    { name: 'pipeline', args: ['--max-semi-space-size=64', join(ROOT, 'scripts', 'pipeline.ts')] },
    { name: 'astro', args: [`--max-old-space-size=${ASTRO_HEAP_MB}`, join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArgs] },
    { name: 'pagefind', args: ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts', 'pagefind.ts'), outDir] },
  ];
}
