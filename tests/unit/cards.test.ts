/**
 * What an event's card shows (src/components/lib/cards.ts), and the facts
 * the listing pages' cache keys hash: one more report from an outlet the
 * event already cites leaves them as they were; anything a card shows
 * changes them.
 */
import { describe, expect, it } from 'vitest';
import { cardFacts, cardSources, MAX_BADGES, outletsByTime } from '../../src/components/lib/cards.ts';
import type { Source, TimelineEvent } from '../../src/pipeline/types.ts';

const source = (outlet: string, article: string, time?: string): Source => ({
  article,
  outlet,
  text: `${outlet} reports it.`,
  url: `/articles/${article}/#s-1`,
  sentence: 's-1',
  published: '2025-05-15',
  ...(time ? { time } : {}),
});

const event = (sources: Source[], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: '2025-05-15-talks-ab12',
  date: '2025-05-15',
  granularity: 'day',
  title: 'Talks',
  summary: 'Talks began.',
  sources,
  people: ['Zelensky'],
  places: ['Istanbul'],
  importance: 10,
  key: false,
  background: false,
  ...extra,
});

const facts = (e: TimelineEvent) => JSON.stringify(cardFacts(e));

describe('an event’s card', () => {
  it('badges each outlet once, by its first source, and counts the outlets past MAX_BADGES', () => {
    const outlets = Array.from({ length: MAX_BADGES + 3 }, (_, i) => `Outlet ${i}`);
    const e = event([...outlets.map((o, i) => source(o, `a${i}`)), source('Outlet 0', 'later')]);
    const { badges, moreOutlets } = cardSources(e);
    expect(badges.map((b) => b.outlet)).toEqual(outlets.slice(0, MAX_BADGES));
    expect(badges[0]!.url).toBe('/articles/a0/#s-1');
    expect(moreOutlets).toBe(3);
    expect(cardSources(event([source('AFP', 'a'), source('AFP', 'b')])).moreOutlets).toBe(0);
  });

  it('lists the outlets giving each clock time, each once', () => {
    const e = event([source('AFP', 'a', '11:00+01:00'), source('AFP', 'b', '11:00+01:00'), source('BBC', 'c', '10:00Z'), source('CBC', 'd')]);
    expect([...outletsByTime(e)]).toEqual([
      ['11:00+01:00', ['AFP']],
      ['10:00Z', ['BBC']],
    ]);
  });

  it('keeps its facts when a copy from an outlet it already cites joins, and changes them with anything it shows', () => {
    const base = [source('AFP', 'a'), source('BBC', 'b')];
    const before = facts(event(base));
    // The same outlet again, later: the event page changes, the card does not.
    expect(facts(event([...base, { ...source('AFP', 'z'), published: '2025-05-16' }]))).toBe(before);
    // What the card shows: a new outlet, a time, the title, the summary, key or background, people, places, date.
    const changed = [
      event([...base, source('CBC', 'c')]),
      event([...base, source('AFP', 'z', '11:00+01:00')], { time: '11:00+01:00' }),
      event([source('AFP', 'a'), source('BBC', 'b', '10:00Z')]),
      event(base, { title: 'Talks open' }),
      event(base, { summary: 'Talks opened.' }),
      event(base, { key: true }),
      event(base, { background: true }),
      event(base, { people: ['Zelensky', 'Erdogan'] }),
      event(base, { places: [] }),
      event(base, { date: '2025-05-16' }),
      event(base, { granularity: 'week', date: '2025-W20' }),
      event([source('BBC', 'b'), source('AFP', 'a')]),
    ];
    for (const e of changed) expect(facts(e), JSON.stringify(e)).not.toBe(before);
  });
});
