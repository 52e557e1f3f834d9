import { createHash } from 'node:crypto';
import { cardFacts } from './cards.ts';
import { digestOf } from '../../pipeline/site-file.ts';
import type { TimelineEvent } from '../../pipeline/types.ts';
import type { MonthPage } from './pages.ts';
import { eventOutlets, outletTints, story } from './timeline.ts';

/**
 * The `cacheKey` of a page built by `getStaticPaths()`: a hash of everything
 * the page renders from. Astro's incremental build copies the previous output
 * of a page whose key and template code are unchanged, so a key must cover
 * every input, or the page goes stale: the page's own props and what it looks
 * up (neighbours, headlines), the story's title that every page shows, and the
 * badge tints of the outlets the page names. `tests/build/incremental.test.ts` holds this to a
 * cold build, byte for byte.
 */
export async function pageKey(props: unknown, outlets: Iterable<string>): Promise<string> {
  const { title } = await story();
  const all = await outletTints();
  const tints = [...new Set(outlets)].map((outlet) => [outlet, all.get(outlet)]);
  return digestOfValue([title, tints, props]);
}

const digests = new WeakMap<TimelineEvent, string>();
/** The outlets the given events cite, each once. */
export function outletsOf(events: Iterable<TimelineEvent>): Set<string> {
  const all = new Set<string>();
  for (const event of events) for (const outlet of eventOutlets(event)) all.add(outlet);
  return all;
}

/** A short hash of a value: a page's key, or a part of it that many pages share (hashed once, not once per page). */
export function digestOfValue(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/**
 * A hash of everything an event holds, for keys of pages that list it: made
 * once per event and build (an archive's event can cite a thousand sources,
 * and one event is on a dozen filter pages), or by the pipeline as it wrote it.
 */
export function eventDigest(event: TimelineEvent): string {
  // The pipeline wrote one beside the event (src/pipeline/site-file.ts), else it is made here.
  let digest = digests.get(event) ?? digestOf(event);
  if (!digest) {
    digest = createHash('sha256').update(JSON.stringify(event)).digest('base64url');
    digests.set(event, digest);
  }
  return digest;
}

const cardDigests = new WeakMap<TimelineEvent, string>();

/**
 * A hash of what an event's card shows (`cardFacts`), for the keys of the
 * pages that list events: made once per event and build. One more source
 * from an outlet the event already cites leaves it as it was.
 */
export function cardDigest(event: TimelineEvent): string {
  let digest = cardDigests.get(event);
  if (!digest) cardDigests.set(event, (digest = digestOfValue(cardFacts(event))));
  return digest;
}

/** A month page as the pages that link it show it: its label, its address and its number of events. */
export function monthBrief(page: MonthPage | undefined): [string, string, string, number] | undefined {
  return page && [page.month, page.label, page.href, page.events.length];
}
