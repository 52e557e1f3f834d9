import type { APIRoute, GetStaticPaths } from 'astro';
import { exportable, origin } from '../components/lib/feeds.ts';
import { openDataTexts } from '../pipeline/exports.ts';

/**
 * `/events.json` and `/timeline.json` in `astro dev` (see open-data.ts: a
 * build writes the files itself): every event with its sources (the
 * contract is in the README), and the timeline in TimelineJS3's JSON format.
 */
export const getStaticPaths = (() => [{ params: { data: 'events' } }, { params: { data: 'timeline' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const texts = openDataTexts(await exportable(), origin(site));
  return new Response(params.data === 'timeline' ? texts.timeline : texts.events, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
