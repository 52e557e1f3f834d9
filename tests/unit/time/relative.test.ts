/** Expressions anchored to the publication day (Thursday 2025-05-15, ISO week 20). */
import { describe, expect, it } from 'vitest';
import { pairs, tag, valueOf } from './helpers.ts';

describe('days around publication', () => {
  it('yesterday, today, tomorrow and the days beyond', () => {
    expect(pairs('The strike began yesterday and continues today; talks resume tomorrow.')).toEqual([
      'yesterday=2025-05-14',
      'today=2025-05-15',
      'tomorrow=2025-05-16',
    ]);
    expect(valueOf('The deal was signed the day before yesterday.', 'day before yesterday')).toBe('2025-05-13');
    expect(valueOf('Results come the day after tomorrow.', 'day after tomorrow')).toBe('2025-05-17');
    expect(valueOf("Today's vote is the last.", 'Today')).toBe('2025-05-15');
  });

  it('parts of day', () => {
    expect(tag('The minister spoke this morning.')[0]).toMatchObject({ value: '2025-05-15TMO', granularity: 'day', partOfDay: 'MO' });
    expect(valueOf('Results are due this afternoon.', 'this afternoon')).toBe('2025-05-15TAF');
    expect(valueOf('He will address the nation tonight.', 'tonight')).toBe('2025-05-15TNI');
    expect(valueOf('Fighting continued last night.', 'last night')).toBe('2025-05-14TNI');
    expect(valueOf('The ship sank yesterday morning.', 'yesterday morning')).toBe('2025-05-14TMO');
    expect(valueOf('The talks ended late yesterday.', 'late yesterday')).toBe('2025-05-14TEV');
    expect(valueOf('The court rules tomorrow afternoon.', 'tomorrow afternoon')).toBe('2025-05-16TAF');
  });

  it('“overnight” is the night before publication, the adjective is no date', () => {
    expect(valueOf('Russia launched 273 drones against Ukraine overnight, officials said.', 'overnight')).toBe('2025-05-14TNI');
    expect(valueOf('Overnight, shelling hit the port.', 'Overnight')).toBe('2025-05-14TNI');
    expect(pairs('The delegates booked an overnight stay in Ankara.')).toEqual([]);
    expect(pairs('The army imposed an overnight curfew.')).toEqual([]);
  });

  it('“earlier today” and “later in the day”', () => {
    expect(valueOf('The statement was issued earlier today.', 'earlier today')).toBe('2025-05-15');
    expect(pairs('Talks began on Monday and collapsed later in the day.')).toEqual(['Monday=2025-05-12', 'later in the day=2025-05-12']);
  });
});

describe('weeks, months and years around publication', () => {
  it('this, last and next week, ISO weeks starting on Monday', () => {
    expect(valueOf('The bill passed last week.', 'last week')).toBe('2025-W19');
    expect(valueOf('The summit is this week.', 'this week')).toBe('2025-W20');
    expect(valueOf('He flew to Kyiv earlier this week.', 'earlier this week')).toBe('2025-W20');
    expect(valueOf('A vote is expected later this week.', 'later this week')).toBe('2025-W20');
    expect(valueOf('They meet again next week.', 'next week')).toBe('2025-W21');
    expect(valueOf('The plan was drafted the week before last.', 'week before last')).toBe('2025-W18');
  });

  it('uses the ISO week-year at the turn of the year', () => {
    expect(valueOf('The ministers met last week.', 'last week', '2021-01-06')).toBe('2020-W53');
    expect(valueOf('The courts reopen next week.', 'next week', '2024-12-26')).toBe('2025-W01');
  });

  it('weekends are reported as the ISO week they fall in', () => {
    expect(valueOf('Putin proposed talks last weekend.', 'last weekend')).toBe('2025-W19');
    expect(valueOf('Putin proposed talks over the weekend.', 'weekend')).toBe('2025-W19');
    expect(valueOf('Rallies are planned for this weekend.', 'this weekend')).toBe('2025-W20');
    expect(valueOf('Rallies will take place at the weekend.', 'weekend')).toBe('2025-W20');
    expect(valueOf('Voters went to the polls at the weekend.', 'weekend', '2025-05-18')).toBe('2025-W20');
    expect(valueOf('Talks resume next weekend.', 'next weekend')).toBe('2025-W21');
  });

  it('months', () => {
    expect(valueOf('Prices rose last month.', 'last month')).toBe('2025-04');
    expect(valueOf('Prices rose earlier this month.', 'earlier this month')).toBe('2025-05');
    expect(valueOf('The law takes effect next month.', 'next month')).toBe('2025-06');
    expect(valueOf('The law takes effect next month.', 'next month', '2025-12-03')).toBe('2026-01');
    expect(valueOf('The fund runs out at the end of the month.', 'end of the month')).toBe('2025-05');
  });

  it('years', () => {
    expect(valueOf('Exports fell last year.', 'last year')).toBe('2024');
    expect(valueOf('Exports fell this year.', 'this year')).toBe('2025');
    expect(valueOf('The ban was announced earlier this year.', 'earlier this year')).toBe('2025');
    expect(valueOf("At this year's conference, Apple unveiled a phone.", "this year's")).toBe('2025');
    expect(valueOf('Elections are due next year.', 'next year')).toBe('2026');
    expect(valueOf('The plant opens early next year.', 'early next year')).toBe('2026');
    expect(valueOf('Sales dipped at the beginning of the year.', 'beginning of the year')).toBe('2025');
    expect(valueOf('The plant closed at the end of last year.', 'end of last year')).toBe('2024');
  });

  it('“the last year” and “the next year” are spans, not calendar years', () => {
    expect(pairs('Prices have doubled over the last year.')).toEqual([]);
    expect(pairs('The company will hire 500 people over the next year.')).toEqual([]);
  });
});

describe('ago', () => {
  it('keeps the precision of the unit', () => {
    expect(valueOf('The law passed two days ago.', 'two days ago')).toBe('2025-05-13');
    expect(valueOf('He resigned three weeks ago.', 'three weeks ago')).toBe('2025-W17');
    expect(valueOf('The plant closed six months ago.', 'six months ago')).toBe('2024-11');
    expect(valueOf('The war began three years ago.', 'three years ago')).toBe('2022');
    expect(valueOf('The firm was founded a decade ago.', 'a decade ago')).toBe('2015');
    expect(valueOf('A year ago, the rate was 8.5%.', 'A year ago')).toBe('2024');
    expect(valueOf('It happened a couple of days ago.', 'couple of days ago')).toBe('2025-05-13');
  });
});

describe('spans up to publication', () => {
  it('are reported as the calendar unit one step coarser that holds most of them', () => {
    expect(valueOf('Prices have risen in the past two months.', 'past two months')).toBe('2025');
    expect(valueOf('Trump has shown increasing impatience in recent weeks.', 'recent weeks')).toBe('2025-05');
    expect(valueOf('Shelling has intensified over the past few days.', 'past few days')).toBe('2025-W20');
    expect(valueOf('Three ships were seized in the past week.', 'past week')).toBe('2025-05');
  });

  it('spans of years are durations', () => {
    expect(pairs('Prices have doubled in the past two years.')).toEqual([]);
    expect(pairs('Growth has slowed in recent years.')).toEqual([]);
  });
});
