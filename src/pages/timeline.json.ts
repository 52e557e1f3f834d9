import type { APIRoute } from 'astro';
import { exportable, origin } from '../components/lib/feeds.ts';
import { timelineJs } from '../pipeline/exports.ts';

/** The timeline in TimelineJS3's JSON format, for newsrooms that embed Knight Lab's TimelineJS. */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(timelineJs(await exportable(), origin(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
