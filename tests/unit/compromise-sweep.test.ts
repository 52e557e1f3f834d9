/**
 * Our sweep for compromise's post-tagger (src/pipeline/compromise-sweep.ts)
 * against compromise's own, on the repository's articles, fixtures and README: the
 * same patterns matched in the same order, and every term's tags the same.
 * compromise's ES build is a copy of its own that entities.ts (which loads
 * the CommonJS build) never changes, so its sweep here is compromise's.
 */
import nlp from 'compromise';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkMatch } from '../../src/pipeline/compromise-sweep.ts';
import { entitiesOf } from '../../src/pipeline/entities.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** Every sentence of the articles, the fixtures and the README, split crudely (what matters is many real sentences). */
const sentences = [
  ...new Set(
    [join(ROOT, 'content', 'articles'), join(ROOT, 'tests', 'fixtures')]
      .flatMap(markdownFiles)
      .concat(join(ROOT, 'README.md'))
      .flatMap((file) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---/, '').replace(/\s+/g, ' ').split(/(?<=[.!?]["”’]?)\s+(?=[“"‘A-Z])/))
      .map((s) => s.trim())
      .filter((s) => s.length > 15),
  ),
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals are untyped
type Any = any;
const world = (nlp as Any).world();
const compromiseSweep = world.methods.one.bulkMatch;
/** The post-tagger's net, as it hands it to the sweep (it builds it once, parsing its patterns in place). */
let postTaggerNet: Any;
// The first sweep of a sentence is the post-tagger's (the chunker sweeps a net of its own after it).
world.methods.one.bulkMatch = (document: Any, net: Any, methods: Any, opts: Any) => compromiseSweep(document, (postTaggerNet ??= net), methods, opts);
nlp('Talks began in Istanbul.');
world.methods.one.bulkMatch = compromiseSweep;

/** Runs `run` with `sweep` as compromise's, and counts the sweeps it made. */
function withSweep<T>(sweep: (...args: Any[]) => unknown, run: () => T): { result: T; calls: number } {
  let calls = 0;
  world.methods.one.bulkMatch = (...args: Any[]) => {
    calls++;
    return sweep(...args);
  };
  try {
    return { result: run(), calls };
  } finally {
    world.methods.one.bulkMatch = compromiseSweep;
  }
}

const tagsOf = (text: string) =>
  nlp(text)
    .json({ terms: { tags: true } })
    .map((s: Any) => s.terms.map((t: Any) => `${t.text}:${t.tags.join('|')}`).join(' '));

/** Both sweeps' matches on one sentence tagged up to the post-tagger, with the given net and options. */
function bothSweeps(text: string, net: Any, opts: object) {
  const doc = (nlp as Any).tokenize(text).compute(['index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger']);
  const run = (sweep: Any) => sweep(doc.docs, net, world.methods, { ...opts }).map((found: Any) => [found.match, found.tag ?? found.unTag ?? null, [...found.pointer]]);
  return { ours: run(bulkMatch), theirs: run(compromiseSweep) };
}

/**
 * The two comparisons tag every sentence twice, or sweep it four times:
 * about 2 s here, more than 5 s (vitest's default limit) on a loaded CI
 * machine. This is a correctness test, not a timing.
 */
const HEAVY = 60_000;

describe('our sweep for compromise', () => {
  it('reads enough sentences to mean something', () => {
    expect(sentences.length).toBeGreaterThan(300);
  });

  it('tags every term of every sentence as compromise does', () => {
    const theirs = withSweep(compromiseSweep, () => sentences.map(tagsOf));
    const ours = withSweep(bulkMatch, () => sentences.map(tagsOf));
    // Every sentence swept by each, the post-tagger's sweep and the chunker's at least.
    expect(ours.calls).toBeGreaterThanOrEqual(2 * sentences.length);
    expect(ours.calls).toBe(theirs.calls);
    for (let i = 0; i < sentences.length; i++) expect(ours.result[i], sentences[i]).toEqual(theirs.result[i]);
  }, HEAVY);

  it("matches the post-tagger's patterns in compromise's order, and stops at the first with matchOne", () => {
    expect(Object.keys(postTaggerNet.hooks).length).toBeGreaterThan(500);
    let matched = 0;
    for (const text of sentences) {
      const all = bothSweeps(text, postTaggerNet, {});
      expect(all.ours, text).toEqual(all.theirs);
      matched += all.ours.length;
      const one = bothSweeps(text, postTaggerNet, { matchOne: true });
      expect(one.ours, text).toEqual(one.theirs);
    }
    expect(matched).toBeGreaterThan(sentences.length);
  }, HEAVY);

  it('tries the patterns that need nothing on every part, after the others, and skips those whose ifNo is present', () => {
    const net = world.methods.one.buildNet(
      [
        { match: '.', tag: 'Anything' },
        { match: '#Person', tag: 'Named' },
        { match: '(president|minister) #Person', tag: 'Titled' },
        { match: '[#Noun] said', group: 0, tag: 'Speaker' },
        { match: '#Person said', ifNo: 'not', tag: 'Affirmed' },
      ],
      world,
    );
    expect(net.always.length).toBe(1);
    const tried = (text: string) => {
      const found = bothSweeps(text, net, {});
      expect(found.ours, text).toEqual(found.theirs);
      expect(found.ours.some((f: Any[]) => f[0] === '.')).toBe(true);
      return found.ours.map((f: Any[]) => f[0]);
    };
    expect(tried('Putin said no date had been set.')).toContain('#Person said');
    expect(tried('Putin said he would not come.')).not.toContain('#Person said');
    tried('President Erdogan met Zelensky in Ankara, officials said.');
    tried('It rained.');
  });

  it('is the sweep entities.ts has compromise run', () => {
    entitiesOf('Foreign Minister Hakan Fidan met Marco Rubio in Antalya.');
    const loaded = createRequire(import.meta.url)('compromise');
    expect(loaded.world().methods.one.bulkMatch).toBe(bulkMatch);
  });
});
