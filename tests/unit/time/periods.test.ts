/** Seasons, quarters, halves and holidays (publication: Thursday 2025-05-15). */
import { describe, expect, it } from 'vitest';
import { pairs, valueOf } from './helpers.ts';

describe('seasons', () => {
  it('with a year', () => {
    expect(pairs('Russia declined to renew the deal in the summer of 2023.')).toEqual(['the summer of 2023=2023-SU']);
    expect(valueOf('The offensive began in spring 2024.', 'spring 2024')).toBe('2024-SP');
    expect(valueOf('Talks stalled in the autumn of 2022.', 'autumn of 2022')).toBe('2022-FA');
    expect(valueOf('Sales slumped in fall 2008.', 'fall 2008')).toBe('2008-FA');
  });

  it('relative to publication, winter starting in December', () => {
    expect(valueOf('The offensive stalled last summer.', 'last summer')).toBe('2024-SU');
    expect(valueOf('The ports will reopen this summer.', 'this summer')).toBe('2025-SU');
    expect(valueOf('Fighting eased last winter.', 'last winter')).toBe('2024-WI');
    expect(valueOf('Fighting eased last winter.', 'last winter', '2025-01-20')).toBe('2023-WI');
    expect(valueOf('Fighting eased this winter.', 'this winter', '2025-01-20')).toBe('2024-WI');
    expect(valueOf('A vote is expected in the autumn.', 'autumn')).toBe('2025-FA');
    expect(valueOf('Prices fell during the winter.', 'winter')).toBe('2024-WI');
  });

  it('ignores seasons that are names or verbs', () => {
    expect(pairs('The Arab Spring swept the region.')).toEqual([]);
    expect(pairs('Prices fall when supply rises.')).toEqual([]);
    expect(pairs('The fall of Kabul shocked the world.')).toEqual([]);
    expect(pairs('They bathed in a hot spring.')).toEqual([]);
  });
});

describe('quarters and halves', () => {
  it('quarters with and without a year', () => {
    expect(valueOf('Net income rose in the third quarter of 2008.', 'third quarter')).toBe('2008-Q3');
    expect(valueOf('Revenue in Q3 2024 beat forecasts.', 'Q3 2024')).toBe('2024-Q3');
    expect(pairs("Sales fell from 1988's fourth quarter.")).toEqual(["1988's fourth quarter=1988-Q4"]);
    expect(valueOf('Profits rose in the first quarter.', 'first quarter')).toBe('2025-Q1');
    expect(valueOf('Profits rose in the fourth quarter.', 'fourth quarter', '2025-01-20')).toBe('2024-Q4');
    expect(valueOf('Fourth-quarter earnings will fall.', 'Fourth-quarter', '2025-10-20')).toBe('2025-Q4');
    expect(valueOf('Profit grew 78 percent during the last quarter.', 'last quarter', '2007-01-18')).toBe('2006-Q4');
    expect(valueOf('Shipments slow next quarter.', 'next quarter')).toBe('2025-Q3');
  });

  it('a quarter that is not of a year is not a date', () => {
    expect(pairs('A quarter of the population fled.')).toEqual([]);
    expect(pairs('He scored twice in the fourth quarter.')).toEqual([]);
    expect(pairs('The first quarter of the century was turbulent.')).toEqual([]);
  });

  it('halves of a year are reported as the year', () => {
    expect(valueOf('Sales rose in the first half of 2025.', 'first half')).toBe('2025');
    expect(valueOf('The sale closes in the second half of next year.', 'second half')).toBe('2026');
    expect(pairs('The talks will begin in the second half of the day.')).toEqual([]);
    expect(pairs('Deliveries doubled in H1 2024.')).toEqual(['H1 2024=2024']);
  });
});

describe('holidays', () => {
  it('fixed and movable feasts', () => {
    expect(valueOf('The ceasefire ended on Christmas Day.', 'Christmas Day')).toBe('2024-12-25');
    expect(valueOf('Fireworks are planned for New Year’s Eve.', 'New Year')).toBe('2025-12-31');
    expect(valueOf('The church was attacked on Easter Sunday.', 'Easter Sunday')).toBe('2025-04-20');
    expect(valueOf('The agreement was signed on Good Friday.', 'Good Friday')).toBe('2025-04-18');
    expect(valueOf('Shops close at Thanksgiving.', 'Thanksgiving', '2025-11-10')).toBe('2025-11-27');
    expect(valueOf('The troops should be home by Christmas.', 'Christmas', '2025-10-01')).toBe('2025-12-25');
    expect(valueOf('Christmas 2023 was quiet.', 'Christmas 2023')).toBe('2023-12-25');
  });

  it('a bare holiday name before a noun is a season of trade, not a day', () => {
    expect(pairs('Christmas sales were strong.')).toEqual([]);
    expect(pairs('The Easter holidays begin.')).toEqual([]);
  });
});
