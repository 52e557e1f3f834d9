import { describe, expect, it } from 'vitest';
import { eventDate, granularityOf, overlaps, spanOf } from '../../src/pipeline/dates.ts';

describe('spanOf', () => {
  it('gives the days each precision covers', () => {
    expect(spanOf('2025-05-15')).toEqual({ start: '2025-05-15', end: '2025-05-15' });
    expect(spanOf('2025-05-15T11:00+01:00')).toEqual({ start: '2025-05-15', end: '2025-05-15' });
    expect(spanOf('2025-W20')).toEqual({ start: '2025-05-12', end: '2025-05-18' });
    expect(spanOf('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(spanOf('2022-03')).toEqual({ start: '2022-03-01', end: '2022-03-31' });
    expect(spanOf('2023-SU')).toEqual({ start: '2023-06-01', end: '2023-08-31' });
    expect(spanOf('2024-WI')).toEqual({ start: '2024-12-01', end: '2025-02-28' });
    expect(spanOf('2025-Q2')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(spanOf('2014')).toEqual({ start: '2014-01-01', end: '2014-12-31' });
    expect(spanOf('PRESENT_REF')).toBeUndefined();
  });

  it('finds overlapping dates of different precision', () => {
    expect(overlaps(spanOf('2025-W20')!, spanOf('2025-05-15')!)).toBe(true);
    expect(overlaps(spanOf('2025-W19')!, spanOf('2025-05-15')!)).toBe(false);
    expect(overlaps(spanOf('2025-05')!, spanOf('2025-05-31')!)).toBe(true);
  });
});

describe('eventDate', () => {
  it('files events as YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD', () => {
    expect(eventDate('2025-05-15T11:00+01:00')).toEqual({ date: '2025-05-15', granularity: 'day' });
    expect(eventDate('2025-05-14TEV')).toEqual({ date: '2025-05-14', granularity: 'day' });
    expect(eventDate('2025-W19')).toEqual({ date: '2025-W19', granularity: 'week' });
    expect(eventDate('2023-SU')).toEqual({ date: '2023-06', granularity: 'month' });
    expect(eventDate('2014')).toEqual({ date: '2014', granularity: 'year' });
    expect(granularityOf('2022-03')).toBe('month');
  });
});
