import { defineCollection } from 'astro:content';
import { CONTENT_DIR } from './loaders/content-dir.ts';
import { timelineLoader } from './loaders/timeline.ts';

// The pipeline validates articles against `src/schemas/article.ts` and types
// its output in `src/pipeline/types.ts`. One collection, one entry: the story,
// which names the file of events and articles the pages read
// (src/components/lib/timeline.ts).
export const collections = {
  story: defineCollection({ loader: timelineLoader({ content: CONTENT_DIR }) }),
};
