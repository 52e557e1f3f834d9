import { visit } from 'unist-util-visit';
import type { Segmented } from './markdown.ts';
import type { Position, Problem, Timeline } from './types.ts';

/** A link inside an article that points into this site. */
export interface InternalLink {
  url: string;
  position: Position;
}

/** Links of an article body that stay on the site (`/…`), with their place in the file. */
export function internalLinks({ tree }: Segmented, bodyLine: number): InternalLink[] {
  const links: InternalLink[] = [];
  visit(tree, 'link', (node) => {
    if (!node.url.startsWith('/') || node.url.startsWith('//')) return;
    const start = node.position?.start;
    links.push({ url: node.url, position: { line: (start?.line ?? 1) + bodyLine - 1, column: start?.column ?? 1 } });
  });
  return links;
}

/** Pages and fragments the site will have. */
function siteTargets(timeline: Timeline): Set<string> {
  const targets = new Set(['/', '/about/', '/articles/', '/events.json', '/timeline.json', '/rss.xml', '/atom.xml', '/search/']);
  for (const article of timeline.articles) {
    targets.add(`/articles/${article.id}/`);
    for (const sentence of article.sentences) targets.add(`/articles/${article.id}/#${sentence.id}`);
  }
  for (const event of timeline.events) targets.add(`/events/${event.id}/`);
  return targets;
}

/** Internal links that no page of the site answers, as problems at their place in the file. */
export function brokenLinks(timeline: Timeline, links: Map<string, InternalLink[]>): Problem[] {
  const targets = siteTargets(timeline);
  const problems: Problem[] = [];
  for (const article of timeline.articles) {
    for (const link of links.get(article.id) ?? []) {
      const [path = '', fragment] = link.url.split('#');
      const page = path.endsWith('/') || /\.\w+$/.test(path) ? path : `${path}/`;
      if (targets.has(fragment ? `${page}#${fragment}` : page)) continue;
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
