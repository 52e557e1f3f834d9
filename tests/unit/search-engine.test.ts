/**
 * The header search's engine (src/components/scripts/search-engine.ts) over
 * stand-ins for Pagefind's modules, one per shard: the shards' answers merge
 * by score, or shard after shard when sorted by date; filter values come from
 * the shard list, so opening search loads no filter data.
 */
import { describe, expect, it } from 'vitest';
import {
  addCounts,
  createEngine,
  mergeSearches,
  type PagefindInstance,
  type PagefindModule,
  type PagefindResult,
  type PagefindSearch,
} from '../../src/components/scripts/search-engine.ts';

interface Made {
  basePath: string;
  calls: string[];
}

/** A stand-in for Pagefind: each shard's module makes instances holding results with fixed scores. */
function fakeShards(shards: Record<string, Array<{ id: string; score: number }>>) {
  const made: Made[] = [];
  const moduleFor = (path: string): PagefindModule => ({
    createInstance(options) {
      const record: Made = { basePath: String(options.basePath), calls: [] };
      expect(record.basePath).toBe(path);
      made.push(record);
      const results = shards[path]!.map((r) => ({ ...r, data: async () => ({ url: r.id }) }) as PagefindResult);
      const instance: PagefindInstance = {
        options: async () => record.calls.push('options'),
        init: async () => record.calls.push('init'),
        destroy: async () => record.calls.push('destroy'),
        preload: async () => record.calls.push('preload'),
        filters: async () => {
          record.calls.push('filters');
          return {};
        },
        search: async (term, options) => {
          record.calls.push(`search:${term}`);
          const found: PagefindSearch = { results, unfilteredResultCount: results.length };
          // Like Pagefind: counts only for the filters a search has used (their data is then loaded).
          if (options?.filters?.kind) found.filters = { kind: { event: 1, article: 0 } };
          return found;
        },
      };
      return instance;
    },
  });
  const paths = Object.keys(shards);
  const list = {
    shards: paths.map((path, i) => ({ key: `k${i}`, path, pages: shards[path]!.length })),
    filters: { kind: { event: 40, article: 20 }, outlet: { Reuters: 12 } },
  };
  let loads = 0;
  const engine = createEngine(async () => {
    loads++;
    return { modules: paths.map(moduleFor), shards: list };
  });
  return { made, engine, loads: () => loads };
}

const SHARDS = {
  '/pagefind/shards/2025-Q1/': [
    { id: 'old-a', score: 5 },
    { id: 'old-b', score: 1 },
  ],
  '/pagefind/shards/2025-Q2/': [
    { id: 'new-a', score: 3 },
    { id: 'new-b', score: 2 },
  ],
};
const ids = (found: PagefindSearch) => found.results.map((r) => r.id);

/** An instance with no results. */
function emptyInstance(): PagefindInstance {
  const none = async () => undefined;
  return { options: none, init: none, destroy: none, preload: none, filters: async () => ({}), search: async () => ({ results: [] }) };
}

describe('the header search engine', () => {
  it('searches every shard with its own instance and merges the answers by score', async () => {
    const { made, engine } = fakeShards(SHARDS);
    const found = await engine.search('putin', { filters: {} });
    expect(ids(found)).toEqual(['old-a', 'new-a', 'new-b', 'old-b']);
    expect(found.unfilteredResultCount).toBe(4);
    expect(made.map((m) => m.basePath)).toEqual(Object.keys(SHARDS));
  });

  it('merges date-sorted results shard after shard, the shards being consecutive spans of time', async () => {
    const { engine } = fakeShards(SHARDS);
    expect(ids(await engine.search('putin', { sort: { date: 'asc' } }))).toEqual(['old-a', 'old-b', 'new-a', 'new-b']);
    expect(ids(await engine.search('putin', { sort: { date: 'desc' } }))).toEqual(['new-a', 'new-b', 'old-a', 'old-b']);
  });

  it('lists filter values from the shard list, loading no filter data, and counts a used filter within the results', async () => {
    const { made, engine } = fakeShards(SHARDS);
    expect(await engine.filters()).toEqual({ kind: { event: 40, article: 20 }, outlet: { Reuters: 12 } });
    const filtered = await engine.search('putin', { filters: { kind: ['event'] } });
    expect(filtered.filters).toEqual({ kind: { event: 2, article: 0 }, outlet: { Reuters: 12 } });
    const plain = await engine.search('putin');
    expect(plain.filters).toEqual({ kind: { event: 40, article: 20 }, outlet: { Reuters: 12 } });
    expect(made.flatMap((m) => m.calls).filter((c) => c === 'filters')).toEqual([]);
  });

  it('leaves out counts the filter lists already show, so the Component UI does not redraw them', async () => {
    const { engine } = fakeShards(SHARDS);
    const totals = { kind: { event: 40, article: 20 }, outlet: { Reuters: 12 } };
    expect((await engine.search('a')).filters).toEqual(totals);
    // The same counts again: none, and the results all the same.
    const again = await engine.search('b');
    expect(again.filters).toEqual({});
    expect(again.totalFilters).toEqual({});
    expect(ids(again)).toEqual(['old-a', 'new-a', 'new-b', 'old-b']);
    // Filtering changes them; searching without the filter brings the archive's back.
    expect((await engine.search('b', { filters: { kind: ['event'] } })).filters?.kind).toEqual({ event: 2, article: 0 });
    expect((await engine.search('b')).filters).toEqual(totals);
    // Emptying the box shows `filters()`'s counts: a search with those has nothing new.
    await engine.search('c', { filters: { kind: ['event'] } });
    expect(await engine.filters()).toEqual(totals);
    expect((await engine.search('c')).filters).toEqual({});
  });

  it('loads every shard’s WebAssembly and metadata at init, before any search (opening the dialog calls it)', async () => {
    const { made, engine } = fakeShards(SHARDS);
    await engine.init();
    expect(made.map((m) => m.calls)).toEqual([['init'], ['init']]);
    await engine.search('putin');
    expect(made.map((m) => m.calls)).toEqual([
      ['init', 'search:putin'],
      ['init', 'search:putin'],
    ]);
  });

  it('loads the shards once, however many calls come at once', async () => {
    const { made, engine, loads } = fakeShards(SHARDS);
    await Promise.all([engine.filters(), engine.search('a'), engine.search('b'), engine.init()]);
    expect(loads()).toBe(1);
    expect(made).toHaveLength(2);
  });

  it('tries loading again after a failure instead of keeping it', async () => {
    let attempts = 0;
    const engine = createEngine(async () => {
      attempts++;
      if (attempts === 1) throw new Error('network down');
      const module: PagefindModule = { createInstance: () => emptyInstance() };
      return { modules: [module], shards: { shards: [{ key: 'k', path: '/p/', pages: 0 }] } };
    });
    await expect(engine.search('a')).rejects.toThrow('network down');
    expect((await engine.search('a')).results).toEqual([]);
    expect(attempts).toBe(2);
  });

  it('takes only the newest search’s answer as what the lists show: an overtaken answer keeps its counts', async () => {
    // Each search waits for the test to let it answer.
    const gates: Array<() => void> = [];
    const instance: PagefindInstance = {
      ...emptyInstance(),
      search: () => new Promise<PagefindSearch>((resolve) => gates.push(() => resolve({ results: [] }))),
    };
    const totals = { kind: { event: 1 } };
    const engine = createEngine(async () => ({
      modules: [{ createInstance: () => instance }],
      shards: { shards: [{ key: 'k', path: '/p/', pages: 0 }], filters: totals },
    }));
    await engine.init();
    const until = async (n: number) => {
      while (gates.length < n) await new Promise((resolve) => setTimeout(resolve));
    };
    // "puti" then "putin" while typing: "puti" answers first, and the Component UI drops it.
    const puti = engine.search('puti');
    const putin = engine.search('putin');
    await until(2);
    gates[0]!();
    expect((await puti).filters).toEqual(totals);
    gates[1]!();
    expect((await putin).filters).toEqual(totals);
    // Now the lists show these: the same counts again are left out.
    const again = engine.search('putin ');
    await until(3);
    gates[2]!();
    expect((await again).filters).toEqual({});
  });

  it('loads the shards again at the next search once what they ran in is lost (a worker failed)', async () => {
    let loads = 0;
    let lose: () => void = () => undefined;
    const engine = createEngine(async () => {
      loads++;
      const module: PagefindModule = { createInstance: () => emptyInstance() };
      return { modules: [module], shards: { shards: [{ key: 'k', path: '/p/', pages: 0 }] }, lost: new Promise<void>((resolve) => (lose = resolve)) };
    });
    await engine.search('a');
    await engine.search('b');
    expect(loads).toBe(1);
    lose();
    await new Promise((resolve) => setTimeout(resolve));
    await engine.search('c');
    expect(loads).toBe(2);
  });

  it('merges by score for any sort key but the date', async () => {
    const { engine } = fakeShards(SHARDS);
    expect(ids(await engine.search('putin', { sort: { title: 'asc' } }))).toEqual(['old-a', 'new-a', 'new-b', 'old-b']);
  });

  it('adds counts up, and merges no shards into an empty answer', () => {
    expect(addCounts([{ a: { x: 1 } }, undefined, { a: { x: 2, y: 1 } }])).toEqual({ a: { x: 3, y: 1 } });
    expect(mergeSearches([], {}).results).toEqual([]);
  });
});
