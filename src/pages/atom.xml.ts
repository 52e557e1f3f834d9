import type { APIRoute } from 'astro';
import { feedSummary, firstReported, lastReported, newestFirst, origin, timeline } from '../components/lib/feeds.ts';
import { eventOutlets } from '../components/lib/timeline.ts';

/**
 * Atom 1.0 feed of the timeline's newest events, written by hand (no Atom
 * package needed): each entry published at its first report and updated at
 * its latest (see feed-items.ts).
 */
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export const GET: APIRoute = async ({ site }) => {
  const base = origin(site);
  const { story, events } = await timeline();
  const items = newestFirst(events).map((event) => ({ event, published: firstReported(event), latest: lastReported(event) }));
  // The feed changes when the articles do: its date is the newest article's, and never before an entry's.
  const newest = Math.max(story.end ? Date.parse(`${story.end}T00:00:00Z`) : 0, ...items.map((item) => item.latest.getTime()));
  const updated = new Date(Number.isNaN(newest) ? 0 : newest).toISOString();
  const entries = items.map(({ event, published, latest }) => {
    const url = `${base}/events/${event.id}/`;
    const outlets = eventOutlets(event);
    return [
      '  <entry>',
      `    <id>${escape(url)}</id>`,
      `    <title>${escape(event.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escape(url)}"/>`,
      `    <published>${published.toISOString()}</published>`,
      `    <updated>${latest.toISOString()}</updated>`,
      ...outlets.map((o) => `    <category term="${escape(o)}"/>`),
      `    <summary type="text">${escape(feedSummary(event))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escape(`${base}/`)}</id>`,
    `  <title>${escape(story.title)}</title>`,
    ...(story.description ? [`  <subtitle>${escape(story.description)}</subtitle>`] : []),
    `  <link rel="alternate" type="text/html" href="${escape(`${base}/`)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(`${base}/atom.xml`)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>News Timeline</name></author>',
    '  <generator>news-timeline</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
