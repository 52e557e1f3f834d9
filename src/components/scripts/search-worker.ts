/**
 * The header search's worker: Pagefind's engine for some of the index shards,
 * run in a web worker of the site's own (`search-engine.ts` starts one per
 * core, at most one per shard, and gives each its share of the shards).
 * `npm run build` writes this module, types stripped, to
 * `dist/search-engine/worker.js`.
 *
 * Why not Pagefind's own worker: it hands every result to the page with a
 * finalizer, and when the page's garbage collector frees a search's results
 * each one sends the worker a message to release its data, and waits for the
 * answer. At thousands of results a search (an archive, a common word) that
 * is tens of thousands of messages in one go: measured at 5,000 articles, a
 * search that came in then waited 0.4 to 1.3 s. Here the page gets plain
 * results (`id`, `score`; `data()` asks this worker), and the worker keeps
 * the data of its last few searches only.
 *
 * In a worker there is no `window`, so each shard's Pagefind module runs its
 * engine in this thread. Each shard has its own copy of the module (its own
 * WebAssembly memory), imported from the shard's folder. There is no
 * `document` either, so Pagefind cannot read the page's language and opens
 * the index's largest language: right for this one-language site; a site in
 * several languages would need one shard list per language.
 *
 * A search's data is kept for its results' `data()` until KEPT_SEARCHES
 * newer searches per shard have started: a result asked for after that gets
 * `null` (the page shows only the newest search's results).
 *
 * No imports: the file is served as it is, types stripped.
 */

/** One call from the page. `shard` is the shard's place in the shard list. */
export interface WorkerCall {
  id: number;
  shard: number;
  method: 'hello' | 'create' | 'options' | 'init' | 'destroy' | 'filters' | 'preload' | 'search' | 'data';
  args: unknown[];
}

/** The answer to a call: a result, or the error's message. */
export interface WorkerAnswer {
  id: number;
  result?: unknown;
  error?: string;
}

interface EngineResult {
  id: string;
  score: number;
  data(): Promise<unknown>;
}

interface Engine {
  options(options: Record<string, unknown>): Promise<unknown>;
  init(): Promise<unknown>;
  destroy(): Promise<unknown>;
  filters(): Promise<unknown>;
  preload(term: string, options?: Record<string, unknown>): Promise<unknown>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: EngineResult[]; [key: string]: unknown }>;
}

/** A search as the page receives it: `key` names its results for `data`. */
export interface WorkerSearch {
  key: number;
  results: Array<{ id: string; score: number }>;
  [key: string]: unknown;
}

/**
 * How many searches per shard keep their results' data. The page shows one
 * search's results at a time; the others are searches overtaken while typing.
 */
export const KEPT_SEARCHES = 8;

/**
 * The worker's side of the calls, given how to import a shard's Pagefind
 * module (`import()` in the worker; a stand-in in tests).
 */
export function createWorkerHandler(load: (url: string) => Promise<{ createInstance(options: Record<string, unknown>): Engine }>) {
  const engines = new Map<number, Promise<Engine>>();
  /** Results by search key (keys in the order the searches started), with their shard, for `data`. */
  const kept = new Map<number, { shard: number; results: EngineResult[] }>();
  let searches = 0;
  const engineOf = (shard: number): Promise<Engine> => {
    const engine = engines.get(shard);
    if (!engine) throw new Error(`Search index ${shard} was not opened in this worker`);
    return engine;
  };
  return async function handle(call: WorkerCall): Promise<unknown> {
    const [first, second] = call.args;
    switch (call.method) {
      case 'hello':
        return true;
      case 'create': {
        const { path, options } = first as { path: string; options: Record<string, unknown> };
        const made = load(`${path}pagefind.js`).then((module) => module.createInstance({ ...options, basePath: path }));
        engines.set(call.shard, made);
        await made;
        return true;
      }
      case 'data': {
        const result = kept.get(first as number)?.results[second as number];
        return result ? result.data() : null;
      }
      case 'search': {
        // The key is taken when the search starts: the searches dropped first are the oldest
        // started (the page shows the newest), not the first to finish.
        const key = ++searches;
        const found = await (await engineOf(call.shard)).search(first as string | null, second as Record<string, unknown> | undefined);
        kept.set(key, { shard: call.shard, results: found.results });
        while (kept.size > KEPT_SEARCHES * engines.size) kept.delete(Math.min(...kept.keys()));
        const answer: WorkerSearch = { ...found, key, results: found.results.map((r) => ({ id: r.id, score: r.score })) };
        return answer;
      }
      case 'options':
        return (await engineOf(call.shard)).options(first as Record<string, unknown>);
      case 'init':
        return (await engineOf(call.shard)).init();
      case 'destroy': {
        const engine = await engineOf(call.shard);
        engines.delete(call.shard);
        for (const [key, search] of kept) if (search.shard === call.shard) kept.delete(key);
        return engine.destroy();
      }
      case 'filters':
        return (await engineOf(call.shard)).filters();
      case 'preload':
        return (await engineOf(call.shard)).preload(first as string, second as Record<string, unknown> | undefined);
      default:
        throw new Error(`Unknown search call ${String((call as { method: unknown }).method)}`);
    }
  };
}

/** Pagefind's gzipped files: its WebAssembly, the index's metadata, word chunks, fragments and filters. */
const PAGEFIND_GZIPPED = /\.(?:pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/**
 * `fetch` for Pagefind's modules in this worker: a gzipped Pagefind file
 * comes back decompressed by the browser's own gzip (`DecompressionStream`).
 * Pagefind inflates each file it fetches in JavaScript, cold code in each
 * shard's copy of its module, unless it starts with Pagefind's signature
 * (`pagefind_dcd`), which the decompressed file does (as when a server has
 * decompressed it). In a profile of a session's first searches at 5,000
 * articles that inflating was about 100 ms of each worker's 780; with this,
 * opening the six shards and the first search took 489 ms instead of 686
 * (the engine alone, median of eight fresh pages each way, interleaved).
 * Other files, failed answers and browsers without `DecompressionStream`
 * (`Decompression` null) get the response as it came; a Pagefind file that
 * is not gzip (a server decompressed it) or is broken gets its own bytes and
 * status back (Pagefind reports a broken one itself).
 */
export function decompressingFetch(base: typeof fetch, Decompression: typeof DecompressionStream | null = globalThis.DecompressionStream ?? null): typeof fetch {
  if (typeof Decompression !== 'function') return base;
  return async (input, init) => {
    const response = await base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!response.ok || !PAGEFIND_GZIPPED.test(new URL(url, 'http://x/').pathname)) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Pagefind reads a response's `ok` and its bytes only.
    const as = (body: Uint8Array<ArrayBuffer> | ArrayBuffer) => new Response(body, { status: response.status, statusText: response.statusText });
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return as(bytes);
    try {
      return as(await new Response(new Blob([bytes]).stream().pipeThrough(new Decompression('gzip'))).arrayBuffer());
    } catch {
      // Pagefind inflates it itself, and says what is wrong with it.
      return as(bytes);
    }
  };
}

interface WorkerScope {
  postMessage(message: WorkerAnswer): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerCall }) => void): void;
  fetch: typeof fetch;
}

// Started as a worker (no `window`, a `WorkerGlobalScope`): answer the page's calls.
const scope = globalThis as unknown as WorkerScope & { WorkerGlobalScope?: unknown };
if (typeof scope.WorkerGlobalScope !== 'undefined') {
  // Pagefind's modules fetch with the global `fetch`.
  scope.fetch = decompressingFetch(scope.fetch.bind(scope));
  const handle = createWorkerHandler((url) => import(/* @vite-ignore */ url));
  scope.addEventListener('message', (event) => {
    const call = event.data;
    handle(call).then(
      (result) => scope.postMessage({ id: call.id, result }),
      (error: unknown) => scope.postMessage({ id: call.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
