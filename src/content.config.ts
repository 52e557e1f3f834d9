import { defineCollection } from 'astro:content';
import { timelineLoader } from './loaders/timeline.ts';

// The pipeline validates articles against `src/schemas/article.ts` and types
// its output in `src/pipeline/types.ts`; the collections carry that output.
export const collections = {
  events: defineCollection({ loader: timelineLoader('events') }),
  articles: defineCollection({ loader: timelineLoader('articles') }),
  story: defineCollection({ loader: timelineLoader('story') }),
};
