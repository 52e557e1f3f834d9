import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedSummary, firstReported, newestFirst, origin, timeline } from '../components/lib/feeds.ts';
import { eventOutlets } from '../components/lib/timeline.ts';

/** RSS 2.0 feed of the timeline's newest events, each published when it was first reported (see feed-items.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { story, events } = await timeline();
  return rss({
    title: story.title,
    description: story.description || `Events of ${story.title}, with their sources`,
    site: origin(site) || 'http://localhost',
    trailingSlash: true,
    items: newestFirst(events).map((event) => ({
      title: event.title,
      link: `/events/${event.id}/`,
      pubDate: firstReported(event),
      description: feedSummary(event),
      categories: [...eventOutlets(event), ...(event.key ? ['Key event'] : []), ...(event.background ? ['Background'] : [])],
    })),
    customData: '<language>en-gb</language>',
  });
};
