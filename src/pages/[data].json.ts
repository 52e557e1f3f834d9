import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { exportable, origin } from '../components/lib/feeds.ts';
import { eventDigest } from '../components/lib/page-key.ts';
import { eventsJsonText, timelineJs } from '../pipeline/exports.ts';

/**
 * The open-data files, made from the story and every event:
 * - `/events.json`: every event with its sources (the contract is in the README);
 * - `/timeline.json`: the timeline in TimelineJS3's JSON format, for newsrooms that embed Knight Lab's TimelineJS.
 *
 * Both are tens of megabytes in an archive; their `cacheKey` (the story and
 * each event's digest) lets a rebuild that changes no event keep them.
 */
export const getStaticPaths = (async () => {
  const { story, events } = await exportable();
  const hash = createHash('sha256').update(JSON.stringify(story));
  for (const event of events) hash.update(eventDigest(event));
  const cacheKey = hash.digest('base64url').slice(0, 32);
  return [
    { params: { data: 'events' }, cacheKey },
    { params: { data: 'timeline' }, cacheKey },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const timeline = await exportable();
  // One string: Astro reads a response's whole body before writing it, and a stream's pieces only cost time.
  const text =
    params.data === 'timeline' ? `${JSON.stringify(timelineJs(timeline, origin(site)), null, 2)}\n` : [...eventsJsonText(timeline, origin(site))].join('');
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
