import type { Timeline, TimelineEvent } from './types.ts';

/** One event as `events.json` publishes it (the open-data contract in the README). */
export function publicEvent(event: TimelineEvent) {
  return {
    id: event.id,
    date: event.date,
    granularity: event.granularity,
    ...(event.time ? { time: event.time } : {}),
    ...(event.times ? { times: event.times } : {}),
    title: event.title,
    summary: event.summary,
    key: event.key,
    background: event.background,
    importance: event.importance,
    people: event.people,
    places: event.places,
    sources: event.sources.map((s) => ({ article: s.article, outlet: s.outlet, text: s.text, url: s.url })),
  };
}

export function eventsJson(timeline: Timeline, site = '') {
  return { story: timeline.story, events: timeline.events.map((event) => eventJson(event, site)) };
}

function eventJson(event: TimelineEvent, site: string) {
  const data = publicEvent(event);
  return { ...data, sources: data.sources.map((s) => ({ ...s, url: site + s.url })) };
}

/**
 * `events.json` as text, a piece at a time: the same value as `eventsJson`,
 * one event a line. An archive's file runs to tens of megabytes; written in
 * pieces it is never one string in memory.
 */
export function* eventsJsonText(timeline: Timeline, site = ''): Generator<string> {
  yield `{\n  "story": ${JSON.stringify(timeline.story)},\n  "events": [`;
  let first = true;
  for (const event of timeline.events) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(eventJson(event, site))}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

/** The site's address without a trailing slash, to put before root-relative paths ('' when the site has none). */
export function siteOrigin(site: string | URL | undefined): string {
  return site ? new URL(site).href.replace(/\/$/, '') : '';
}

/** The texts of `/events.json` and `/timeline.json` (TimelineJS3's format) for the site at `site` (an origin). */
export function openDataTexts(timeline: Timeline, site: string): { events: string; timeline: string } {
  return {
    events: [...eventsJsonText(timeline, site)].join(''),
    timeline: `${JSON.stringify(timelineJs(timeline, site), null, 2)}\n`,
  };
}

/** `extract --json`: the contract `../shared/bench/temporal-score.mjs` reads. */
export function extractJson(timeline: Timeline) {
  return {
    articles: timeline.articles.map((article) => ({
      id: article.id,
      file: article.file,
      published: article.meta.published,
      mentions: (timeline.mentions[article.id] ?? []).map((m) => ({
        text: m.text,
        value: m.value,
        granularity: m.granularity,
        sentence: m.sentence,
        line: m.position.line,
        column: m.position.column,
        rule: m.rule,
      })),
    })),
    events: timeline.events.map(publicEvent),
  };
}

interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

function timelineJsDate(event: TimelineEvent): TimelineJsDate {
  const [year, month, day] = event.date.split('-');
  if (event.granularity === 'week') {
    // TimelineJS has no weeks: file the event on the week's Monday, and say it is the week.
    const week = /^(\d{4})-W(\d{2})$/.exec(event.date)!;
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
    const monday = new Date(jan4.getTime() + ((Number(week[2]) - 1) * 7 - ((jan4.getUTCDay() + 6) % 7)) * 86400000);
    return {
      year: monday.getUTCFullYear(),
      month: monday.getUTCMonth() + 1,
      day: monday.getUTCDate(),
      display_date: `Week ${Number(week[2])}, ${week[1]}`,
    };
  }
  const out: TimelineJsDate = { year: Number(year) };
  if (month && /^\d+$/.test(month)) out.month = Number(month);
  if (day) out.day = Number(day);
  if (event.time) {
    const [h, m] = event.time.split(':');
    out.hour = Number(h);
    out.minute = Number(m?.slice(0, 2));
  }
  return out;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The timeline in TimelineJS3's JSON format, so a newsroom can embed it with Knight Lab's TimelineJS. */
export function timelineJs(timeline: Timeline, site = '') {
  return {
    title: { text: { headline: escapeHtml(timeline.story.title), text: escapeHtml(timeline.story.description) } },
    events: timeline.events.map((event) => ({
      unique_id: event.id,
      start_date: timelineJsDate(event),
      text: {
        headline: escapeHtml(event.title),
        text:
          `<p>${escapeHtml(event.summary)}</p><p>` +
          event.sources.map((s) => `<a href="${escapeHtml(site + s.url)}">${escapeHtml(s.outlet)}</a>`).join(' · ') +
          '</p>',
      },
      group: event.background ? 'Background' : undefined,
    })),
  };
}
