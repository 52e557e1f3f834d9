import { createHash } from 'node:crypto';
import { outletTints, story } from './timeline.ts';

/**
 * The `cacheKey` of a page built by `getStaticPaths()`: a hash of everything
 * the page renders from. Astro's incremental build copies the previous output
 * of a page whose key and template code are unchanged, so a key must cover
 * every input, or the page goes stale: the page's own props (pages render only
 * from their props), plus what every page shows (the story's title, the
 * outlets' badge tints). `tests/build/incremental.test.ts` holds this to a
 * cold build, byte for byte.
 */
export async function pageKey(props: unknown): Promise<string> {
  const { title } = await story();
  const tints = [...(await outletTints())];
  return createHash('sha256').update(JSON.stringify([title, tints, props])).digest('base64url').slice(0, 32);
}
