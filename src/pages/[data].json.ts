import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { exportable, origin } from '../components/lib/feeds.ts';
import { eventDigest } from '../components/lib/page-key.ts';
import { eventsJsonText, timelineJs } from '../pipeline/exports.ts';

/**
 * The open-data files, made from the story and every event:
 * - `/events.json`: every event with its sources (the contract is in the README), written a piece at a time;
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

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

export const GET: APIRoute = async ({ params, site }) => {
  const timeline = await exportable();
  if (params.data === 'timeline') return new Response(`${JSON.stringify(timelineJs(timeline, origin(site)), null, 2)}\n`, { headers: JSON_TYPE });
  const pieces = eventsJsonText(timeline, origin(site));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: JSON_TYPE });
};
