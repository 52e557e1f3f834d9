/**
 * The seed story end to end through the pipeline: the five articles in
 * content/articles, read as a careful editor would check them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleBody } from '../../src/pipeline/bodies.ts';
import { buildSite } from '../../src/pipeline/build.ts';
import { loadArticles } from '../../src/pipeline/files.ts';
import { buildTimeline } from '../../src/pipeline/timeline.ts';
import type { Timeline, TimelineEvent } from '../../src/pipeline/types.ts';

let timeline: Timeline;
beforeAll(() => {
  const { articles, problems } = loadArticles(['content/articles']);
  expect(problems).toEqual([]);
  timeline = buildTimeline(articles);
});

/** The event citing a sentence that contains `phrase`. */
function eventCiting(phrase: string): TimelineEvent {
  const found = timeline.events.filter((e) => e.sources.some((s) => s.text.includes(phrase)));
  expect(found, `one event cites “${phrase}”`).toHaveLength(1);
  return found[0]!;
}
const outlets = (event: TimelineEvent) => [...new Set(event.sources.map((s) => s.outlet))].sort();

describe('the seed story', () => {
  it('reads all five articles and dates every event on a day the texts support', () => {
    expect(timeline.articles).toHaveLength(5);
    const days = new Set(timeline.events.filter((e) => e.granularity === 'day').map((e) => e.date));
    // The days the articles speak of: last Sunday (11), Wednesday (14), Thursday (15), Friday (16), and July 16, 2018.
    const supported = new Set(['2018-07-16', '2025-05-11', '2025-05-14', '2025-05-15', '2025-05-16']);
    for (const day of days) expect(supported, `an event on ${day}`).toContain(day);
    for (const day of ['2025-05-11', '2025-05-14', '2025-05-15', '2025-05-16']) expect(days).toContain(day);
    for (const wrong of ['2025-05-09', '2025-05-22', '2025-05-08', '2025-05-21', '2025-05-17']) expect(days.has(wrong)).toBe(false);
  });

  it('makes Putin’s no-show one event citing Reuters, CBC News and CNBC', () => {
    const event = eventCiting('Putin spurned a challenge to meet face-to-face');
    expect(event.date).toBe('2025-05-15');
    expect(outlets(event)).toEqual(expect.arrayContaining(['CBC News', 'CNBC', 'Reuters']));
    expect(event.key).toBe(true);
  });

  it('makes Zelensky in Ankara with Erdogan one event across four outlets', () => {
    const event = eventCiting('We can’t be running around the world looking for Putin');
    expect(event.date).toBe('2025-05-15');
    expect(outlets(event)).toEqual(expect.arrayContaining(['CNBC', 'Reuters', 'The Independent', 'The Times']));
    expect(event.places).toContain('Ankara');
  });

  it('dates the Kremlin naming its delegation “late on Wednesday” to 14 May, citing CBC News, CNBC and The Independent', () => {
    const event = eventCiting('the Kremlin late on Wednesday named a lower-level delegation');
    expect(event.date).toBe('2025-05-14');
    expect(outlets(event)).toEqual(['CBC News', 'CNBC', 'The Independent']);
    // The Independent's list of names is matched through the sentence that goes on with it: “Putin’s name was absent.”
    expect(event.sources.some((s) => s.text.startsWith('Then on Wednesday night, an official list of delegates was released'))).toBe(true);
  });

  it('puts Putin’s proposal of direct talks on Sunday 11 May, citing CBC News, CNBC and The Independent', () => {
    const event = eventCiting('had signaled last Sunday');
    expect(event.date).toBe('2025-05-11');
    expect(outlets(event)).toEqual(['CBC News', 'CNBC', 'The Independent']);
  });

  it('makes Peskov’s “definitely not” one event with CNBC’s straight “no”', () => {
    const event = eventCiting('would “definitely not” attend');
    expect(event.date).toBe('2025-05-15');
    expect(event.sources.some((s) => s.text.includes('giving a straight “no”'))).toBe(true);
  });

  it('makes the settlements Russia said it captured one event citing Reuters and The Times', () => {
    const event = eventCiting('captured two more settlements');
    expect(outlets(event)).toEqual(['Reuters', 'The Times']);
    expect(event.sources.some((s) => s.text.includes('Novooleksandrivka and Torske'))).toBe(true);
  });

  it('makes Zelensky calling the Russian delegation “decorative” one event with three sources', () => {
    const event = eventCiting('was “decorative.”');
    expect(outlets(event)).toEqual(expect.arrayContaining(['CBC News', 'The Times']));
    expect(event.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('puts the Istanbul talks on Friday 16 May', () => {
    const event = eventCiting('delegations from Kyiv and Moscow are meeting in Turkey on Friday');
    expect(event.date).toBe('2025-05-16');
  });

  it('keeps both clock times where sources disagree on the Zelensky–Erdogan meeting', () => {
    const times = timeline.events.flatMap((e) => e.times ?? (e.time ? [e.time] : []));
    expect(times).toContain('11:00+01:00');
    expect(times).toContain('11:00+00:00');
  });

  it('keeps background events at their own precision', () => {
    const background = timeline.events.filter((e) => e.background);
    const march2022 = background.find((e) => e.date === '2022-03');
    expect(march2022?.granularity).toBe('month');
    expect(background.some((e) => e.date === '2014' && e.granularity === 'year')).toBe(true);
    expect(background.some((e) => e.date === '2023-06')).toBe(true); // the summer of 2023 grain deal, filed by its first month
    expect(background.every((e) => !e.key)).toBe(true);
  });

  it('gives every event a short title, never cut mid-word, and a stable id', () => {
    for (const event of timeline.events) {
      expect(event.title.length).toBeLessThanOrEqual(80);
      expect(event.title).toMatch(/^\S/);
      expect(event.id).toMatch(/^\d{4}(-\d{2}|-W\d{2})?(-\d{2})?-[a-z0-9-]+-[0-9a-f]{4}$/);
    }
    expect(new Set(timeline.events.map((e) => e.id)).size).toBe(timeline.events.length);
  });

  it('finds people and places without a list of this story’s names', () => {
    const people = new Set(timeline.events.flatMap((e) => e.people));
    const places = new Set(timeline.events.flatMap((e) => e.places));
    for (const name of ['Putin', 'Trump', 'Erdogan', 'Rubio', 'Peskov']) expect(people).toContain(name);
    for (const place of ['Istanbul', 'Ankara', 'Antalya']) expect(places).toContain(place);
  });

  it('accounts for every sentence: on the timeline, or left out with a reason', () => {
    const cited = new Set(timeline.events.flatMap((e) => e.sources.map((s) => `${s.article}#${s.sentence}`)));
    const omitted = new Set(timeline.omitted.map((o) => `${o.article}#${o.sentence}`));
    for (const article of timeline.articles) {
      for (const sentence of article.sentences) {
        const key = `${article.id}#${sentence.id}`;
        expect(cited.has(key) !== omitted.has(key), `${key} is either on the timeline or left out, once`).toBe(true);
      }
    }
    const sentences = timeline.articles.reduce((n, a) => n + a.sentences.length, 0);
    expect(cited.size + omitted.size).toBe(sentences);
    for (const o of timeline.omitted) expect(o.reason.length).toBeGreaterThan(10);
  });

  it('gives each article page its own accounting: cited and left-out sentences add up to all of them', async () => {
    const { articles, problems } = buildSite('content', { cache: false });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      const { html, omitted } = await articleBody(article);
      expect(article.leftOut).toBe(omitted.length);
      expect(article.cited + omitted.length, article.id).toBe(article.sentences);
      // The count is the body's: each cited sentence is marked there, with its events' links.
      expect(html.match(/class="sentence cited"/g)?.length ?? 0, article.id).toBe(article.cited);
      for (const o of omitted) expect(html).toContain(`id="${o.sentence}"`);
    }
  });

  it('is deterministic', () => {
    const { articles } = loadArticles(['content/articles']);
    expect(JSON.stringify(buildTimeline([...articles].reverse()).events)).toBe(JSON.stringify(timeline.events));
  });
});
