/**
 * Re-indexing a shard with the last index's unchanged fragments linked in
 * (scripts/lib/shard-seed.ts): held to Pagefind's own output here; the
 * search step's whole run is held to a fresh index in
 * tests/build/search-stage.test.ts.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCbor, fragmentNames, pageOfUrl, seedFragments, settleSeeds, shardFragments, unpack, type SeedRecord } from '../../scripts/lib/shard-seed.ts';

const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shard-seed-'));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await pagefind.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const html = (title: string, text: string) => `<!doctype html><html lang="en-gb"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** Pagefind's index of these pages (`articles/NAME/index.html`: text), written into `out` (which may hold files already). */
async function index(pages: Record<string, string>, out: string): Promise<void> {
  const { index: made } = await pagefind.createIndex({});
  for (const [name, text] of Object.entries(pages)) {
    const added = await made!.addHTMLFile({ url: `/articles/${name}/`, content: html(name, text) });
    expect(added.errors).toEqual([]);
  }
  expect((await made!.writeFiles({ outputPath: out })).errors).toEqual([]);
  await made!.deleteIndex();
}

/** Every file under a folder, by path: its bytes as hex. */
function files(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, files(dir, path));
    else out[path] = readFileSync(join(dir, path)).toString('hex');
  }
  return out;
}

/** A minimal CBOR encoder (unsigned integers, text, arrays) for metadata made by hand. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) =>
    n < 24 ? Buffer.from([(major << 5) | n]) : n < 256 ? Buffer.from([(major << 5) | 24, n]) : Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  if (typeof value === 'number') return head(0, value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  throw new Error('not encoded here');
}

describe('a shard indexed again from its last index', () => {
  it('decodes CBOR as Pagefind writes it, and refuses what it does not know', () => {
    expect(decodeCbor(cbor(['1.6.0', [['en-gb_abc1234', 300, '']], 7]))).toEqual(['1.6.0', [['en-gb_abc1234', 300, '']], 7]);
    expect(decodeCbor(Buffer.from([0xa1, 0x61, 0x61, 0x20]))).toEqual({ a: -1 });
    expect(decodeCbor(Buffer.from([0x9f, 0x01, 0xf5, 0xf6, 0xff]))).toEqual([1, true, null]);
    expect(decodeCbor(Buffer.from([0x19, 0x01, 0x00]))).toBe(256);
    expect(decodeCbor(Buffer.from([0x1a, 0x00, 0x01, 0x00, 0x00]))).toBe(65_536);
    expect(decodeCbor(Buffer.from([0x1b, 0, 0, 0, 1, 0, 0, 0, 0]))).toBe(2 ** 32);
    expect(() => decodeCbor(Buffer.from([0x1b, 0xff, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/unsupported integer/);
    // A tag: its item.
    expect(decodeCbor(Buffer.from([0xc1, 0x01]))).toBe(1);
    // A map's "__proto__" key is a key, not the map's prototype.
    const map = decodeCbor(Buffer.concat([Buffer.from([0xa1]), cbor('__proto__'), cbor(1)])) as Record<string, unknown>;
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(() => decodeCbor(Buffer.from([0x82, 0x01]))).toThrow(/ends early/);
    expect(() => decodeCbor(Buffer.from([0x01, 0x02]))).toThrow(/left over/);
    expect(() => decodeCbor(Buffer.from([0xfb]))).toThrow(/unsupported/);
    expect(fragmentNames(['1.6.0', [['en-gb_a', 1], ['en-gb_b', 2]]])).toEqual(['en-gb_a', 'en-gb_b']);
    expect(fragmentNames(['1.6.0', [[1, 1]]])).toBeUndefined();
    expect(fragmentNames({ pages: [] })).toBeUndefined();
  });

  it('names the site page of a fragment’s URL', () => {
    expect(pageOfUrl('/articles/x/')).toBe('articles/x/index.html');
    expect(pageOfUrl('/events/y/page.html')).toBe('events/y/page.html');
    expect(pageOfUrl('https://elsewhere/')).toBeUndefined();
    expect(pageOfUrl('/../x/')).toBeUndefined();
  });

  it('links the unchanged pages’ fragments, lets Pagefind write the rest, and leaves what a fresh index writes', async () => {
    const before = { a: 'Talks opened in Istanbul.', b: 'Putin stayed in Moscow.', c: 'Zelensky flew to Ankara.' };
    const after = { a: before.a, b: 'Putin stayed in Moscow and sent an aide.', c: before.c, d: 'The delegations met for two hours.' };
    const last = temp();
    await index(before, last);
    const setup = 'pagefind 1.6.0';
    const hashOf = (pages: Record<string, string>) => new Map(Object.entries(pages).map(([name, text]) => [`articles/${name}/index.html`, text]));
    const record: SeedRecord = { setup, pages: Object.fromEntries(hashOf(before)) };

    // Another setup, or no record: nothing linked.
    expect(seedFragments(last, { ...record, setup: 'pagefind 1.5.0' }, setup, hashOf(after), join(temp(), 'x'))).toEqual([]);
    expect(seedFragments(last, undefined, setup, hashOf(after), join(temp(), 'x'))).toEqual([]);

    const seeded = join(temp(), 'shard');
    // a and c are unchanged; b changed; d is new.
    const linked = seedFragments(last, record, setup, hashOf(after), seeded);
    expect(linked).toHaveLength(2);
    expect(readdirSync(join(seeded, 'fragment')).sort()).toEqual([...linked].sort());
    // An unchanged page's file under a name the new index does not give (as after an old collision): it goes.
    const stale = linked[0]!.replace('.pf_fragment', '0.pf_fragment');
    linkSync(join(seeded, 'fragment', linked[0]!), join(seeded, 'fragment', stale));
    // Dated long ago: a file Pagefind wrote again would have a new time.
    const old = new Date('2001-01-01T00:00:00Z');
    for (const name of linked) utimesSync(join(seeded, 'fragment', name), old, old);
    await index(after, seeded);
    expect(settleSeeds(seeded, 4, [...linked, stale])).toBe(2);
    // Pagefind left the linked files alone: the last index's files, as they were.
    for (const name of linked) {
      const file = statSync(join(seeded, 'fragment', name));
      expect(file.ino).toBe(statSync(join(last, 'fragment', name)).ino);
      expect(file.mtimeMs).toBe(old.getTime());
    }

    const fresh = temp();
    await index(after, fresh);
    expect(files(seeded)).toEqual(files(fresh));
    expect(shardFragments(seeded)).toHaveLength(4);
    expect(readdirSync(join(seeded, 'fragment'))).not.toContain(stale);
    const urls = readdirSync(join(seeded, 'fragment')).map((name) => (JSON.parse(unpack(readFileSync(join(seeded, 'fragment', name))).toString()) as { url: string }).url);
    expect(urls.sort()).toEqual(['/articles/a/', '/articles/b/', '/articles/c/', '/articles/d/']);
  });

  it('says a folder cannot stand when its fragment names are not of one length, or its metadata cannot be read', () => {
    const dir = temp();
    const write = (names: string[]) => {
      writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { 'en-gb': { hash: 'en-gb_meta', page_count: names.length } } }));
      writeFileSync(join(dir, 'pagefind.en-gb_meta.pf_meta'), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(['1.6.0', names.map((n) => [n, 10, '']), [], [], []])])));
    };
    mkdirSync(join(dir, 'fragment'));
    for (const name of ['en-gb_abc1234', 'en-gb_abc12345', 'en-gb_def5678', 'en-gb_stale00']) writeFileSync(join(dir, 'fragment', `${name}.pf_fragment`), '');
    // Pagefind lengthened a name: two hashes started alike, a linked file may hold the other page's fragment.
    write(['en-gb_abc1234', 'en-gb_abc12345', 'en-gb_def5678']);
    expect(shardFragments(dir)).toEqual(['en-gb_abc1234', 'en-gb_abc12345', 'en-gb_def5678']);
    expect(settleSeeds(dir, 3, ['en-gb_abc1234.pf_fragment'])).toBeUndefined();
    // Names of one length (languages aside), but fewer pages than Pagefind was given: one was left out.
    write(['en-gb_abc1234', 'en-gb_def5678']);
    expect(shardFragments(dir)).toEqual(['en-gb_abc1234', 'en-gb_def5678']);
    expect(settleSeeds(dir, 3, ['en-gb_abc1234.pf_fragment'])).toBeUndefined();
    // As many as it was given: the fragments no page names go.
    expect(settleSeeds(dir, 2, ['en-gb_abc1234.pf_fragment', 'en-gb_stale00.pf_fragment'])).toBe(1);
    expect(readdirSync(join(dir, 'fragment')).sort()).toEqual(['en-gb_abc1234.pf_fragment', 'en-gb_def5678.pf_fragment']);
    // Unreadable metadata.
    writeFileSync(join(dir, 'pagefind.en-gb_meta.pf_meta'), 'not gzip');
    expect(shardFragments(dir)).toBeUndefined();
    expect(settleSeeds(dir, 2, [])).toBeUndefined();
  });
});
