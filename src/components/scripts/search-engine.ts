/**
 * The search engine the header search runs on: Pagefind's, over the site's
 * index shards (by quarter or half-year, see scripts/lib/shards.ts), with filter counts
 * kept off the typing path. Pagefind's Component UI loads it as its bundle
 * (`<pagefind-config bundle-path="/search-engine/">`): `npm run build` writes
 * this module, types stripped, to `dist/search-engine/pagefind.js`; it reads
 * the shard list, `/pagefind/shards.json`, next to Pagefind's bundle.
 *
 * Two things Pagefind alone does not do at an archive's scale:
 *
 * - Shards. One index over thousands of pages needs more memory to build than
 *   a CI machine has, and is rebuilt whole for one new article. Each shard is
 *   searched by its own Pagefind instance and the answers are merged: by
 *   score, or, sorted by date, shard after shard (the shards are consecutive
 *   spans of time; Pagefind's own `mergeIndex` re-sorts every merge by score).
 * - Filter counts. Once an instance has loaded a filter's data, every search
 *   also counts, for each of its values, the matching pages that carry it,
 *   with a scan that grows with the square of the index (about 300 ms of a
 *   350 ms search at 5,000 articles, in one index, in Pagefind 1.6). The
 *   filter values and their archive-wide counts come with the shard list, so
 *   no filter data is loaded until a reader filters, and then only that
 *   filter's, in shards a sixth the size.
 *
 * No imports: the file is served as it is, types stripped.
 */

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<unknown>;
  [key: string]: unknown;
}

type Counts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount?: number;
  filters?: Counts;
  totalFilters?: Counts;
  timings?: unknown[];
  [key: string]: unknown;
}

export interface SearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, string>;
  [key: string]: unknown;
}

export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<unknown>;
  init(): Promise<unknown>;
  destroy(): Promise<unknown>;
  filters(): Promise<Counts>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  preload(term: string, options?: SearchOptions): Promise<unknown>;
}

export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** `/pagefind/shards.json`: the index shards, oldest first, and the archive's filter values with their counts. */
export interface ShardList {
  /** `hash` changes whenever the shard's pages do (the build uses it to keep a shard in place). */
  shards: Array<{ key: string; path: string; pages: number; hash?: string }>;
  filters?: Counts;
}

/** Counts of several shards, added up. */
export function addCounts(all: Array<Counts | undefined>): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** One answer from the shards' answers, in shard order (oldest first). */
export function mergeSearches(searches: PagefindSearch[], options: SearchOptions | undefined): PagefindSearch {
  // Only the date follows the shards' order; any other sort key is merged by score.
  const direction = options?.sort?.date;
  let results: PagefindResult[];
  if (direction === 'asc' || direction === 'desc') {
    // Each shard is sorted; the shards are consecutive spans of time.
    const ordered = direction === 'asc' ? searches : [...searches].reverse();
    results = ordered.flatMap((s) => s.results);
  } else {
    // Best match first; among equal scores, the newer shard.
    results = searches
      .flatMap((s, shard) => s.results.map((result) => ({ result, shard })))
      .sort((a, b) => b.result.score - a.result.score || b.shard - a.shard)
      .map((r) => r.result);
  }
  return {
    ...searches[0],
    results,
    unfilteredResultCount: searches.reduce((n, s) => n + (s.unfilteredResultCount ?? s.results.length), 0),
    filters: addCounts(searches.map((s) => s.filters)),
    totalFilters: addCounts(searches.map((s) => s.totalFilters)),
    timings: searches.flatMap((s) => s.timings ?? []),
  };
}

/** What the engine runs on: Pagefind's own module, loaded once per shard (see createInstance), and the shard list. */
export interface LoadedShards {
  /** One Pagefind module per shard, in shard order. */
  modules: PagefindModule[];
  shards: ShardList;
  /** Settles if what the modules run in is lost (a worker failed): the next search loads them again. */
  lost?: Promise<unknown>;
}

/**
 * The engine, given how to load a Pagefind module per shard. Instances are
 * made at the first search (or `init()`); filter values come from the shard
 * list, so opening search loads no filter data.
 */
export function createEngine(load: () => Promise<LoadedShards>, instanceOptions: Record<string, unknown> = {}) {
  let made: Promise<{ instances: PagefindInstance[]; totals: Counts }> | undefined;
  const settings: Array<Record<string, unknown>> = [];
  const ready = () =>
    (made ??= load()
      .then(async ({ modules, shards, lost }) => {
        const current = made;
        void lost?.then(() => {
          if (made === current) made = undefined;
        });
        const instances = shards.shards.map((shard, i) => modules[i]!.createInstance({ ...instanceOptions, basePath: shard.path }));
        for (const options of settings) await Promise.all(instances.map((i) => i.options(options)));
        // Each shard's WebAssembly and index metadata now, not at the first search: opening the
        // dialog starts this, so the reader's first query finds the engine ready.
        await Promise.all(instances.map((i) => i.init()));
        return { instances, totals: shards.filters ?? {} };
      })
      .catch((error: unknown) => {
        // A failed load (the network, say) is tried again at the next search, not kept.
        made = undefined;
        throw error;
      }));
  const search = async (term: string | null, options: SearchOptions = {}): Promise<PagefindSearch> => {
    const call = ++calls;
    const { instances, totals } = await ready();
    const merged = mergeSearches(await Promise.all(instances.map((i) => i.search(term, options))), options);
    // Counts of the filters a search has used are within its results; the others are the archive's.
    const filters = { ...totals, ...merged.filters };
    const totalFilters = { ...totals, ...merged.totalFilters };
    // The Component UI redraws every filter list for each answer that carries counts; counts
    // the lists already show are left out (an answer without them leaves the lists as they are).
    // Only the newest call's answer is one the Component UI shows: an overtaken one keeps its
    // counts, and what the lists show is then not known for sure until the next answer.
    if (call !== calls) {
      shown = undefined;
      return { ...merged, filters, totalFilters };
    }
    const counts = JSON.stringify([filters, totalFilters]);
    if (counts === shown) return { ...merged, filters: {}, totalFilters: {} };
    shown = counts;
    return { ...merged, filters, totalFilters };
  };
  /** The counts the Component UI was last given, by the newest search or by `filters()` (it shows those when the box is emptied). */
  let shown: string | undefined;
  /** Searches and `filters()` calls so far, in the order the Component UI made them. */
  let calls = 0;
  let latest = 0;
  return {
    async options(options: Record<string, unknown>) {
      settings.push(options);
      if (made) await Promise.all((await made).instances.map((i) => i.options(options)));
    },
    async init() {
      await ready();
    },
    async destroy() {
      if (made) await Promise.all((await made).instances.map((i) => i.destroy()));
      made = undefined;
    },
    async mergeIndex() {
      throw new Error('The site search merges its own shards; mergeIndex is not supported');
    },
    async filters() {
      // The Component UI asks for these when the box is emptied, after the search that emptied
      // it started; it shows them whatever else has answered since.
      calls++;
      const { totals } = await ready();
      shown = JSON.stringify([totals, totals]);
      return totals;
    },
    search,
    async preload(term: string, options: SearchOptions = {}) {
      await Promise.all((await ready()).instances.map((i) => i.preload(term, options)));
    },
    async debouncedSearch(term: string, options: SearchOptions = {}, debounceMs = 300) {
      const id = ++latest;
      await new Promise((resolve) => setTimeout(resolve, debounceMs));
      if (id !== latest) return null;
      const found = await search(term, options);
      return id === latest ? found : null;
    },
  };
}

/** Shards to workers, by pages: the largest first, each to the worker with the fewest so far. */
export function assignShards(pages: number[], workers: number): number[] {
  const load = Array.from({ length: Math.max(1, workers) }, () => 0);
  const assigned = pages.map(() => 0);
  const order = pages.map((_, i) => i).sort((a, b) => pages[b]! - pages[a]! || a - b);
  for (const shard of order) {
    const worker = load.indexOf(Math.min(...load));
    assigned[shard] = worker;
    load[worker]! += pages[shard]!;
  }
  return assigned;
}

/** What the page needs of a worker (a `Worker`; a stand-in in tests). */
export interface WorkerPort {
  postMessage(message: { id: number; shard: number; method: string; args: unknown[] }): void;
  addEventListener(type: 'message', listener: (event: { data: { id: number; result?: unknown; error?: string } }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/**
 * Pagefind modules, one per shard, that run in the given workers (see
 * search-worker.ts): each shard goes to one worker, the shards spread by
 * pages. Results come back as plain objects whose `data()` asks the worker.
 * `ready` settles once every worker has answered (and fails if one cannot
 * start); `lost`, when a worker fails; `close` fails what the workers owe,
 * before they are terminated.
 */
export function workerModules(
  shards: ShardList['shards'],
  ports: WorkerPort[],
): { modules: PagefindModule[]; ready: Promise<unknown>; lost: Promise<Error>; close(error: Error): void } {
  const assigned = assignShards(
    shards.map((s) => s.pages),
    ports.length,
  );
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; port: WorkerPort }>();
  /** Workers that failed, and why: a call to one fails at once instead of waiting for an answer that never comes. */
  const failed = new Map<WorkerPort, Error>();
  let lose: (error: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (lose = resolve));
  for (const port of ports) {
    port.addEventListener('message', ({ data }) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      pending.delete(data.id);
      if (data.error !== undefined) waiting.reject(new Error(data.error));
      else waiting.resolve(data.result);
    });
    // A worker that fails (its script, say, or its memory) fails every call it still owes.
    port.addEventListener('error', (event) => {
      fail(port, new Error(`Search worker failed${event.message ? `: ${event.message}` : ''}`));
      lose(failed.get(port)!);
    });
  }
  function fail(port: WorkerPort, error: Error): void {
    failed.set(port, error);
    for (const [id, waiting] of pending) {
      if (waiting.port !== port) continue;
      pending.delete(id);
      waiting.reject(error);
    }
  }
  let next = 0;
  const send = (port: WorkerPort, shard: number, method: string, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const error = failed.get(port);
      if (error) return reject(error);
      const id = ++next;
      pending.set(id, { resolve, reject, port });
      port.postMessage({ id, shard, method, args });
    });
  const call = (shard: number, method: string, ...args: unknown[]) => send(ports[assigned[shard]!]!, shard, method, args);
  const ready = Promise.all(ports.map((port) => send(port, -1, 'hello', [])));
  const modules = shards.map((_, shard) => ({
    createInstance(options: Record<string, unknown>): PagefindInstance {
      const { basePath, ...rest } = options;
      const created = call(shard, 'create', { path: basePath, options: rest });
      const after = async (method: string, ...args: unknown[]) => {
        await created;
        return call(shard, method, ...args);
      };
      return {
        options: (o) => after('options', o),
        init: () => after('init'),
        destroy: () => after('destroy'),
        filters: async () => (await after('filters')) as Counts,
        preload: (term, o) => after('preload', term, o),
        async search(term, o) {
          const found = (await after('search', term, o)) as PagefindSearch & { key: number; results: Array<{ id: string; score: number }> };
          const { key, ...search } = found;
          return { ...search, results: found.results.map((r, index) => ({ ...r, data: () => call(shard, 'data', key, index) })) };
        },
      };
    },
  }));
  // Before the workers are terminated: every call they owe, and every later one (a result's
  // `data()` still on screen, say), fails instead of waiting for an answer that never comes.
  const close = (error: Error) => {
    for (const port of ports) if (!failed.has(port)) fail(port, error);
  };
  return { modules, ready, lost, close };
}

/**
 * The Component UI's entry point: the engine over the shards listed next to
 * Pagefind's bundle, run in workers of the site's own (search-worker.ts), one
 * per core and at most one per shard. Where a module worker cannot start, each
 * shard's own copy of Pagefind's module is imported here instead, and runs in
 * Pagefind's worker (each shard a worker of its own: Pagefind keeps its
 * WebAssembly module in one global per module, and two indexes loaded into one
 * would overwrite each other's memory).
 */
export function createInstance(instanceOptions: Record<string, unknown> = {}) {
  const base = new URL('../pagefind/', import.meta.url);
  /** The workers running now, and how to fail what they owe before they are terminated. */
  let running: { workers: Worker[]; close(error: Error): void } | undefined;
  const stop = (reason: string) => {
    running?.close(new Error(reason));
    for (const worker of running?.workers ?? []) worker.terminate();
    running = undefined;
  };
  const engine = createEngine(async () => {
    // A load tried again (after a failure) starts from no workers.
    stop('Search restarted');
    // Revalidated: after a deploy that adds a quarter, a cached list would leave its shard unsearched.
    const response = await fetch(new URL('shards.json', base), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`Could not load the search index list (${response.status})`);
    const list = (await response.json()) as ShardList;
    const shards = list.shards.map((s) => ({ ...s, path: new URL(s.path, base).pathname }));
    const loaded = { ...list, shards };
    try {
      const count = Math.max(1, Math.min(shards.length, navigator.hardwareConcurrency || 2));
      const workers: Worker[] = [];
      running = { workers, close: () => undefined };
      for (let i = 0; i < count; i++) workers.push(new Worker(new URL('worker.js', import.meta.url), { type: 'module' }));
      const { modules, ready, lost, close } = workerModules(shards, workers);
      running.close = close;
      // A worker that neither starts nor fails (its script stalled) must not hold search up for good.
      await within(ready, WORKER_START_MS, 'Search workers did not start');
      // A worker lost later takes the others with it: the next search starts them all again.
      const started = running;
      void lost.then(() => {
        if (running === started) stop('Search worker lost');
      });
      return { modules, shards: loaded, lost };
    } catch {
      stop('Search workers did not start');
      const modules = await Promise.all(shards.map((s) => import(/* @vite-ignore */ `${s.path}pagefind.js`) as Promise<PagefindModule>));
      return { modules, shards: loaded };
    }
  }, instanceOptions);
  return {
    ...engine,
    async destroy() {
      await engine.destroy();
      stop('Search closed');
    },
  };
}

/** How long the workers have to answer their first call before Pagefind's own workers are used instead. */
const WORKER_START_MS = 10_000;

/** `promise`, or a failure after `ms`; the timer is cleared either way, and a late failure is handled. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
