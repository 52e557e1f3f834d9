import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeWhole } from '../pipeline/cache.ts';
import { openSiteData } from '../pipeline/site-data.ts';
import { readSiteFile, type SiteDataSource } from '../pipeline/site-file.ts';

/**
 * The pipeline's result, handed to an Astro build that started beside it
 * (`npm run build`, see scripts/lib/build-steps.ts): the pipeline writes
 * the site data's path to the file named by `PIPELINE_RESULT`; Astro's
 * pages (src/components/lib/timeline.ts) wait for that file while the
 * pipeline's process (`PIPELINE_PID`) is alive.
 */
export const PIPELINE_RESULT = 'TIMELINE_PIPELINE_RESULT';
export const PIPELINE_PID = 'TIMELINE_PIPELINE_PID';

interface Handoff {
  /** The site data's file; absent when the content has errors (the pipeline reports them). */
  siteData?: string | undefined;
}

/** Writes the result, whole or not at all, when a build asked for one (`PIPELINE_RESULT` is set). */
export function handOff(siteData: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[PIPELINE_RESULT];
  if (!file) return;
  writeWhole(file, JSON.stringify({ siteData } satisfies Handoff));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): Handoff | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Handoff;
  } catch {
    return undefined;
  }
}

/** Whether this process is the Astro build of `npm run build`, with the pipeline running beside it. */
export function pipelineBeside(env: NodeJS.ProcessEnv = process.env): boolean {
  const pid = Number(env[PIPELINE_PID]);
  return Boolean(env[PIPELINE_RESULT]) && Number.isInteger(pid) && pid > 0;
}

/**
 * The site data a build's Astro process reads: the pipeline's result when it
 * ran beside this process, else opened (and, without a cached file, built) here.
 */
export async function buildSiteData(contentDir: string): Promise<SiteDataSource> {
  const handed = await handedOver();
  return (handed && readSiteFile(handed)) || (await openSiteData(contentDir));
}

/**
 * The site data the pipeline beside this process wrote: waits for its
 * result while it runs. Undefined when no pipeline runs beside it, when it
 * ended without a result, or when the content has errors (the pipeline
 * reports them, and `npm run build` stops this process).
 */
export async function handedOver(env: NodeJS.ProcessEnv = process.env, poll = 25): Promise<string | undefined> {
  if (!pipelineBeside(env)) return undefined;
  const file = env[PIPELINE_RESULT]!;
  const pid = Number(env[PIPELINE_PID]);
  for (;;) {
    const result = read(file);
    if (result) return result.siteData;
    if (!alive(pid)) return read(file)?.siteData;
    await sleep(poll);
  }
}

/** Resolves once the pipeline beside this process has exited (at once when there is none). */
export async function pipelineExited(env: NodeJS.ProcessEnv = process.env, poll = 25): Promise<void> {
  const pid = Number(env[PIPELINE_PID]);
  while (pipelineBeside(env) && alive(pid)) await sleep(poll);
}
