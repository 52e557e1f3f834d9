/**
 * Turns a folder of annotated news documents (MEANTIME *.xml, TimeML *.tml)
 * into Markdown articles with our frontmatter, the way
 * `../shared/bench/temporal-score.mjs` does, so `npm run bench -- --from DIR`
 * accepts such a folder directly. Unlike the scorer, which keeps only the
 * annotated first sentences, the whole body is kept: the benchmark wants
 * realistic article lengths, not gold labels.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m] ?? m);

interface Doc {
  id: string;
  title: string;
  published: string;
  text: string;
}

function joinTokens(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/ ([,.;:!?%)\]'’”])/g, '$1')
    .replace(/([([$“]) /g, '$1')
    .replace(/ n't/g, "n't")
    .replace(/ 's\b/g, "'s");
}

function loadMeantime(file: string): Doc {
  const source = readFileSync(file, 'utf8');
  const bySentence = new Map<number, string[]>();
  for (const m of source.matchAll(/<token number="\d+" sentence="(\d+)" t_id="\d+">([^<]*)<\/token>/g)) {
    const sentence = Number(m[1]);
    const list = bySentence.get(sentence) ?? [];
    list.push(decode(m[2]!));
    bySentence.set(sentence, list);
  }
  const dct = /<TIMEX3 [^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]*)"|<TIMEX3 [^>]*value="([^"]*)"[^>]*functionInDocument="CREATION_TIME"/.exec(source);
  const sentences = [...bySentence.keys()].sort((a, b) => a - b);
  // Sentence 0 is the headline, sentence 1 the dateline.
  const title = joinTokens(bySentence.get(sentences[0] ?? 0) ?? []);
  const text = sentences
    .filter((n) => n >= 2)
    .map((n) => joinTokens(bySentence.get(n)!))
    .join('\n\n');
  const id = basename(file, '.xml').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return { id, title, published: (dct?.[1] ?? dct?.[2] ?? '').slice(0, 10), text };
}

function loadTimeML(file: string): Doc {
  const source = readFileSync(file, 'utf8');
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(source)?.[1] ?? '';
  const body = source.slice(source.indexOf('<TEXT>') + 6, source.indexOf('</TEXT>'));
  const text = decode(body.replace(/<[^>]+>/g, '')).trim();
  const id = basename(file, '.tml');
  return { id, title: id, published: dct.slice(0, 10), text };
}

const escapeLine = (line: string) => (/^\s*([#>*+-]|\d+[.)]\s|=+\s*$|`{3}|:{3})/.test(line) ? `\\${line.trimStart()}` : line);

function toMarkdown(doc: Doc): string {
  const paragraphs = doc.text
    .split(/\n\s*\n|\n(?=\s)/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map(escapeLine);
  return `---\ntitle: ${JSON.stringify(doc.title || doc.id)}\noutlet: "Corpus"\npublished: ${doc.published}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** True when the folder holds annotated documents rather than Markdown. */
export function isAnnotatedCorpus(dir: string): boolean {
  const names = readdirSync(dir);
  return !names.some((n) => /\.(md|markdown)$/i.test(n)) && names.some((n) => /\.(xml|tml)$/i.test(n));
}

/** Converts every dated document of `dir` into `out/*.md`; returns how many. */
export function convertAnnotated(dir: string, out: string): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let count = 0;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(xml|tml)$/i.test(name)) continue;
    const doc = name.endsWith('.tml') ? loadTimeML(join(dir, name)) : loadMeantime(join(dir, name));
    // Without a creation date there is no reference point for relative dates.
    if (!/^\d{4}-\d\d-\d\d$/.test(doc.published) || !doc.text.trim()) continue;
    writeFileSync(join(out, `${doc.id}.md`), toMarkdown(doc));
    count++;
  }
  return count;
}
