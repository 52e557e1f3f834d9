import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { normaliseSource, parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { segment, sourceOffset, type Segmented, type TextBlock } from './markdown.ts';
import type { Article, Position, Problem, Sentence } from './types.ts';

export interface ParsedArticle {
  article?: Article | undefined;
  problems: Problem[];
  /** The parsed body, for rendering without parsing again. */
  segmented?: Segmented | undefined;
}

/** Article id from its file name: `2025-05-15-reuters-putin.md` → `2025-05-15-reuters-putin`. */
export function articleId(file: string): string {
  return basename(file)
    .replace(/\.(md|markdown)$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Anchor id of a sentence: a short hash of its words, so it survives edits elsewhere in the article. */
export function sentenceHash(text: string): string {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // One-shot `hash`: several times faster than a `createHash` object for a sentence's few bytes.
  return 's-' + hash('sha1', words, 'hex').slice(0, 8);
}

/** Line:column of source offsets, by binary search over line starts (articles can be 1 MB). */
function positionFinder(source: string, firstLine: number): (offset: number) => Position {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - starts[lo]! + 1 };
  };
}

/** Ids already worked out, by the blocks they were worked out from (sentences and the rendering both ask). */
const idsOfBlocks = new WeakMap<TextBlock[], string[][]>();

/** Anchor ids of every sentence of every block; a repeated sentence gets `-2`, `-3` … */
export function sentenceIds(blocks: TextBlock[]): string[][] {
  let ids = idsOfBlocks.get(blocks);
  if (!ids) idsOfBlocks.set(blocks, (ids = idsOf(blocks)));
  return ids;
}

function idsOf(blocks: TextBlock[]): string[][] {
  const seen = new Map<string, number>();
  return blocks.map((block) =>
    block.sentences.map((span) => {
      const hash = sentenceHash(block.text.slice(span.start, span.end).trim());
      const count = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, count);
      return count === 1 ? hash : `${hash}-${count}`;
    }),
  );
}

/** Splits the body into sentences with their place in the file. */
export function sentencesOf(body: string, bodyLine: number, segmented: Segmented = segment(body)): Sentence[] {
  const { blocks } = segmented;
  const ids = sentenceIds(blocks);
  const positionAt = positionFinder(body, bodyLine);
  const sentences: Sentence[] = [];
  blocks.forEach((block, blockIndex) => {
    block.sentences.forEach((span, i) => {
      const text = block.text.slice(span.start, span.end).trim();
      sentences.push({
        id: ids[blockIndex]![i]!,
        text,
        position: positionAt(sourceOffset(block, span.start)),
        block: blockIndex,
        kind: block.kind,
        entry: block.entry,
        index: sentences.length,
      });
    });
  });
  return sentences;
}

/**
 * Reads one article: frontmatter validated against the schema, body split into
 * sentences. Never throws on bad content; every problem is returned.
 */
export function parseArticle(file: string, source: string, now?: Date): ParsedArticle {
  const text = normaliseSource(source);
  const split = splitFrontmatter(text);
  const { meta, problems } = parseFrontmatter(file, split, now);
  if (split.yaml !== undefined && split.body.trim() === '') {
    problems.push({
      file,
      line: split.bodyLine,
      column: 1,
      message: 'Unexpected empty body, expected the article text after the frontmatter',
      rule: 'body-empty',
      severity: 'error',
    });
  }
  if (!meta || problems.length > 0) return { problems };
  const segmented = segment(split.body);
  const article: Article = {
    id: articleId(file),
    file,
    meta,
    body: split.body,
    bodyLine: split.bodyLine,
    sentences: sentencesOf(split.body, split.bodyLine, segmented),
  };
  return { article, problems, segmented };
}

export function readArticle(file: string, now?: Date): ParsedArticle {
  return parseArticle(file, readFileSync(file, 'utf8'), now);
}
