import { defineCollection } from 'astro:content';
import { timelineLoader } from './loaders/timeline.ts';

// The pipeline validates articles against `src/schemas/article.ts` and types
// its output in `src/pipeline/types.ts`; the collections carry that output.
// TIMELINE_CONTENT points the site at another content folder (the benchmark uses it).
const content = process.env.TIMELINE_CONTENT ?? 'content';

export const collections = {
  events: defineCollection({ loader: timelineLoader('events', { content }) }),
  articles: defineCollection({ loader: timelineLoader('articles', { content }) }),
  story: defineCollection({ loader: timelineLoader('story', { content }) }),
};
