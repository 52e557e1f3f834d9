import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/pipeline/article.ts';
import { candidatesOf } from '../../src/pipeline/candidates.ts';
import { mentionsOf } from '../../src/pipeline/mentions.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

function candidates(body: string) {
  const { article } = parseArticle('content/articles/2025-05-15-x-y.md', `---\ntitle: T\noutlet: X\npublished: 2025-05-15\n---\n\n${body}\n`, NOW);
  return candidatesOf(article!, mentionsOf(article!), '2025-05-08');
}

describe('candidatesOf: an undated sentence that goes on with its paragraph', () => {
  it('is kept as the dated sentence’s continuation, and left out with that reason', () => {
    const { candidates: found, omitted } = candidates(
      'On Tuesday night the ministry published its list of negotiators: Anna Berg; Piet Kramer; and Ole Strand. The minister’s name was missing. It was not there either.\n\nAnalysts were surprised.',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.date).toBe('2025-05-13');
    expect(found[0]!.continuation).toBe('The minister’s name was missing. It was not there either.');
    const reasons = omitted.map((o) => [o.text, o.reason]);
    expect(reasons).toContainEqual(['The minister’s name was missing.', expect.stringContaining('goes on with the dated sentence')]);
    // Another paragraph is not a continuation.
    expect(reasons).toContainEqual(['Analysts were surprised.', expect.stringContaining('no time expression')]);
  });

  it('stops at a sentence with a time expression of its own, and never follows a sentence dated only by its article', () => {
    const run = candidates(
      'On Tuesday the ministry published its list. It had been ready since 2023. Nobody was surprised.\n\nThe minister told reporters he was pleased. His deputy was not.',
    );
    expect(run.candidates.map((c) => c.continuation)).toEqual([undefined, undefined]);
  });
});
