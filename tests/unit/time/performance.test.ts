/** Guards against catastrophic backtracking: long, repetitive input stays linear-ish. */
import { describe, expect, it } from 'vitest';
import { findTimeExpressions } from '../../../src/pipeline/time/index.ts';

const CASES: Record<string, string> = {
  'repeated dates': 'on Friday 2014 May 15 at 9am GMT, a year earlier, '.repeat(1000),
  'long runs of spaces': `in${' '.repeat(50_000)}2014`,
  'long runs of digits': '1'.repeat(50_000),
  'nested brackets and quotes': '(“'.repeat(20_000) + ' said on Friday',
  'near-miss zones': 'at 9am GMT+ at 10 UTC- at 11:00 ( '.repeat(2000),
};

describe('performance', () => {
  it.each(Object.entries(CASES))('%s', (_, text) => {
    const started = performance.now();
    findTimeExpressions(text, { published: '2025-05-15' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a news sentence takes well under a millisecond on average', () => {
    const sentences = [
      'Mr Rubio said he would travel to Istanbul to meet Turkey’s foreign minister and Ukraine’s delegation on Friday.',
      'The Russian leader had proposed holding talks on May 15 in Istanbul as a counter-offer after Ukraine and European nations last week called for a 30-day unconditional ceasefire.',
      'Meanwhile, President Zelensky is expected to meet President Erdogan at about 11am UK time in Ankara.',
      'Hundreds of thousands have been killed and wounded on both sides in the deadliest conflict in Europe since the Second World War.',
    ];
    for (const s of sentences) findTimeExpressions(s, { published: '2025-05-15' });
    const started = performance.now();
    for (let i = 0; i < 250; i++) for (const s of sentences) findTimeExpressions(s, { published: '2025-05-15' });
    expect((performance.now() - started) / 1000).toBeLessThan(1);
  });
});
