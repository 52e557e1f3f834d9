/** The verb-group cues the weekday, month and season rules read. */
import { describe, expect, it } from 'vitest';
import { tenseAround, tokenize, type Tense } from '../../../src/pipeline/time/tense.ts';

/** Tense around the first occurrence of `phrase` in `text`. */
function tenseOf(text: string, phrase: string): Tense {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no “${phrase}” in “${text}”`);
  return tenseAround(tokenize(text), start, start + phrase.length);
}

describe('tenseAround', () => {
  it.each([
    ['He said on Friday that he was ready.', 'Friday', 'past'],
    ['Trump on Sunday said Ukraine should agree.', 'Sunday', 'past'],
    ['The talks collapsed on Monday.', 'Monday', 'past'],
    ['The results were announced on Monday.', 'Monday', 'past'],
    ['Russia has captured two villages since Monday.', 'Monday', 'past'],
    ['Officials met on Wednesday with Rubio.', 'Wednesday', 'past'],
    ['The council will vote on Monday.', 'Monday', 'future'],
    ['We’ll know more on Monday.', 'Monday', 'future'],
    ['The results will be announced on Monday.', 'Monday', 'future'],
    ['The president is to visit Kyiv on Saturday.', 'Saturday', 'future'],
    ['The report is expected to be published on Tuesday.', 'Tuesday', 'future'],
    ['Talks are scheduled for Friday.', 'Friday', 'future'],
    ['The delegation is due to arrive on Sunday.', 'Sunday', 'future'],
    ['The leaders are meeting in Geneva on Friday.', 'Friday', 'future'],
    ['The Treasury will auction $9.75 billion of 52-week bills Thursday.', 'Thursday', 'future'],
    ['He would travel to Istanbul on Friday.', 'Friday', 'modal'],
    ['The minister is in Ankara on Thursday.', 'Thursday', 'present'],
    ['Protesters in Tbilisi on Tuesday', 'Tuesday', 'none'],
    ['The flight was cancelled on Monday due to the weather.', 'Monday', 'past'],
  ] as const)('%s → %s is %s', (text, phrase, tense) => {
    expect(tenseOf(text, phrase)).toBe(tense);
  });

  it('does not read a verb of another clause after a subordinator', () => {
    expect(tenseOf('It was not clear on Wednesday when the talks would begin.', 'Wednesday')).toBe('past');
  });

  it('reads an adjective participle as no cue', () => {
    expect(tenseOf('The proposed talks on Friday', 'Friday')).toBe('none');
  });
});
