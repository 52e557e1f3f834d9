import type { APIRoute } from 'astro';
import { exportable, origin } from '../components/lib/feeds.ts';
import { eventsJson } from '../pipeline/exports.ts';

/** The open-data file: every event with its sources (the contract is in the README). */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(eventsJson(await exportable(), origin(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
