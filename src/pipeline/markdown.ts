import type { Nodes, Parent, Root, RootContent, PhrasingContent } from 'mdast';
import { markdownToMdast } from 'satteri';
import { splitSentences, type Span } from './sentences.ts';
import type { BlockKind } from './types.ts';

/**
 * The article body as blocks of text, in reading order, each with its
 * sentences. Captions (`:::figure` directives) and headings are blocks of their
 * own kind, so the timeline can tell them from the article's own sentences.
 */
export interface TextBlock {
  kind: BlockKind;
  /** The mdast node whose phrasing children hold the text. */
  node: Parent;
  /** Live-blog entry index (entries are separated by `***`). */
  entry: number;
  /** The block's plain text. */
  text: string;
  /** Maps text offsets back to source offsets: `[textStart, sourceStart]`, ascending. */
  anchors: Array<[number, number]>;
  sentences: Span[];
}

export interface Segmented {
  tree: Root;
  blocks: TextBlock[];
}

/**
 * Markdown to mdast with Sätteri, the parser Astro 7 ships: the same tree as
 * remark-parse with remark-gfm and remark-directive, positions included (checked
 * on the seed articles and a 500-article bench corpus), about 20 times faster.
 */
export function parseMarkdown(body: string): Root {
  return markdownToMdast(body, { features: { gfm: true, directive: true, frontmatter: false } }) as Root;
}

/**
 * Calls `visit` on every node of a tree (mdast or hast), a parent before its
 * children, in document order: what `unist-util-visit` does with a visitor
 * that returns nothing, without the list of ancestors it builds for every
 * node (a profile of the analysis put 0.88 s of its 4.97 s in those walks). A node's
 * children are read after its visit, so a visitor may replace them.
 */
export function walk<T extends { type: string }>(node: T, visit: (node: T) => void): void {
  visit(node);
  const children = (node as { children?: T[] }).children;
  if (children) for (const child of children) walk(child, visit);
}

/** Text of phrasing content, with a source-offset anchor at every text leaf. */
function collectText(children: readonly Nodes[], out: { text: string; anchors: Array<[number, number]> }): void {
  for (const child of children) {
    if (child.type === 'text' || child.type === 'inlineCode') {
      const value = child.value.replace(/\s+/g, ' ');
      if (child.position?.start.offset !== undefined) {
        // inlineCode's text starts after its backtick fence
        const shift = child.type === 'inlineCode' ? 1 : 0;
        out.anchors.push([out.text.length, child.position.start.offset + shift]);
      }
      out.text += value;
    } else if (child.type === 'break') {
      out.text += ' ';
    } else if (child.type === 'html') {
      // Raw HTML is never article text: it is dropped here and neutralised in rendering.
    } else if ('children' in child) {
      collectText(child.children as Nodes[], out);
    }
  }
}

function isFigure(node: RootContent): boolean {
  return node.type === 'containerDirective' && node.name === 'figure';
}

/**
 * Only `:::figure` containers are ours; remark-directive also reads "18:00"
 * or "3:1" as text directives (`:00`, `:1`). Those go back to the text they
 * were, merged with their neighbours.
 */
function restoreTextDirectives(node: Parent, source: string): void {
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    let current: Nodes = child;
    if (child.type === 'textDirective' || (child.type === 'leafDirective' && node.type !== 'root')) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      current = { type: 'text', value: start !== undefined && end !== undefined ? source.slice(start, end) : `:${child.name}` };
      if (child.position) current.position = child.position;
    } else if ('children' in child) {
      restoreTextDirectives(child as Parent, source);
    }
    const previous = children[children.length - 1];
    if (current.type === 'text' && previous?.type === 'text') {
      previous.value += current.value;
      if (previous.position && current.position) previous.position.end = current.position.end;
    } else {
      children.push(current);
    }
  }
  node.children = children as Parent['children'];
}

/** Parses Markdown and lists its text blocks with their sentences. */
export function segment(body: string): Segmented {
  const tree = parseMarkdown(body);
  restoreTextDirectives(tree, body);
  const blocks: TextBlock[] = [];
  let entry = 0;

  const addBlock = (node: Parent, kind: BlockKind) => {
    const out = { text: '', anchors: [] as Array<[number, number]> };
    collectText(node.children as Nodes[], out);
    const trimmed = out.text.trim();
    if (!trimmed) return;
    blocks.push({ kind, node, entry, text: out.text, anchors: out.anchors, sentences: splitSentences(out.text) });
  };

  // The blocks, by kind: a walk of block containers only (the exported `walk` visits every node).
  const walkBlocks = (nodes: readonly RootContent[], context: BlockKind | undefined) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'thematicBreak':
          entry++;
          break;
        case 'heading':
          addBlock(node, context === 'caption' ? 'caption' : 'heading');
          break;
        case 'paragraph':
          addBlock(node, context ?? 'paragraph');
          break;
        case 'blockquote':
          walkBlocks(node.children, context ?? 'quote');
          break;
        case 'list':
          for (const item of node.children) walkBlocks(item.children, context ?? 'list-item');
          break;
        case 'table':
          for (const row of node.children) for (const cell of row.children) addBlock(cell, 'table-cell');
          break;
        case 'containerDirective':
          walkBlocks(node.children, isFigure(node) ? 'caption' : context);
          break;
        case 'leafDirective':
        case 'textDirective':
          break;
        default:
          break;
      }
    }
  };
  walkBlocks(tree.children, undefined);
  return { tree, blocks };
}

/** Source offset of a text offset in a block. */
export function sourceOffset(block: TextBlock, textOffset: number): number {
  let best: [number, number] | undefined;
  for (const anchor of block.anchors) {
    if (anchor[0] <= textOffset) best = anchor;
    else break;
  }
  if (!best) return block.node.position?.start.offset ?? 0;
  return best[1] + (textOffset - best[0]);
}

export type { PhrasingContent };
