/**
 * The header search's engine (public/search-engine/pagefind.js) in front of
 * a stand-in for Pagefind's: searches without a filter never reach an
 * instance that has loaded filters, so they never pay for filter counts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Call {
  instance: number;
  method: string;
  args: unknown[];
}
interface Engine {
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: unknown): Promise<{ results: unknown[]; filters: unknown; totalFilters?: unknown; from: number }>;
}

const FAKE = `
export const calls = [];
let count = 0;
export function createInstance() {
  const instance = count++;
  let loaded = false;
  const record = (method, args) => calls.push({ instance, method, args });
  return {
    options: async (...args) => record('options', args),
    init: async (...args) => record('init', args),
    destroy: async (...args) => record('destroy', args),
    mergeIndex: async (...args) => record('mergeIndex', args),
    preload: async (...args) => record('preload', args),
    filters: async (...args) => { record('filters', args); loaded = true; return { kind: { event: 3, article: 5 } }; },
    search: async (...args) => { record('search', args); return { results: [{ id: 'r' }], filters: loaded ? { kind: { event: 1, article: 0 } } : {}, from: instance }; },
    debouncedSearch: async (...args) => { record('debouncedSearch', args); return { results: [], filters: {}, from: instance }; },
  };
}`;

let engine: Engine;
let calls: Call[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'search-engine-'));
  writeFileSync(join(dir, 'fake-pagefind.mjs'), FAKE);
  const source = readFileSync('public/search-engine/pagefind.js', 'utf8');
  expect(source).toContain("from '../pagefind/pagefind.js'");
  writeFileSync(join(dir, 'engine.mjs'), source.replace("from '../pagefind/pagefind.js'", "from './fake-pagefind.mjs'"));
  const fake = (await import(pathToFileURL(join(dir, 'fake-pagefind.mjs')).href)) as { calls: Call[] };
  const module = (await import(pathToFileURL(join(dir, 'engine.mjs')).href)) as { createInstance(o?: unknown): Engine };
  calls = fake.calls;
  engine = module.createInstance({});
});

describe('the header search engine', () => {
  it('answers a search without filters from the instance that never loads filters, with the archive’s counts', async () => {
    const found = await engine.search('putin', { filters: {} });
    expect(found.from).toBe(0);
    expect(found.filters).toEqual({ kind: { event: 3, article: 5 } });
    expect(found.totalFilters).toEqual(found.filters);
    expect(calls.filter((c) => c.instance === 0 && c.method === 'filters')).toEqual([]);
  });

  it('sends searches with a filter chosen, and listing by filter alone, to the faceted instance', async () => {
    expect((await engine.search('putin', { filters: { kind: ['article'] } })).from).toBe(1);
    expect((await engine.search('putin', { filters: { kind: { any: ['article'] } } })).from).toBe(1);
    expect((await engine.search(null, { filters: {} })).from).toBe(1);
    expect((await engine.search('putin', { filters: { kind: [] } })).from, 'an emptied filter is no filter').toBe(0);
  });

  it('loads the filter values once, and never into the typing instance', async () => {
    await engine.filters();
    await engine.search('kremlin');
    const filterCalls = calls.filter((c) => c.method === 'filters');
    expect(filterCalls.map((c) => c.instance)).toEqual([1]);
  });
});
