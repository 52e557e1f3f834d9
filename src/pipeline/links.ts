import type { Nodes } from 'mdast';
import { walk, type Segmented } from './markdown.ts';
import type { Position, Problem, Timeline } from './types.ts';

/** A link inside an article that points into this site. */
export interface InternalLink {
  url: string;
  position: Position;
}

/** Links of an article body that stay on the site (`/…`), with their place in the file. */
export function internalLinks({ tree }: Segmented, bodyLine: number): InternalLink[] {
  const links: InternalLink[] = [];
  walk<Nodes>(tree, (node) => {
    if (node.type !== 'link' || !node.url.startsWith('/') || node.url.startsWith('//')) return;
    const start = node.position?.start;
    links.push({ url: node.url, position: { line: (start?.line ?? 1) + bodyLine - 1, column: start?.column ?? 1 } });
  });
  return links;
}

/** Whether the site will have a page (and, with a fragment, that sentence of an article page). */
function siteAnswers(timeline: Timeline): (page: string, fragment: string | undefined) => boolean {
  const fixed = new Set(['/', '/about/', '/articles/', '/events.json', '/timeline.json', '/rss.xml', '/atom.xml', '/search/']);
  const articles = new Map(timeline.articles.map((a) => [`/articles/${a.id}/`, a]));
  const events = new Set(timeline.events.map((e) => `/events/${e.id}/`));
  // Sentence ids of the articles that links point into, found when first asked.
  const sentences = new Map<string, Set<string>>();
  return (page, fragment) => {
    if (!fragment) return fixed.has(page) || articles.has(page) || events.has(page);
    const article = articles.get(page);
    if (!article) return false;
    let ids = sentences.get(page);
    if (!ids) sentences.set(page, (ids = new Set(article.sentences.map((s) => s.id))));
    return ids.has(fragment);
  };
}

/** Internal links that no page of the site answers, as problems at their place in the file. */
export function brokenLinks(timeline: Timeline, links: Map<string, InternalLink[]>): Problem[] {
  const problems: Problem[] = [];
  if (![...links.values()].some((list) => list.length > 0)) return problems;
  const answers = siteAnswers(timeline);
  for (const article of timeline.articles) {
    for (const link of links.get(article.id) ?? []) {
      const [path = '', fragment] = link.url.split('#');
      const page = path.endsWith('/') || /\.\w+$/.test(path) ? path : `${path}/`;
      if (answers(page, fragment)) continue;
      problems.push({
        file: article.file,
        line: link.position.line,
        column: link.position.column,
        message: `Unexpected link to ${link.url} that no page of the site answers, expected a link to an article, an event or a sentence of this site`,
        rule: 'link-broken',
        severity: 'error',
      });
    }
  }
  return problems;
}
