import { describe, expect, it } from 'vitest';
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { addDaysIso, eventDate, granularityOf, overlaps, spanOf } from '../../src/pipeline/dates.ts';

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

describe('addDaysIso', () => {
  it('moves by calendar days as date-fns does, across months, leap days and years', () => {
    const reference = (day: string, days: number) => formatISO(addDays(parseISO(day), days), { representation: 'date' });
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('0099-01-01', -1)).toBe('0098-12-31');
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 37) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const days of [-400, -14, -1, 0, 1, 7, 30, 365]) expect(addDaysIso(day, days), `${day} ${days}`).toBe(reference(day, days));
    }
  });
});
