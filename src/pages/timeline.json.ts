import type { APIRoute } from 'astro';
import { origin, timeline } from '../components/lib/feeds.ts';
import { timelineJs } from '../pipeline/exports.ts';

/** The timeline in TimelineJS3's JSON format, for newsrooms that embed Knight Lab's TimelineJS. */
export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(timelineJs(timeline(), origin(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
