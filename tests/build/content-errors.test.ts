/**
 * Bad content stops `astro build` with the editor's messages, all at once,
 * and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** The seed articles and two bad ones, in a content folder of their own. */
function badContent(): string {
  const content = mkdtempSync(join(tmpdir(), 'bad-content-'));
  mkdirSync(join(content, 'articles'));
  for (const f of readdirSync('content/articles')) copyFileSync(join('content/articles', f), join(content, 'articles', f));
  for (const f of ['missing-fields.md', 'bad-date.md']) copyFileSync(join('tests/fixtures/bad', f), join(content, 'articles', f));
  return content;
}

function expectEditorsMessages(output: string): void {
  expect(output).toContain('bad-date.md:4:12: Invalid `published`: expected an ISO 8601 date');
  expect(output).toContain('missing-fields.md:1:1: Missing required field `outlet`, expected the outlet name as text');
  expect(output).toContain('missing-fields.md:3:1: Unexpected field `publshed`, expected `published`');
  expect(output).not.toMatch(/Stack trace|^\s+at .*\.(ts|js):\d+/m);
}

it('fails the build naming each file, line, field and what was expected', () => {
  const out = mkdtempSync(join(tmpdir(), 'bad-dist-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    env: { ...process.env, TIMELINE_CONTENT: badContent() },
    encoding: 'utf8',
  });
  expect(result.status).not.toBe(0);
  expectEditorsMessages(result.stdout + result.stderr);
}, 120_000);

it('fails `npm run build` with the same messages, from the pipeline, and stops Astro beside it', () => {
  const out = mkdtempSync(join(tmpdir(), 'bad-dist-'));
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', out], {
    env: { ...process.env, TIMELINE_CONTENT: badContent() },
    encoding: 'utf8',
  });
  const output = result.stdout + result.stderr;
  expect(result.status).toBe(1);
  expectEditorsMessages(output);
  expect(output).toContain('4 problems in content');
  // Astro was bundling beside the pipeline: it is stopped before any page (pages wait for the pipeline's
  // result), and its own error never shows.
  expect(output).not.toMatch(/page\(s\) built|stopped without a result/);
  expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html'))).toEqual([]);
}, 120_000);
