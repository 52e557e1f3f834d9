import { defineCollection } from 'astro:content';
import { timelineLoader } from './loaders/timeline.ts';

// The pipeline validates articles against `src/schemas/article.ts` and types
// its output in `src/pipeline/types.ts`. One collection, one entry: the story,
// which names the file of events and articles the pages read
// (src/components/lib/timeline.ts).
// TIMELINE_CONTENT points the site at another content folder (the benchmark uses it).
const content = process.env.TIMELINE_CONTENT ?? 'content';

export const collections = {
  story: defineCollection({ loader: timelineLoader({ content }) }),
};
