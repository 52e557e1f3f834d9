/** Dates written with month names, numbers and years (publication: Thursday 2025-05-15). */
import { describe, expect, it } from 'vitest';
import { pairs, tag, valueOf } from './helpers.ts';

describe('full dates', () => {
  it('month day, year and day month year', () => {
    expect(pairs('Boeing had been suspended since July 24, 2003 after violating federal law.')).toEqual(['July 24, 2003=2003-07-24']);
    expect(pairs('The treaty was signed on 16 July 2018 in Helsinki.')).toEqual(['16 July 2018=2018-07-16']);
    expect(pairs('Jobs was born in San Francisco on February 24, 1955.')).toEqual(['February 24, 1955=1955-02-24']);
    expect(pairs('The crash happened on the 3rd of March 2021.')).toEqual(['the 3rd of March 2021=2021-03-03']);
    expect(pairs('The festival runs 14-16 May, and the fair on June 3-4.')).toEqual(['14-16 May=2025-05-14', 'June 3=2025-06-03']);
  });

  it('AP abbreviations', () => {
    expect(pairs('The plan was announced Oct. 19, 1987.')).toEqual(['Oct. 19, 1987=1987-10-19']);
    expect(valueOf('Shares rose on Sept. 30.', 'Sept. 30')).toBe('2024-09-30');
  });

  it('numeric dates, US order unless the first number cannot be a month', () => {
    expect(pairs('Its date matches the aircraft’s designation, 7/8/07.')).toEqual(['7/8/07=2007-07-08']);
    expect(pairs('Filed on 25/12/2019 in London.')).toEqual(['25/12/2019=2019-12-25']);
    expect(pairs('The feed was updated 2025-05-14.')).toEqual(['2025-05-14=2025-05-14']);
  });

  it('rejects impossible dates', () => {
    expect(pairs('It was dated February 30, 2021.')).toEqual([]);
    expect(pairs('Filed on 13/13/2019.')).toEqual([]);
  });
});

describe('month and day without a year', () => {
  it('takes the occurrence nearest publication', () => {
    expect(valueOf('The Government Accountability Office on June 18 called for a re-run.', 'June 18', '2008-07-02')).toBe('2008-06-18');
    expect(valueOf('The software will be available on June 17.', 'June 17', '2009-06-09')).toBe('2009-06-17');
    expect(valueOf('The plane made its maiden flight on 11 December.', '11 December', '2010-01-25')).toBe('2009-12-11');
    expect(valueOf('According to an April 2nd report, sales rose.', 'April 2nd', '2008-04-09')).toBe('2008-04-02');
  });

  it('the tense overrides a nearest date on the wrong side by more than two months', () => {
    expect(valueOf('The budget will be presented on February 3.', 'February 3', '2025-11-20')).toBe('2026-02-03');
    expect(valueOf('The company collapsed on September 1.', 'September 1', '2025-03-10')).toBe('2024-09-01');
  });

  it('handles 29 February in leap years only', () => {
    expect(valueOf('The Air Force selected Northrop on February 29 to build the aircraft.', 'February 29', '2008-07-02')).toBe('2008-02-29');
  });
});

describe('months', () => {
  it('month and year', () => {
    expect(pairs('The first direct talks since March 2022 were held in Istanbul.')).toEqual(['March 2022=2022-03']);
    expect(pairs('Delivery was delayed until October 2007.')).toEqual(['October 2007=2007-10']);
    expect(valueOf('Construction starts in mid-March 2026.', 'March 2026')).toBe('2026-03');
  });

  it('a bare month is the latest on or before the publication month, or the next in the future', () => {
    expect(valueOf('The plane crashed into the Atlantic in June.', 'June', '2009-07-30')).toBe('2009-06');
    expect(valueOf('Lawmakers rejected the proposal in October.', 'October', '2004-11-24')).toBe('2004-10');
    expect(valueOf('The lawsuit was filed in December.', 'December')).toBe('2024-12');
    expect(valueOf('The new law will take effect in September.', 'September')).toBe('2025-09');
    expect(valueOf('The law will take effect in March.', 'March')).toBe('2026-03');
    expect(valueOf('Elections are held in May.', 'May')).toBe('2025-05');
  });

  it('modified months', () => {
    expect(valueOf('The ban was lifted last March.', 'March')).toBe('2025-03');
    expect(valueOf('Talks resume next April.', 'April')).toBe('2026-04');
    expect(valueOf('Fighting flared in early March.', 'March')).toBe('2025-03');
    expect(valueOf('The deadline is the end of June.', 'June')).toBe('2025-06');
    expect(valueOf('As of February, the store leads the market.', 'February', '2008-04-09')).toBe('2008-02');
    expect(valueOf('The FAA said it would ground the planes until at least May.', 'May', '2019-03-14')).toBe('2019-05');
    expect(valueOf('January’s figures were revised.', 'January')).toBe('2025-01');
  });

  it('“May” is a month only in plain date contexts', () => {
    expect(valueOf('Elections were held in May.', 'May')).toBe('2025-05');
    expect(valueOf('The law passed on May 2.', 'May 2')).toBe('2025-05-02');
    expect(pairs('It may rain tomorrow.')).toEqual(['tomorrow=2025-05-16']);
    expect(pairs('May I ask a question?')).toEqual([]);
    expect(pairs('Ms May said the vote would go ahead.')).toEqual([]);
    expect(pairs('The book, written by May Sarton, sold well.')).toEqual([]);
  });

  it('“March” the verb is no month', () => {
    expect(pairs('Thousands of protesters march on parliament.')).toEqual([]);
    expect(pairs('March on, they said.')).toEqual([]);
  });
});

describe('years', () => {
  it('years in date contexts', () => {
    expect(pairs('Russia annexed Crimea in 2014.')).toEqual(['2014=2014']);
    expect(pairs('He has been fighting cancer since 2004.')).toEqual(['2004=2004']);
    expect(pairs('The 2022 invasion changed Europe.')).toEqual(['2022=2022']);
    expect(pairs('Russia’s 2022 invasion changed Europe.')).toEqual(['2022=2022']);
    expect(pairs('The deliveries are scheduled in time for the 2008 Beijing Olympic Games.')).toEqual(['2008=2008']);
    expect(pairs('He will receive aircraft from 2009 to 2011.')).toEqual(['2009=2009', '2011=2011']);
    expect(pairs('2014 was a turning point.')).toEqual(['2014=2014']);
  });

  it('modified years keep their modifier in the span', () => {
    expect(pairs('He took six months off in early 2009.')).toEqual(['early 2009=2009']);
    expect(pairs('Lion is to be released in mid-2011.')).toEqual(['mid-2011=2011']);
    expect(pairs('The company’s fiscal 1990 began Oct. 1.', '1989-10-31')).toEqual(['fiscal 1990=1990', 'Oct. 1=1989-10-01']);
    expect(pairs('The deal closes at the end of 2026.')).toEqual(['the end of 2026=2026']);
  });

  it('amounts, labels and codes are not years', () => {
    for (const s of [
      'The ticket cost $2014.',
      'Profits were £2014m.',
      'Turnout was 2,014 votes.',
      'Some 2000 reporters milled around the palace.',
      '2000 troops arrived at the border.',
      'The plane flew at 2000 feet.',
      'Passengers on flight 2019 were evacuated.',
      'The UN passed Resolution 2139.',
      'See page 1998 of the report.',
      'The temple is 1,500 years old and has a 2000-year-old wall.',
      'A 2000-strong force crossed the river.',
      'The 1990s were a boom time.',
      'Sales rose 2014% in a year.',
      'Copyright 2025 The Associated Press.',
      'Prices are 1.2025 times higher.',
      'About 5000 young people are killed every week.',
    ]) {
      expect(pairs(s), s).toEqual([]);
    }
  });

  it('years out of 1800–2100 are not read', () => {
    expect(pairs('The population reached 3500 in 1750.')).toEqual([]);
  });

  it('spans and offsets slice the sentence', () => {
    const s = 'Since March 2022, nothing has moved.';
    const [e] = tag(s);
    expect(s.slice(e!.start, e!.end)).toBe(e!.text);
    expect(e).toMatchObject({ start: 6, end: 16, granularity: 'month', rule: 'month-year' });
  });
});
