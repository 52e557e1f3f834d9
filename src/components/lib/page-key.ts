import { createHash } from 'node:crypto';
import { outletTints, story } from './timeline.ts';

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
  return createHash('sha256').update(JSON.stringify([title, tints, props])).digest('base64url').slice(0, 32);
}
