/**
 * Real phrases from the five seed articles (Russia–Ukraine talks, 15–16 May
 * 2025), resolved against their publication dates: Thursday 2025-05-15 for
 * 000–003, Friday 2025-05-16 for 004.
 */
import { describe, expect, it } from 'vitest';
import { FRIDAY, pairs, tag, valueOf } from './helpers.ts';

describe('seed articles published on Thursday 2025-05-15', () => {
  it('dates a future trip to the next Friday', () => {
    const s = 'Referring to the current state of the talks as a “logjam”, Mr Rubio said he would travel to Istanbul to meet Turkey’s foreign minister and Ukraine’s delegation on Friday.';
    expect(valueOf(s, 'Friday')).toBe('2025-05-16');
  });

  it('dates a past saying to the Wednesday before', () => {
    expect(valueOf('It was not clear on Wednesday when the talks would actually begin.', 'Wednesday')).toBe('2025-05-14');
  });

  it('keeps the part of day of “late on Wednesday”', () => {
    const s = 'But after keeping the world guessing for days about Putin’s plans, the Kremlin late on Wednesday named a lower-level delegation that did not include the president.';
    const [e] = tag(s);
    expect(e).toMatchObject({ text: 'late on Wednesday', value: '2025-05-14TEV', granularity: 'day', partOfDay: 'EV' });
  });

  it('reads “late on Wednesday evening” as the evening before, not next week', () => {
    const s = 'The Russian leader had not confirmed if he would attend the talks in person, however, and Putin’s name was notably absent when the Kremlin confirmed the delegation it would be sending to Istanbul late on Wednesday evening.';
    expect(valueOf(s, 'Wednesday')).toBe('2025-05-14TEV');
  });

  it('dates “on Thursday” to the publication day', () => {
    expect(valueOf('Russia said on Thursday its forces had captured two more settlements in Ukraine’s Donetsk region.', 'Thursday')).toBe('2025-05-15');
  });

  it('reads the verb after the weekday: “Trump on Sunday said”', () => {
    const s = 'Kyiv had come under pressure to participate in discussions after Trump on Sunday said that Ukraine should agree to meet Russia “immediately.”';
    expect(valueOf(s, 'Sunday')).toBe('2025-05-11');
  });

  it('dates “last Sunday” and “this week”', () => {
    const s = 'Russian President Putin had signaled last Sunday that he was willing to hold “direct negotiations” with Ukrainian President Volodymyr Zelenskyy “without any preconditions” in Istanbul this week.';
    expect(pairs(s)).toEqual(['last Sunday=2025-05-11', 'this week=2025-W20']);
  });

  it('dates a saying and a trip in one sentence', () => {
    const s = 'Trump, who is on a three-nation tour of the Middle East, said on Thursday he would go to the talks in Turkey on Friday “if it is appropriate.”';
    expect(pairs(s)).toEqual(['Thursday=2025-05-15', 'Friday=2025-05-16']);
  });

  it('dates weekend, week and month expressions at their own precision', () => {
    expect(valueOf('Putin last weekend proposed direct negotiations with Ukraine in Istanbul.', 'last weekend')).toBe('2025-W19');
    expect(valueOf('Zelenskyy had goaded Putin earlier this week by questioning if he was brave enough to show up.', 'earlier this week')).toBe('2025-W20');
    expect(valueOf('The Russian leader had proposed holding talks on May 15 in Istanbul as a counter-offer after Ukraine and European nations last week called for a 30-day unconditional ceasefire.', 'last week')).toBe('2025-W19');
    expect(valueOf('Last year, Putin demanded Kyiv withdraw its forces from parts of those regions.', 'Last year')).toBe('2024');
    expect(valueOf('President Erdogan welcomes President Zelensky to Ankara earlier this year', 'earlier this year')).toBe('2025');
  });

  it('dates months and years of the background', () => {
    expect(pairs('The warring sides last held face-to-face talks in March 2022, only weeks after Putin sent his army into Ukraine.')).toEqual(['March 2022=2022-03']);
    expect(pairs('Donald Trump (L) and Russia’s Vladimir Putin arrive to attend a joint press conference after a meeting at the Presidential Palace in Helsinki, on July 16, 2018.')).toEqual(['July 16, 2018=2018-07-16']);
    expect(valueOf('The Russian leader had proposed holding talks on May 15 in Istanbul.', 'May 15')).toBe('2025-05-15');
    expect(pairs('Kyiv has said it will never recognise Crimea as Russian, which Russia annexed in 2014.')).toEqual(['2014=2014']);
    expect(pairs('Ukraine and Russia are set to go into their first direct negotiations since a failed effort in the weeks after Russia’s 2022 invasion.')).toEqual(['2022=2022']);
    expect(pairs('Mr Trump, after clashing with Mr Zelenskiy in the Oval Office in February, has lately expressed growing impatience.')).toEqual(['February=2025-02']);
  });

  it('splits “in March and April” into two months', () => {
    const s = 'The arrest prompted the largest protests in a decade in March and April over what critics called a crackdown.';
    expect(pairs(s)).toEqual(['March=2025-03', 'April=2025-04']);
  });

  it('dates “three years ago” to a year', () => {
    expect(valueOf('Mr Medinsky confirmed on Thursday that Russia saw the new talks as a resumption of those interrupted three years ago.', 'three years ago')).toBe('2022');
  });

  it('dates clock times in UK time and GMT', () => {
    const [uk] = tag('Meanwhile, President Zelensky is expected to meet President Erdogan at about 11am UK time in Ankara.');
    expect(uk).toMatchObject({ text: '11am UK time', value: '2025-05-15T11:00+01:00', granularity: 'time', time: '11:00', zone: '+01:00' });
    expect(valueOf('Zelensky’s plane is expected to land in Ankara at about 9am UK time, Ukrainian media reported.', '9am')).toBe('2025-05-15T09:00+01:00');
    expect(pairs('President Zelensky will meet President Erdogan of Turkey at about 11am GMT in Ankara today, according to Ukrainian newspaper Stana.')).toEqual([
      '11am GMT=2025-05-15T11:00+00:00',
      'today=2025-05-15',
    ]);
  });

  it('dates parts of day relative to publication', () => {
    expect(valueOf('Andrii Sybiha, Ukraine’s foreign minister, met Rubio last night.', 'last night')).toBe('2025-05-14TNI');
    expect(valueOf('Around 250 miles east in the Turkish capital Ankara, President Zelensky will meet President Erdogan this morning.', 'this morning')).toBe('2025-05-15TMO');
    expect(pairs('Kyiv said from the morning of Wednesday to the morning of Thursday, Russian troops carried out 150 attacks on 41 settlements in the region.')).toEqual([
      'the morning of Wednesday=2025-05-14TMO',
      'the morning of Thursday=2025-05-15TMO',
    ]);
  });

  it('finds nothing in the not-dates of the seeds', () => {
    for (const s of [
      'Russia said they would take place in Istanbul in the second half of the day, but Turkey said no meeting was scheduled yet.',
      'Three civilians were killed and six injured in Russian strikes on the Sumy region of Ukraine in the 24 hours ahead of peace talks in Istanbul.',
      'It was unlikely that face-to-face talks would result in a sustainable ceasefire, let alone an agreement to end the war, the biggest conflict in Europe for 80 years.',
      'The Kremlin said Putin had held a late-night meeting with ministers, military commanders and spy chiefs to discuss the upcoming talks.',
      'Ukrainian President Volodymyr Zelenskyy speaks to members of the media as the war between the countries is in its fourth year.',
      'Ukraine backs an immediate, unconditional 30-day ceasefire but Mr Putin has said he first wants to start talks.',
      'Both Mr Trump and Mr Putin have said for months they are keen to meet each other, but no date has been set.',
      '“I feel disrespect from Russia. No meeting time, no agenda, no high-level delegation – this is personal disrespect.”',
    ]) {
      expect(pairs(s), s).toEqual([]);
    }
  });
});

describe('seed article published on Friday 2025-05-16', () => {
  it('dates the talks “on Friday” to the publication day', () => {
    const s = 'Despite the presidential no-shows, delegations from Kyiv and Moscow are meeting in Turkey on Friday for the first direct talks since March 2022.';
    expect(pairs(s, FRIDAY)).toEqual(['Friday=2025-05-16', 'March 2022=2022-03']);
  });

  it('dates “on Thursday” to the day before', () => {
    expect(valueOf('“I am here, we are ready for direct negotiations,” he said in a press conference on Thursday.', 'Thursday', FRIDAY)).toBe('2025-05-15');
    expect(valueOf('Volodymyr Zelensky said he was in Turkey to meet with Putin on Thursday', 'Thursday', FRIDAY)).toBe('2025-05-15');
  });

  it('dates “Then on Wednesday night” to Wednesday, night', () => {
    const [e] = tag('Then on Wednesday night, an official list of delegates was released.', FRIDAY);
    expect(e).toMatchObject({ text: 'Wednesday night', value: '2025-05-14TNI', partOfDay: 'NI' });
  });

  it('dates “two days ago” and “over the weekend”', () => {
    expect(valueOf('Two days ago, the prospect of a three-way meeting had raised hopes of a major step forward.', 'Two days ago', FRIDAY)).toBe('2025-05-14');
    expect(valueOf('After Putin called for direct talks between Kyiv and Moscow over the weekend, Mr Zelensky said he was ready.', 'weekend', FRIDAY)).toBe('2025-W19');
  });

  it('dates the grain deal sentence', () => {
    const s = 'Russia also declined to renew a deal brokered by Turkey and the United Nations to allow Ukraine to ship grain through the Black Sea in the summer of 2023, a year after it was agreed.';
    expect(pairs(s, FRIDAY)).toEqual(['the summer of 2023=2023-SU', 'a year after=2023']);
  });

  it('does not date amounts, durations or credits', () => {
    expect(pairs('“We’ve got to get it done. 5000 young people are being killed every single week on average.”', FRIDAY)).toEqual([]);
    expect(pairs('The return of Trump to the White House has forced the two sides to the negotiating table, after more than three years of war.', FRIDAY)).toEqual([]);
    expect(pairs('Volodymyr Zelensky said he was in Turkey (Copyright 2025 The Associated Press. All rights reserved)', FRIDAY)).toEqual([]);
  });
});
