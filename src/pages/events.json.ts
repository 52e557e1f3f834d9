import type { APIRoute } from 'astro';
import { origin, timeline } from '../components/lib/feeds.ts';
import { eventsJson } from '../pipeline/exports.ts';

/** The open-data file: every event with its sources (the contract is in the README). */
export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(eventsJson(timeline(), origin(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
