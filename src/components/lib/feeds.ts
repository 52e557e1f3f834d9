import type { Story, Timeline, TimelineEvent } from '../../pipeline/types.ts';
import { dateLabel } from './format.ts';
import { allEvents, eventOutlets, story as storyEntry } from './timeline.ts';

export { eventInstant, FEED_ITEMS, firstReported, lastReported, newestFirst } from './feed-items.ts';

/**
 * The timeline for the data endpoints and feeds: the story and its events in
 * timeline order, read from the content collections the loaders filled (the
 * page bundle must not run the pipeline a second time).
 */
export async function timeline(): Promise<Pick<Timeline, 'story' | 'events'>> {
  const { title, description, start, end } = await storyEntry();
  const story: Story = { title, description, start, end };
  return { story, events: await allEvents() };
}

/** The same, typed for the export functions, which read only `story` and `events`. */
export async function exportable(): Promise<Timeline> {
  return (await timeline()) as Timeline;
}

/** The site's address without a trailing slash, to put before root-relative paths. */
export { siteOrigin as origin } from '../../pipeline/exports.ts';

/** An event as feed text: when, what, and who reported it. */
export function feedSummary(event: TimelineEvent): string {
  const outlets = eventOutlets(event).join(', ');
  return `${dateLabel(event.date, event.granularity)}. ${event.summary} (${outlets})`;
}
