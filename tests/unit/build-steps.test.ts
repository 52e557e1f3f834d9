import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { astroNice, lowerPriority, runBuild, withCompileCache, type Step } from '../../scripts/lib/build-steps.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A step that writes its process's priority to `file` (and its name, for order), then exits with `code`. */
function reporting(name: string, file: string, code = 0): Step {
  const script = `require('node:fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(name)} + ' ' + require('node:os').getPriority() + '\\n'); process.exitCode = ${code};`;
  return { name, args: ['-e', script] };
}

describe('the build steps', () => {
  it('runs Astro at a lower priority than the build, by ASTRO_NICE steps (10 unless set, 0 to leave it)', () => {
    expect(astroNice({})).toBe(10);
    expect(astroNice({ ASTRO_NICE: '0' })).toBe(0);
    expect(astroNice({ ASTRO_NICE: '4' })).toBe(4);
    expect(astroNice({ ASTRO_NICE: '40' })).toBe(19);
    expect(astroNice({ ASTRO_NICE: '-5' })).toBe(0);
    expect(astroNice({ ASTRO_NICE: 'low' })).toBe(10);
    expect(astroNice({ ASTRO_NICE: ' ' })).toBe(10);
  });

  it('lowers a spawned process below its own priority', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
    try {
      expect(lowerPriority(child.pid, 10)).toBe(true);
      expect(getPriority(child.pid)).toBe(Math.min(19, getPriority() + 10));
      expect(lowerPriority(child.pid, 0)).toBe(false);
      expect(lowerPriority(undefined, 3)).toBe(false);
    } finally {
      child.kill();
    }
  });

  it('gives the pipeline and the search index the build’s priority, and Astro a lower one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-steps-'));
    dirs.push(dir);
    const file = join(dir, 'priorities.txt');
    const steps = ['pipeline', 'astro', 'pagefind'].map((name) => reporting(name, file));
    const { ASTRO_NICE: _set, ...env } = process.env;
    expect(await runBuild([], env, steps)).toBe(0);
    const seen = Object.fromEntries(readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(' ')));
    const own = getPriority();
    expect(seen).toEqual({ pipeline: String(own), astro: String(Math.min(19, own + 10)), pagefind: String(own) });
  });

  it('stops at the first step that fails, with its exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-steps-'));
    dirs.push(dir);
    const file = join(dir, 'ran.txt');
    const steps = [reporting('pipeline', file), reporting('astro', file, 3), reporting('pagefind', file)];
    expect(await runBuild([], process.env, steps)).toBe(3);
    expect(readFileSync(file, 'utf8')).not.toContain('pagefind');
  });

  it('turns Node’s compile cache on for every step (Astro’s folder), unless set, turned off, or in CI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-steps-'));
    dirs.push(dir);
    const file = join(dir, 'caches.txt');
    // Each step writes the folder Node compiles its modules into (none: "-").
    const steps = ['pipeline', 'astro', 'pagefind'].map((name) => ({
      name,
      args: ['-e', `require('node:fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(name)} + ' ' + (require('node:module').getCompileCacheDir() ?? '-') + '\\n');`],
    }));
    const { CI: _ci, NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _off, ...env } = process.env;
    expect(await runBuild([], env, steps)).toBe(0);
    const seen = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(' '));
    expect(seen.map(([name]) => name).sort()).toEqual(['astro', 'pagefind', 'pipeline']);
    // Node names a folder of its own version inside the one given.
    for (const [, folder] of seen) expect(folder).toContain(join(tmpdir(), 'node-compile-cache'));

    expect(withCompileCache({ ...env, NODE_COMPILE_CACHE: dir }).NODE_COMPILE_CACHE).toBe(dir);
    expect(withCompileCache({ ...env, CI: 'true' }).NODE_COMPILE_CACHE).toBeUndefined();
    expect(withCompileCache({ ...env, NODE_DISABLE_COMPILE_CACHE: '1' }).NODE_COMPILE_CACHE).toBeUndefined();
  });
});
