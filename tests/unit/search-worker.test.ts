/**
 * The header search's workers (src/components/scripts/search-worker.ts) and
 * the page's side of them (`workerModules` in search-engine.ts), joined by an
 * in-process stand-in for `postMessage`: each shard opens in one worker, the
 * shards spread by pages; results reach the page as plain objects whose
 * `data()` asks the worker; a worker keeps only its last searches' data.
 */
import { describe, expect, it } from 'vitest';
import { assignShards, createEngine, within, workerModules, type WorkerPort } from '../../src/components/scripts/search-engine.ts';
import { gzipSync } from 'node:zlib';
import { createWorkerHandler, decompressingFetch, KEPT_SEARCHES, type WorkerAnswer, type WorkerCall } from '../../src/components/scripts/search-worker.ts';

/** A stand-in for Pagefind's module in a shard's folder: results `<folder>:<term>:<n>` with data naming them. */
function fakePagefind(imported: string[]) {
  return async (url: string) => {
    imported.push(url);
    return {
      createInstance(options: Record<string, unknown>) {
        const base = String(options.basePath);
        return {
          options: async () => true,
          init: async () => true,
          destroy: async () => true,
          filters: async () => ({}),
          preload: async () => true,
          search: async (term: string | null) => {
            if (term === 'fail') throw new Error('index chunk missing');
            if (term === 'never') return new Promise<never>(() => undefined);
            return {
              unfilteredResultCount: 2,
              results: [1, 2].map((n) => ({ id: `${base}:${term}:${n}`, score: n, words: [n], data: async () => ({ url: `${base}${term}/${n}` }) })),
            };
          },
        };
      },
    };
  };
}

/** A worker in this process: calls answered asynchronously, like `postMessage`. */
function fakeWorker(imported: string[]) {
  const handle = createWorkerHandler(fakePagefind(imported));
  const listeners: { message: Array<(event: { data: WorkerAnswer }) => void>; error: Array<(event: { message?: string }) => void> } = { message: [], error: [] };
  const calls: WorkerCall[] = [];
  const port: WorkerPort & { calls: WorkerCall[]; fail(message: string): void } = {
    calls,
    postMessage(message) {
      const call = structuredClone(message) as WorkerCall;
      calls.push(call);
      handle(call).then(
        (result) => setTimeout(() => listeners.message.forEach((l) => l({ data: structuredClone({ id: call.id, result }) }))),
        (error: Error) => setTimeout(() => listeners.message.forEach((l) => l({ data: { id: call.id, error: error.message } }))),
      );
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    fail(message) {
      listeners.error.forEach((l) => l({ message }));
    },
  };
  return port;
}

const SHARDS = [
  { key: '2025-Q1', path: '/pagefind/shards/2025-Q1/', pages: 1600 },
  { key: '2025-Q2', path: '/pagefind/shards/2025-Q2/', pages: 500 },
  { key: '2025-05', path: '/pagefind/shards/2025-05/', pages: 350 },
  { key: 'earlier', path: '/pagefind/shards/earlier/', pages: 20 },
];

describe('search workers', () => {
  it('spread the shards by pages, the largest first to the least loaded worker', () => {
    expect(assignShards([17, 510, 1646, 1608, 1651, 507, 352], 2)).toEqual([0, 0, 1, 1, 0, 0, 0]);
    expect(assignShards([5, 5, 5], 1)).toEqual([0, 0, 0]);
    expect(assignShards([3, 2, 1], 5)).toEqual([0, 1, 2]);
  });

  it('open each shard in one worker, from its own folder, and search them all through the engine', async () => {
    const imported: string[] = [];
    const ports = [fakeWorker(imported), fakeWorker(imported)];
    const { modules, ready } = workerModules(SHARDS, ports);
    await expect(ready).resolves.toEqual([true, true]);
    const engine = createEngine(async () => ({ modules, shards: { shards: SHARDS } }));
    const found = await engine.search('putin');
    expect(imported.sort()).toEqual(SHARDS.map((s) => `${s.path}pagefind.js`).sort());
    // The largest shard alone in one worker, the three others in the other.
    const opened = ports.map((p) => p.calls.filter((c) => c.method === 'create').map((c) => c.shard));
    expect(opened).toEqual([[0], [1, 2, 3]]);
    expect(found.results).toHaveLength(8);
    expect(found.unfilteredResultCount).toBe(8);
    // Plain results: an id, a score and `data()`; nothing else crosses from the worker.
    const best = found.results[0]!;
    expect(Object.keys(best).sort()).toEqual(['data', 'id', 'score']);
    expect(best.score).toBe(2);
    await expect(best.data()).resolves.toEqual({ url: `${best.id.split(':')[0]}putin/2` });
  });

  it('keep the data of the last searches of every shard a worker holds, and return nothing for older ones', async () => {
    const shards = SHARDS.slice(0, 3);
    // One worker holds three shards.
    const { modules } = workerModules(shards, [fakeWorker([])]);
    const instances = shards.map((s, i) => modules[i]!.createInstance({ basePath: s.path }));
    const rounds = [];
    for (let i = 0; i <= KEPT_SEARCHES; i++) rounds.push(await Promise.all(instances.map((instance) => instance.search(`q${i}`))));
    // KEPT_SEARCHES + 1 searches of each shard: the first is gone, the second still there.
    for (const found of rounds[0]!) await expect(found.results[0]!.data()).resolves.toBeNull();
    for (const [i, found] of rounds[1]!.entries()) await expect(found.results[1]!.data()).resolves.toEqual({ url: `${shards[i]!.path}q1/2` });
  });

  it('return a failed call as a rejection, and fail every waiting call when a worker fails', async () => {
    const port = fakeWorker([]);
    const other = fakeWorker([]);
    const { modules, lost, close } = workerModules(SHARDS.slice(0, 2), [port, other]);
    const [instance, elsewhere] = SHARDS.slice(0, 2).map((s, i) => modules[i]!.createInstance({ basePath: s.path }));
    await expect(instance!.search('fail')).rejects.toThrow('index chunk missing');
    const waiting = instance!.search('never');
    const waitingElsewhere = elsewhere!.search('b');
    await new Promise((resolve) => setTimeout(resolve));
    port.fail('script error');
    await expect(waiting).rejects.toThrow('Search worker failed: script error');
    expect((await lost).message).toBe('Search worker failed: script error');
    // Calls to the failed worker fail at once; the other worker's go on.
    await expect(instance!.search('again')).rejects.toThrow('Search worker failed');
    expect((await waitingElsewhere).results).toHaveLength(2);
    // Closed before the workers are terminated: what the others owe fails too, now and later.
    const owed = elsewhere!.search('never');
    await new Promise((resolve) => setTimeout(resolve));
    close(new Error('Search worker lost'));
    await expect(owed).rejects.toThrow('Search worker lost');
    await expect(elsewhere!.search('later')).rejects.toThrow('Search worker lost');
  });

  it('give up on workers that do not answer in time, and leave no timer or failure behind when they do', async () => {
    await expect(within(new Promise<never>(() => undefined), 20, 'Search workers did not start')).rejects.toThrow('Search workers did not start');
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      await expect(within(Promise.resolve('ready'), 20, 'late')).resolves.toBe('ready');
      // A failure after the limit has passed is handled, not left unhandled.
      let fail: (error: Error) => void = () => undefined;
      const late = new Promise<never>((_, reject) => (fail = reject));
      await expect(within(late, 10, 'too slow')).rejects.toThrow('too slow');
      fail(new Error('worker failed later'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('answer a call for a shard the worker has not opened with an error', async () => {
    const handle = createWorkerHandler(fakePagefind([]));
    await expect(handle({ id: 1, shard: 3, method: 'search', args: ['x'] })).rejects.toThrow('Search index 3 was not opened in this worker');
    await expect(handle({ id: 2, shard: -1, method: 'hello', args: [] })).resolves.toBe(true);
  });
});

describe("the workers' fetch for Pagefind", () => {
  /** Pagefind's files: its signature, then the content, gzipped. */
  const plain = new TextEncoder().encode('pagefind_dcd' + 'word chunk '.repeat(200));
  const gzipped = new Uint8Array(gzipSync(plain));
  /** A server answering every URL with `body`, recording what was asked. */
  const server = (body: Uint8Array<ArrayBuffer>, status = 200) => {
    const asked: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response(body, { status, headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) } });
    }) as typeof globalThis.fetch;
    return { fetch, asked };
  };
  const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

  it('hand Pagefind its gzipped files decompressed, starting with its signature, so it does not inflate them itself', async () => {
    for (const file of ['wasm.en-gb.pagefind', 'pagefind.en-gb_1a2a.pf_meta', 'index/en-gb_10ae.pf_index', 'fragment/en-gb_1012.pf_fragment', 'filter/en-gb_9438.pf_filter']) {
      const { fetch, asked } = server(gzipped);
      const response = await decompressingFetch(fetch)(`/pagefind/shards/2025-05/${file}`);
      expect(asked).toEqual([`/pagefind/shards/2025-05/${file}`]);
      const body = await bytesOf(response);
      expect(body).toEqual(plain);
      expect(new TextDecoder().decode(body.slice(0, 12))).toBe('pagefind_dcd');
      expect(response.ok).toBe(true);
    }
  });

  it('pass other files and failed answers through, and give a Pagefind file that is not gzip or is broken its own bytes', async () => {
    // Already decompressed (a server that sent it with Content-Encoding: gzip): the same bytes.
    expect(await bytesOf(await decompressingFetch(server(plain).fetch)('/pagefind/shards/a/index/x.pf_index'))).toEqual(plain);
    // Not Pagefind's gzipped files: the very response.
    const entry = server(gzipped);
    const original = await entry.fetch('/pagefind/shards/a/pagefind-entry.json?ts=1');
    const passed = await decompressingFetch(async () => original)('/pagefind/shards/a/pagefind-entry.json?ts=1');
    expect(passed).toBe(original);
    const missing = await decompressingFetch(server(gzipped, 404).fetch)('/pagefind/shards/a/index/x.pf_index');
    expect(missing.status).toBe(404);
    expect(await bytesOf(missing)).toEqual(gzipped);
    // Gzip's magic, then garbage: Pagefind gets the bytes and reports the broken file itself.
    const broken = new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5]);
    expect(await bytesOf(await decompressingFetch(server(broken).fetch)('/pagefind/shards/a/index/x.pf_index'))).toEqual(broken);
    // A URL object, and a Request, are read for their path like a string.
    expect(await bytesOf(await decompressingFetch(server(gzipped).fetch)(new URL('http://site/pagefind/shards/a/index/x.pf_index')))).toEqual(plain);
    expect(await bytesOf(await decompressingFetch(server(gzipped).fetch)(new Request('http://site/pagefind/shards/a/fragment/x.pf_fragment')))).toEqual(plain);
  });

  it("leave fetch as it is where the browser has no DecompressionStream", () => {
    const { fetch } = server(gzipped);
    expect(decompressingFetch(fetch, null)).toBe(fetch);
  });
});

