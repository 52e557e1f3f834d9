/**
 * The pipeline's result handed to the Astro build started beside it
 * (`npm run build`): Astro's loader waits for it while the pipeline runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handedOver, handOff, PIPELINE_PID, PIPELINE_RESULT, pipelineBeside } from '../../src/loaders/handoff.ts';

const dir = mkdtempSync(join(tmpdir(), 'handoff-'));

describe('the pipeline’s handoff to Astro', () => {
  it('is nothing to wait for outside `npm run build`', async () => {
    expect(pipelineBeside({})).toBe(false);
    expect(pipelineBeside({ [PIPELINE_RESULT]: join(dir, 'r.json') })).toBe(false);
    expect(pipelineBeside({ [PIPELINE_RESULT]: join(dir, 'r.json'), [PIPELINE_PID]: '123' })).toBe(true);
    expect(await handedOver({})).toBeUndefined();
    handOff('site.ndjson', {});
  });

  it('waits while the pipeline runs, and gives its site data', async () => {
    const file = join(dir, 'result.json');
    const env = { [PIPELINE_RESULT]: file, [PIPELINE_PID]: String(process.pid) };
    let settled = false;
    const waiting = handedOver(env, 5).then((value) => ((settled = true), value));
    await new Promise((done) => setTimeout(done, 50));
    expect(settled).toBe(false);
    handOff('cache/site/key.ndjson', env);
    expect(await waiting).toBe('cache/site/key.ndjson');
  });

  it('gives nothing when the content has errors, or when the pipeline ended without a result', async () => {
    const errors = join(dir, 'errors.json');
    handOff(undefined, { [PIPELINE_RESULT]: errors });
    expect(await handedOver({ [PIPELINE_RESULT]: errors, [PIPELINE_PID]: String(process.pid) })).toBeUndefined();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 100)']);
    const waiting = handedOver({ [PIPELINE_RESULT]: join(dir, 'never.json'), [PIPELINE_PID]: String(child.pid) }, 5);
    expect(await waiting).toBeUndefined();
  });
});
