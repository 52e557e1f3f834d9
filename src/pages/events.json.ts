import type { APIRoute } from 'astro';
import { exportable, origin } from '../components/lib/feeds.ts';
import { eventsJsonText } from '../pipeline/exports.ts';

/** The open-data file: every event with its sources (the contract is in the README), written a piece at a time. */
export const GET: APIRoute = async ({ site }) => {
  const pieces = eventsJsonText(await exportable(), origin(site));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
