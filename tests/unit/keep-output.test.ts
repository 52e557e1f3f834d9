/**
 * Keeping the output folder between builds (src/integrations/keep-output.ts):
 * which files a build leaves behind as stale, and which pages' files it kept.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOutput, pageFile, staleFiles, unchangedSince } from '../../src/integrations/keep-output.ts';

describe('keeping the output folder', () => {
  it('maps page paths to their files as `build.format: directory` writes them', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('/events/a/')).toBe('events/a/index.html');
    expect(pageFile('events/a')).toBe('events/a/index.html');
    expect(pageFile('/404')).toBe('404.html');
  });

  it('finds stale files: there before, untouched, and not a page this build kept', () => {
    // [size, modification time]: a file the build wrote has a new time.
    const untouched: [number, number] = [10, 1];
    const written: [number, number] = [10, 2];
    const before = { 'index.html': untouched, 'events/kept/index.html': untouched, 'events/gone/index.html': untouched, 'events.json': untouched, '_astro/old.js': untouched };
    const after = { ...before, 'index.html': written, 'events.json': written, 'events/new/index.html': written, '_astro/new.js': written };
    expect(staleFiles(before, after, ['/', '/events/kept/', '/events/new/'])).toEqual(['_astro/old.js', 'events/gone/index.html']);
    // A first build (nothing trusted before it) leaves nothing stale.
    expect(staleFiles({}, after, [])).toEqual([]);
  });

  it('trusts a folder whose recorded pages are unchanged, whatever else a stopped bundle wrote', () => {
    const record = { 'index.html': [10, 1] as [number, number], 'events/a/index.html': [8, 1] as [number, number], '_astro/a.js': [5, 1] as [number, number], 'favicon.svg': [3, 1] as [number, number] };
    expect(unchangedSince(record, { ...record })).toBe(true);
    // A build stopped while bundling (content with errors) rewrote its bundle and public/, added files, and wrote no page.
    expect(unchangedSince(record, { ...record, '_astro/a.js': [5, 2], 'favicon.svg': [3, 2], '_astro/b.js': [7, 2], '.prerender/entry.mjs': [9, 2] })).toBe(true);
    // A page rewritten (a build stopped while rendering, or a hand) or gone: not the last build's folder.
    expect(unchangedSince(record, { ...record, 'index.html': [10, 2] })).toBe(false);
    expect(unchangedSince(record, { ...record, 'events/a/index.html': [9, 1] })).toBe(false);
    const { 'events/a/index.html': _gone, ...withoutPage } = record;
    expect(unchangedSince(record, withoutPage)).toBe(false);
  });

  it('lists files with their sizes and times, leaving out the search step’s folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keep-output-'));
    mkdirSync(join(dir, 'events', 'a'), { recursive: true });
    mkdirSync(join(dir, 'pagefind'), { recursive: true });
    mkdirSync(join(dir, 'search-engine'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'home');
    writeFileSync(join(dir, 'events', 'a', 'index.html'), 'event');
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), 'x');
    writeFileSync(join(dir, 'search-engine', 'pagefind.js'), 'y');
    const listing = listOutput(dir);
    expect(Object.keys(listing).sort()).toEqual(['events/a/index.html', 'index.html']);
    expect(listing['index.html']![0]).toBe(4);
    expect(listOutput(join(dir, 'missing'))).toEqual({});
  });
});
