import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes, Parent, PhrasingContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeOptions } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sentenceIds } from './article.ts';
import { segment, walk, type Segmented, type TextBlock } from './markdown.ts';

/**
 * Renders an article body to HTML (remark → rehype), with every sentence in a
 * `<span id="s-…" class="sentence">` so events can link to it, captions as
 * `<figure>`, and raw HTML, scripts, event handlers and `javascript:` links
 * removed by rehype-sanitize. External links get `rel="noopener noreferrer"`.
 */

export interface RenderOptions {
  /** Sentence ids that events cite, with the event ids citing them (they get a link back). */
  cited?: Map<string, Array<{ id: string; title: string }>> | undefined;
}

const schema: SanitizeOptions = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.span ?? []), 'id', ['className', 'sentence', 'cited'], 'dataEvents'],
    figure: [['className', 'figure', 'video']],
    small: [['className', 'credit']],
    a: [...(defaultSchema.attributes?.a ?? []), ['className', 'event-link'], 'rel', 'target'],
    hr: [['className', 'entry-break']],
  },
};

/** Splits a block's phrasing children at sentence boundaries and wraps each sentence in a span node. */
function wrapSentences(block: TextBlock, ids: string[], cited: RenderOptions['cited']): void {
  const node = block.node;
  const bounds = block.sentences.map((s) => s.start);
  const groups: PhrasingContent[][] = block.sentences.map(() => []);
  let offset = 0;
  let current = 0;
  const place = (child: PhrasingContent, length: number) => {
    while (current + 1 < bounds.length && offset >= bounds[current + 1]!) current++;
    groups[current]!.push(child);
    offset += length;
  };
  const lengthOf = (child: Nodes): number => {
    if (child.type === 'text' || child.type === 'inlineCode') return child.value.replace(/\s+/g, ' ').length;
    if (child.type === 'break') return 1;
    if ('children' in child) return (child.children as Nodes[]).reduce((n, c) => n + lengthOf(c), 0);
    return 0;
  };
  for (const child of node.children as PhrasingContent[]) {
    if (child.type !== 'text') {
      place(child, lengthOf(child));
      continue;
    }
    // A text node may hold several sentence starts: cut it at each.
    let value = child.value.replace(/\s+/g, ' ');
    while (value.length > 0) {
      const next = bounds.find((b) => b > offset && b < offset + value.length);
      if (next === undefined) {
        place({ type: 'text', value }, value.length);
        break;
      }
      const cut = next - offset;
      place({ type: 'text', value: value.slice(0, cut) }, cut);
      value = value.slice(cut);
    }
  }
  for (const children of groups) {
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value = last.value.trimEnd();
  }
  node.children = groups.map((children, i) => {
    const id = ids[i]!;
    const events = cited?.get(id);
    const backlinks: PhrasingContent[] = (events ?? []).map((event) => ({
      type: 'link',
      url: `/events/${event.id}/`,
      title: `Event: ${event.title}`,
      data: { hProperties: { className: ['event-link'] } },
      children: [{ type: 'text', value: '↗' }],
    }));
    return {
      type: 'emphasis',
      children: [...children, ...backlinks] as PhrasingContent[],
      data: {
        hName: 'span',
        hProperties: { id, className: events ? ['sentence', 'cited'] : ['sentence'] },
      },
    } as PhrasingContent;
  }).flatMap((span, i) => [span, ...(i < groups.length - 1 ? [{ type: 'text', value: ' ' } as PhrasingContent] : [])]);
}

/** HTML of an article body, sentence-anchored and sanitised. */
export function renderArticle(body: string, options: RenderOptions = {}): string {
  return renderSegmented(segment(body), options);
}

/** Renders an already parsed body (the build parses each article once for sentences and HTML). Consumes the tree. */
export function renderSegmented({ tree, blocks }: Segmented, options: RenderOptions = {}): string {
  const ids = sentenceIds(blocks);
  blocks.forEach((block, i) => wrapSentences(block, ids[i]!, options.cited));
  // Figures: `:::figure{credit="…" kind="video"}` → <figure><figcaption>… <small class="credit">…</small></figcaption></figure>
  walk<Nodes>(tree, (node) => {
    if (node.type === 'containerDirective' && node.name === 'figure') {
      const credit = node.attributes?.credit;
      const kind = node.attributes?.kind === 'video' ? 'video' : 'figure';
      const caption: Parent = { type: 'paragraph', children: node.children.flatMap((c) => ('children' in c ? (c.children as PhrasingContent[]) : [])) } as Parent;
      if (credit) caption.children.push({ type: 'text', value: ' ' }, { type: 'emphasis', data: { hName: 'small', hProperties: { className: ['credit'] } }, children: [{ type: 'text', value: credit }] } as PhrasingContent);
      caption.data = { hName: 'figcaption' };
      node.children = [caption as never];
      node.data = { hName: 'figure', hProperties: { className: [kind] } };
    } else if ((node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') && !node.data?.hName) {
      node.data = { hName: node.type === 'textDirective' ? 'span' : 'div' };
    } else if (node.type === 'heading' && node.depth === 1) {
      // The page's only <h1> is the headline.
      node.depth = 2;
    } else if (node.type === 'thematicBreak') {
      node.data = { hProperties: { className: ['entry-break'] } };
    }
  });
  const hast = unified().use(remarkRehype).runSync(tree) as HastRoot;
  walk<HastNodes>(hast, (element) => {
    if (element.type === 'element' && element.tagName === 'a' && typeof element.properties.href === 'string' && /^https?:\/\//i.test(element.properties.href)) {
      element.properties.rel = ['noopener', 'noreferrer'];
    }
  });
  const clean = unified().use(rehypeSanitize, schema).runSync(hast) as HastRoot;
  return unified().use(rehypeStringify).stringify(clean);
}

/**
 * Marks the sentences events cite in HTML rendered without citations: adds the
 * `cited` class and a link back to each event before the sentence's closing
 * tag (sentence spans hold no other spans). Lets the build render an article
 * once and cache it, whatever other articles later add to its events.
 */
export function citeSentences(html: string, cited: Map<string, Array<{ id: string; title: string }>>): string {
  if (cited.size === 0) return html;
  // One pass over the HTML: at thousands of articles, a copy of it per cited sentence added up to seconds.
  const parts: string[] = [];
  let from = 0;
  const open = /<span id="([^"]+)" class="sentence">/g;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const events = cited.get(match[1]!);
    if (!events) continue;
    const close = html.indexOf('</span>', open.lastIndex);
    if (close === -1) continue;
    const links = events
      .map((e) => `<a href="/events/${e.id}/" title="Event: ${escapeAttribute(e.title)}" class="event-link">↗</a>`)
      .join('');
    parts.push(html.slice(from, match.index), `<span id="${match[1]}" class="sentence cited">`, html.slice(open.lastIndex, close), links);
    from = close;
    open.lastIndex = close;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
