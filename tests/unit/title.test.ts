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

describe('makeTitle on more of the articles’ phrasing', () => {
  it('drops parenthetical adverbs without breaking the verb', () => {
    expect(makeTitle('Peskov was emphatic on Thursday, however, giving a straight “no” when asked if Putin would be attending the talks.', ['Thursday'])).toBe(
      'Peskov was emphatic, giving a straight “no”',
    );
    expect(
      makeTitle('Despite Putin’s absence, the Kremlin said the president had, nonetheless, held a late night meeting with several top Russian officials.', [], ['Putin']),
    ).toBe('The Kremlin said the president had held a late night meeting with several top…');
  });

  it('removes every date of the sentence and the words that only served it', () => {
    expect(makeTitle('A meeting with Erdogan is believed to be scheduled for 11am UK time.', ['11am UK time'])).toBe('A meeting with Erdogan is believed to be scheduled');
    expect(
      makeTitle('Kyiv said from the morning of Wednesday to the morning of Thursday, Russian troops carried out 150 attacks on 41 settlements in the region.', [
        'the morning of Wednesday',
        'the morning of Thursday',
      ]),
    ).toBe('Kyiv: Russian troops carried out 150 attacks on 41 settlements in the region');
  });

  it('keeps a date used as an adjective', () => {
    expect(makeTitle('Trump was asked about Putin’s absence during today’s peace talks in Qatar.', ['today’s'])).toBe(
      'Trump was asked about Putin’s absence during today’s peace talks in Qatar',
    );
  });

  it('drops an appositive naming the speaker’s role', () => {
    expect(makeTitle('Estonia, an EU and NATO member that borders Russia, said Putin was delivering a “slap in the face” by sending a low-level team.', [], ['Putin'])).toBe(
      'Estonia: Putin was delivering a “slap in the face” by sending a low-level team',
    );
  });
});
