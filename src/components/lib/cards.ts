import type { Source, TimelineEvent } from '../../pipeline/types.ts';

/*
 * What an event's card (EventCard, EventWhen) shows, apart from the pages'
 * data so tests use it directly. The pages that list events key on these
 * facts (`cardFacts`), not on the whole event: one more report of an event
 * from an outlet it already cites changes the event's own page, not every
 * month and filter page that lists it.
 */

const outletLists = new WeakMap<TimelineEvent, string[]>();

/**
 * The outlets an event cites, each once, in the order of its sources: made
 * once per event and build (an archive's event can cite a thousand articles
 * of a dozen outlets, and cards, pages, keys and feeds all ask).
 */
export function eventOutlets(event: TimelineEvent): string[] {
  let outlets = outletLists.get(event);
  if (!outlets) {
    outlets = [...new Set(event.sources.map((s) => s.outlet))];
    outletLists.set(event, outlets);
  }
  return outlets;
}

/** Outlets a card names with a badge; past them, it says how many more. */
export const MAX_BADGES = 8;

const views = new WeakMap<TimelineEvent, { badges: Source[]; moreOutlets: number }>();

/**
 * A card's source badges: one per outlet, the outlet's first source in the
 * event's order (the earliest published), at most `MAX_BADGES`; and how many
 * outlets are left without one. An archive's events can cite a hundred
 * articles (wire copies among them): outlets, not copies, tell a reader how
 * widely an event was reported, and the event page lists every source.
 */
export function cardSources(event: TimelineEvent): { badges: Source[]; moreOutlets: number } {
  let view = views.get(event);
  if (!view) {
    const firsts = new Map<string, Source>();
    for (const source of event.sources) if (!firsts.has(source.outlet)) firsts.set(source.outlet, source);
    const badges = [...firsts.values()].slice(0, MAX_BADGES);
    views.set(event, (view = { badges, moreOutlets: firsts.size - badges.length }));
  }
  return view;
}

/** The outlets that give each clock time of an event, each once, in the order of its sources. */
export function outletsByTime(event: TimelineEvent): Map<string, string[]> {
  const byTime = new Map<string, string[]>();
  for (const s of event.sources) {
    if (!s.time) continue;
    const list = byTime.get(s.time) ?? [];
    if (!list.includes(s.outlet)) list.push(s.outlet);
    byTime.set(s.time, list);
  }
  return byTime;
}

/**
 * Everything a card renders of an event, as one value to hash: its date,
 * times (and which outlets give them), title, summary, whether it is a key
 * or background event, the people, places and outlets its filters read, and
 * its badges.
 */
export function cardFacts(event: TimelineEvent): unknown {
  const { badges, moreOutlets } = cardSources(event);
  return [
    event.id,
    event.date,
    event.granularity,
    event.time,
    event.times,
    event.title,
    event.summary,
    event.key,
    event.background,
    event.people,
    event.places,
    eventOutlets(event),
    badges.map((s) => [s.outlet, s.url]),
    moreOutlets,
    [...outletsByTime(event)],
  ];
}
