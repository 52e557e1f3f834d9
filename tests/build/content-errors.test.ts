/**
 * Bad content stops `astro build` with the editor's messages, all at once,
 * and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('fails the build naming each file, line, field and what was expected', () => {
  const content = mkdtempSync(join(tmpdir(), 'bad-content-'));
  mkdirSync(join(content, 'articles'));
  for (const f of readdirSync('content/articles')) copyFileSync(join('content/articles', f), join(content, 'articles', f));
  for (const f of ['missing-fields.md', 'bad-date.md']) copyFileSync(join('tests/fixtures/bad', f), join(content, 'articles', f));
  const out = mkdtempSync(join(tmpdir(), 'bad-dist-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    env: { ...process.env, TIMELINE_CONTENT: content },
    encoding: 'utf8',
  });
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toContain('bad-date.md:4:12: Invalid `published`: expected an ISO 8601 date');
  expect(output).toContain('missing-fields.md:1:1: Missing required field `outlet`, expected the outlet name as text');
  expect(output).toContain('missing-fields.md:3:1: Unexpected field `publshed`, expected `published`');
  expect(output).not.toMatch(/Stack trace|^\s+at .*\.(ts|js):\d+/m);
}, 120_000);
