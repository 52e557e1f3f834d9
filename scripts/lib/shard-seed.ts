/**
 * Indexing a shard again when a few of its pages changed, without Pagefind
 * compressing the others' fragments again.
 *
 * Pagefind writes each page's fragment (its text, the result's title and
 * excerpt) gzipped at the best level, to `fragment/NAME.pf_fragment`, NAME
 * the start of a hash of its content; and it leaves a fragment, word-index
 * or filter file alone when one of that name is already in the folder it
 * writes to (it calls them immutable). Over a 1,646-page shard of the
 * 5,000-article site, writing took 2.6–3.2 s of the step's 4.5–5.3 s; with
 * the unchanged fragments linked first, 1.5–2.2 s of 3.6–4.6 s (linking
 * 0.2–0.3 s of it: four pairs, interleaved, scripts/bench/RESULTS.md). The
 * rest is Pagefind reading the pages and writing its word index.
 *
 * So the search step (scripts/pagefind.ts) first links into the new shard's
 * folder the last index's fragments of pages that are unchanged in what
 * Pagefind reads of them (the same bytes: the same fragment, by the same
 * Pagefind, under the same name), and Pagefind writes only the others. What
 * makes that safe:
 * - Only fragments of pages that are in the new index, unchanged, are
 *   linked: a name can then be given to another page's fragment only when
 *   two fragments' hashes start alike, and Pagefind then lengthens one name.
 *   A new index whose fragment names are not all of one length is written
 *   again into an empty folder (`settleSeeds` says so).
 * - The linked fragments were written by the same Pagefind, given pages the
 *   same way (`SeedRecord.setup`).
 * - A new index that holds fewer pages than it was given is written again
 *   too (`settleSeeds`); a linked file the new index does not name (an
 *   unchanged page whose name an old collision had lengthened) is deleted:
 *   the folder holds what indexing into an empty folder writes, byte for
 *   byte (tests/build/search-stage.test.ts).
 * Word-index chunks and filters are not linked: they number the pages, so
 * most change with any page added, and they are few (127 chunks there).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What the search step keeps beside a shard it wrote (`SEED_SUFFIX`): how it was made, and its pages. */
export interface SeedRecord {
  /** Pagefind's version, the rules that read a page and how pages were given to it: as each shard's hash. */
  setup: string;
  /** Each page's path in the site and the hash of what Pagefind read of it (`IndexedPage.hash`). */
  pages: Record<string, string>;
}

/** A shard's record is its cache folder's name with this after it. */
export const SEED_SUFFIX = '.pages.json';

/** Pagefind starts each file it compresses with this, before gzip. */
const SIGNATURE = 'pagefind_dcd';

/**
 * One CBOR item (RFC 8949) as JavaScript: what Pagefind's metadata uses
 * (unsigned and negative integers, text and byte strings, arrays, maps,
 * tags, true, false, null). Throws on anything else or on bytes left over.
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const byte = () => {
    if (at >= bytes.length) throw new Error('CBOR: ends early');
    return bytes[at++]!;
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0 || at + size > bytes.length) throw new Error(`CBOR: unsupported length ${info} at ${at}`);
    const big = size === 8 ? view.getBigUint64(at) : 0n;
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`CBOR: unsupported integer at ${at}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(big);
    at += size;
    return value;
  };
  const item = (): unknown => {
    const head = byte();
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`CBOR: unsupported simple value ${info}`);
    }
    if (info === 31 && (major === 4 || major === 5)) {
      const list: unknown[] = [];
      while (bytes[at] !== 0xff) list.push(major === 4 ? item() : [item(), item()]);
      at++;
      return major === 4 ? list : Object.fromEntries(list as Array<[string, unknown]>);
    }
    const n = argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        if (at + n > bytes.length) throw new Error('CBOR: ends early');
        const part = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? part : text.decode(part);
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = Object.create(null) as Record<string, unknown>;
        for (let i = 0; i < n; i++) {
          const key = item();
          map[String(key)] = item();
        }
        return map;
      }
      default:
        // A tag: its item.
        return item();
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes left over`);
  return value;
}

/** A Pagefind file's content: gunzipped, without the signature. */
export function unpack(file: Uint8Array): Buffer {
  const bytes = gunzipSync(file);
  if (bytes.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error('not a Pagefind file');
  return bytes.subarray(SIGNATURE.length);
}

/**
 * The fragment names (without `.pf_fragment`) an index's metadata gives its
 * pages: `[version, [[name, words, …], …], …]`. Undefined for any other shape.
 */
export function fragmentNames(meta: unknown): string[] | undefined {
  if (!Array.isArray(meta) || !Array.isArray(meta[1])) return undefined;
  const names: string[] = [];
  for (const page of meta[1] as unknown[]) {
    if (!Array.isArray(page) || typeof page[0] !== 'string') return undefined;
    names.push(page[0]);
  }
  return names;
}

/** Every fragment name a written shard's metadata files give (one per language), or undefined when one cannot be read. */
export function shardFragments(dir: string): string[] | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const names: string[] = [];
    for (const { hash } of Object.values(entry.languages)) {
      const found = fragmentNames(decodeCbor(unpack(readFileSync(join(dir, `pagefind.${hash}.pf_meta`)))));
      if (!found) return undefined;
      names.push(...found);
    }
    return names;
  } catch {
    return undefined;
  }
}

/** `/articles/x/` → `articles/x/index.html`: the page a fragment's URL names, as the site holds it. */
export function pageOfUrl(url: string): string | undefined {
  if (!url.startsWith('/') || url.includes('..')) return undefined;
  return `${url.slice(1)}${url.endsWith('/') ? 'index.html' : ''}`;
}

/**
 * Links into `target/fragment/` the fragments of `seed` (a shard folder
 * with its record) whose page `pages` holds with the hash the record gives
 * it. Returns the names of the files linked: none when the record is
 * missing, was made another way than `setup`, or a file cannot be read.
 */
export function seedFragments(seed: string, record: SeedRecord | undefined, setup: string, pages: Map<string, string>, target: string): string[] {
  if (!record || record.setup !== setup) return [];
  const from = join(seed, 'fragment');
  const to = join(target, 'fragment');
  const linked: string[] = [];
  try {
    for (const name of readdirSync(from)) {
      if (!name.endsWith('.pf_fragment')) continue;
      const file = join(from, name);
      const url = (JSON.parse(unpack(readFileSync(file)).toString('utf8')) as { url?: unknown }).url;
      const page = typeof url === 'string' ? pageOfUrl(url) : undefined;
      if (page === undefined) continue;
      const hash = pages.get(page);
      if (hash === undefined || hash !== record.pages[page]) continue;
      if (linked.length === 0) mkdirSync(to, { recursive: true });
      linkSync(file, join(to, name));
      linked.push(name);
    }
  } catch {
    // Unreadable, or no hard links here: nothing linked, Pagefind writes every fragment.
    rmSync(to, { recursive: true, force: true });
    return [];
  }
  return linked;
}

/**
 * After Pagefind wrote an index of `pages` pages into a folder seeded by
 * `seedFragments` with the `linked` files: deletes the fragments it does
 * not name, and returns how many of the linked ones it names. Undefined
 * when the folder cannot stand, to be written again into an empty folder:
 * - the index cannot be read;
 * - it holds fewer pages than it was given (Pagefind leaves out a page
 *   with no words, or without `data-pagefind-body` where other pages have
 *   one: a linked file of such a page could be named for another);
 * - its fragment names are not all of one length (two fragments' hashes
 *   started alike, so a linked file may hold another page's fragment).
 */
export function settleSeeds(dir: string, pages: number, linked: string[]): number | undefined {
  const names = shardFragments(dir);
  if (!names || names.length === 0 || names.length !== pages) return undefined;
  // `en-gb_02ecd48`: the hash after the language.
  const hashLength = (name: string) => name.length - name.lastIndexOf('_') - 1;
  if (names.some((name) => hashLength(name) !== hashLength(names[0]!))) return undefined;
  const named = new Set(names.map((name) => `${name}.pf_fragment`));
  const folder = join(dir, 'fragment');
  for (const file of existsSync(folder) ? readdirSync(folder) : []) {
    if (!named.has(file)) rmSync(join(folder, file));
  }
  return linked.filter((name) => named.has(name)).length;
}
