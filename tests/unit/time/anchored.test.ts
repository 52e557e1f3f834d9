/** Expressions relative to another date of the sentence, or to publication. */
import { describe, expect, it } from 'vitest';
import { pairs, valueOf } from './helpers.ts';

describe('relative to another date', () => {
  it('“a year earlier” with no date is a year before publication', () => {
    expect(valueOf('Net income rose to $35 million from $31.8 million a year earlier.', 'a year earlier', '1989-10-31')).toBe('1988');
  });

  it('leans on the last date before it in the sentence', () => {
    expect(pairs('The plant opened in 2019 and closed two years later.')).toEqual(['2019=2019', 'two years later=2021']);
    expect(pairs('He was arrested on March 3, 2021, and released a week later.')).toEqual(['March 3, 2021=2021-03-03', 'a week later=2021-W10']);
    expect(pairs('Talks began on Monday; the deal came the next day.')).toEqual(['Monday=2025-05-12', 'the next day=2025-05-13']);
    expect(pairs('The quake struck in June 2010, and a month later aid arrived.')).toEqual(['June 2010=2010-06', 'a month later=2010-07']);
  });

  it('takes a date right after it as its anchor', () => {
    expect(pairs('Ballots were printed two days before May 15.')).toEqual(['two days before=2025-05-13', 'May 15=2025-05-15']);
  });

  it('“the day before” and “the previous year” fall back to publication', () => {
    expect(valueOf('Officials had met the day before.', 'the day before')).toBe('2025-05-14');
    expect(valueOf('Profits fell compared with the previous year.', 'previous year')).toBe('2024');
  });

  it('“the next day” without a date is not resolved', () => {
    expect(pairs('The next day, the army withdrew.')).toEqual([]);
  });

  it('an apposition restates the date before it', () => {
    expect(pairs('Russia declined to renew the deal in the summer of 2023, a year after it was agreed.')).toEqual([
      'the summer of 2023=2023-SU',
      'a year after=2023',
    ]);
    expect(pairs('The A380 arrives on November 11, three days later than originally planned.', '2005-11-05')).toEqual([
      'November 11=2005-11-11',
      'three days later=2005-11-11',
    ]);
  });

  it('“N years after <event>” with no date is a duration', () => {
    expect(pairs('More than three years after its full-scale invasion, Russia has the advantage on the battlefield.')).toEqual([]);
    expect(pairs('Five years after its launch, the service leads the market.')).toEqual([]);
  });
});
