import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { normaliseSource, splitFrontmatter } from '../../src/pipeline/frontmatter.ts';
import { parseMarkdown, segment } from '../../src/pipeline/markdown.ts';

/**
 * The pipeline parses Markdown with Sätteri for speed; remark-parse (with GFM
 * and directives) is the reference it must match, positions included, since
 * sentence positions and ids come from them.
 */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

function comparable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(comparable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node).sort(([a], [b]) => a.localeCompare(b))) {
    if (key === 'data') continue;
    if (key === 'position') {
      const position = value as { start: { offset?: number }; end: { offset?: number } } | undefined;
      out[key] = position && [position.start.offset, position.end.offset];
    } else out[key] = comparable(value);
  }
  return out;
}

const folders = ['content/articles', 'tests/fixtures/odd', 'tests/fixtures/sixth'];
const files = folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)));

describe('Markdown parsing', () => {
  it.each(files)('gives the same tree as remark-parse for %s', (file) => {
    const { body } = splitFrontmatter(normaliseSource(readFileSync(file, 'utf8')));
    expect(JSON.stringify(comparable(parseMarkdown(body)))).toBe(JSON.stringify(comparable(remark.parse(body))));
  });

  it('keeps clock times and ratios as text, and :::figure as a caption container', () => {
    const { tree, blocks } = segment('At 18:00 the score was 3:1.\n\n:::figure{credit="AP"}\nA caption.\n:::\n');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'At 18:00 the score was 3:1.'],
      ['caption', 'A caption.'],
    ]);
    expect(tree.children[1]).toMatchObject({ type: 'containerDirective', name: 'figure', attributes: { credit: 'AP' } });
  });
});
