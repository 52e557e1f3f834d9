import type { APIRoute, GetStaticPaths } from 'astro';
import { exportable, origin } from '../components/lib/feeds.ts';
import { eventsJsonText, timelineJs } from '../pipeline/exports.ts';

/**
 * `/events.json` and `/timeline.json` in `astro dev` (see open-data.ts: a
 * build writes the files itself): every event with its sources (the
 * contract is in the README), and the timeline in TimelineJS3's JSON format.
 */
export const getStaticPaths = (() => [{ params: { data: 'events' } }, { params: { data: 'timeline' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const timeline = await exportable();
  const text =
    params.data === 'timeline' ? `${JSON.stringify(timelineJs(timeline, origin(site)), null, 2)}\n` : [...eventsJsonText(timeline, origin(site))].join('');
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
