/**
 * How the timeline is cut into pages: a month per page (events filed by the
 * first day of their span, as the timeline sorts them), and an archive's home
 * page showing its latest dates, whole dates only, within a cap; an
 * archive's articles a month of publication per page.
 */
import { describe, expect, it } from 'vitest';
import { articleMonthHref, articleMonths, latestDays, monthOf, monthPages } from '../../src/components/lib/pages.ts';
import type { Granularity, TimelineEvent } from '../../src/pipeline/types.ts';

let next = 0;
function event(date: string, background = false): TimelineEvent {
  const granularity: Granularity = /W/.test(date) ? 'week' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return { id: `e${next++}`, date, granularity, title: date, summary: date, sources: [], people: [], places: [], importance: 0, key: false, background };
}

describe('month pages', () => {
  it('files an event under the month its span starts in', () => {
    expect(monthOf({ date: '2025-05-15' })).toBe('2025-05');
    expect(monthOf({ date: '2025-05' })).toBe('2025-05');
    // ISO week 18 of 2025 runs from Monday 28 April to Sunday 4 May.
    expect(monthOf({ date: '2025-W18' })).toBe('2025-04');
    expect(monthOf({ date: '2024' })).toBe('2024-01');
  });

  it('lists the months with story events, oldest first, each with its events in order; background apart', () => {
    const events = [event('2014', true), event('2025-W18'), event('2025-04-30'), event('2025-05'), event('2025-05-01'), event('2025-05-15'), event('2025-07-02')];
    const pages = monthPages(events);
    expect(pages.map((p) => [p.month, p.label, p.href, p.events.map((e) => e.date)])).toEqual([
      ['2025-04', 'April 2025', '/timeline/2025-04/', ['2025-W18', '2025-04-30']],
      ['2025-05', 'May 2025', '/timeline/2025-05/', ['2025-05', '2025-05-01', '2025-05-15']],
      ['2025-07', 'July 2025', '/timeline/2025-07/', ['2025-07-02']],
    ]);
  });
});

describe('latest days on an archive’s home page', () => {
  const days = (list: TimelineEvent[]) => [...new Set(list.map((e) => e.date))];

  it('takes the last dates with events, whole, up to the number of dates', () => {
    const events = ['2025-05-01', '2025-05-02', '2025-05-02', '2025-05-04', '2025-05-06', '2025-05-07'].map((d) => event(d));
    expect(days(latestDays(events, 3, 60))).toEqual(['2025-05-04', '2025-05-06', '2025-05-07']);
    expect(days(latestDays(events, 4, 60))).toEqual(['2025-05-02', '2025-05-04', '2025-05-06', '2025-05-07']);
  });

  it('stops before a date that would pass the cap, but always shows the newest date', () => {
    const events = [...Array.from({ length: 5 }, () => event('2025-05-01')), ...Array.from({ length: 4 }, () => event('2025-05-02'))];
    expect(latestDays(events, 7, 8)).toHaveLength(4);
    expect(latestDays(events, 7, 9)).toHaveLength(9);
    expect(latestDays(events, 7, 2)).toHaveLength(4);
  });

  it('leaves background events out', () => {
    expect(latestDays([event('2025-05-01'), event('2020', true)]).map((e) => e.date)).toEqual(['2025-05-01']);
    expect(latestDays([])).toEqual([]);
  });
});

describe('articles by month', () => {
  it('files each article under its publication month, as the outlet dated it, months oldest first, articles in the order given', () => {
    const article = (id: string, published: string) => ({ id, meta: { published } });
    const newestFirst = [article('c', '2025-06-01'), article('b2', '2025-05-31T23:30:00-05:00'), article('b1', '2025-05-02'), article('a', '2024-12-31')];
    expect(articleMonths(newestFirst).map((m) => [m.month, m.label, m.href, m.articles.map((a) => a.id)])).toEqual([
      ['2024-12', 'December 2024', '/articles/2024/12/', ['a']],
      ['2025-05', 'May 2025', '/articles/2025/05/', ['b2', 'b1']],
      ['2025-06', 'June 2025', '/articles/2025/06/', ['c']],
    ]);
    expect(articleMonthHref('2025-05')).toBe('/articles/2025/05/');
    expect(articleMonths([])).toEqual([]);
  });
});
