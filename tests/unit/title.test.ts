import { describe, expect, it } from 'vitest';
import { MAX_TITLE, makeTitle, shorten } from '../../src/pipeline/title.ts';

describe('makeTitle', () => {
  it('drops the leading subordinate clause and the date words', () => {
    expect(
      makeTitle(
        'But after keeping the world guessing for days about Putin’s plans, the Kremlin late on Wednesday named a lower-level delegation that did not include the president and was described by Kyiv’s European allies as a snub.',
        ['late on Wednesday'],
      ),
    ).toBe('The Kremlin named a lower-level delegation that did not include the president…');
  });

  it('turns a quote led by its speaker into “Speaker: quote”', () => {
    expect(
      makeTitle('“We can’t be running around the world looking for Putin,” Mr Zelenskiy said after meeting Turkish president Recep Tayyip Erdogan in Ankara.'),
    ).toBe('Zelenskiy: “We can’t be running around the world looking for Putin”');
  });

  it('writes names headline-style: surname, no office, no appositive', () => {
    expect(
      makeTitle('Dmitry Peskov, the Kremlin spokesman, has just confirmed President Putin would “definitely not” attend peace talks in Turkey.', [], [
        'Dmitry Peskov',
        'Putin',
      ]),
    ).toBe('Peskov has just confirmed Putin would “definitely not” attend peace talks…');
  });

  it('never exceeds the limit and never cuts mid-word', () => {
    const sentence =
      'Russia‘s Vladimir Putin spurned a challenge to meet face-to-face with Volodymyr Zelenskiy in Turkey on Thursday, instead sending a second-tier delegation to planned peace talks, while Ukraine’s president said his defence minister would head Kyiv’s team.';
    const title = makeTitle(sentence, ['on Thursday'], ['Vladimir Putin', 'Volodymyr Zelenskiy']);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(title.startsWith('Putin spurned a challenge to meet face-to-face with Zelenskiy in Turkey')).toBe(true);
    const words = new Set(sentence.split(/[\s,]+/));
    for (const word of title.replace(/…$/, '').split(/[\s,]+/)) expect(words.has(word) || words.has(word + ',')).toBe(true);
  });

  it('shortens at a clause boundary when there is one', () => {
    expect(shorten('a'.repeat(50) + ', ' + 'b'.repeat(50))).toBe('a'.repeat(50));
    expect(shorten('word '.repeat(30)).endsWith('…')).toBe(true);
  });
});
