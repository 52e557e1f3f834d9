/** People and places of one sentence (compromise, tidied), and the count of sentences it tagged. */
import { describe, expect, it } from 'vitest';
import { entitiesOf, tagging } from '../../src/pipeline/entities.ts';

describe('entitiesOf', () => {
  it('finds people without their titles and places without their article', () => {
    const found = entitiesOf('President Recep Tayyip Erdogan met Volodymyr Zelensky in Ankara on Thursday, officials said.');
    expect(found.people).toEqual(['Recep Tayyip Erdogan', 'Volodymyr Zelensky']);
    expect(found.places).toEqual(['Ankara']);
  });

  it('tags each distinct sentence once: a repeated text is reused and not counted', () => {
    const text = 'Foreign Minister Hakan Fidan greeted the delegations in Istanbul on Friday.';
    const before = { ...tagging };
    const first = entitiesOf(text);
    expect(tagging.sentences).toBe(before.sentences + 1);
    expect(tagging.ms).toBeGreaterThan(before.ms);
    expect(entitiesOf(text)).toBe(first);
    expect(tagging.sentences).toBe(before.sentences + 1);
    expect(first.places).toContain('Istanbul');
  });
});
