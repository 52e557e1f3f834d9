import { beforeAll, describe, expect, it } from 'vitest';
import { parseCorrections } from '../../src/pipeline/corrections.ts';
import { loadArticles } from '../../src/pipeline/files.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { buildTimeline } from '../../src/pipeline/timeline.ts';
import type { Article, TimelineEvent } from '../../src/pipeline/types.ts';

let articles: Article[];
beforeAll(() => {
  articles = loadArticles(['content/articles']).articles;
});

const FILE = 'content/corrections.yaml';
const build = (yaml: string) => {
  const corrections = parseCorrections(FILE, yaml, articles);
  expect(corrections.problems.map(formatProblem)).toEqual([]);
  return buildTimeline(articles, { corrections: corrections.entries });
};
const citing = (events: TimelineEvent[], phrase: string) => events.find((e) => e.sources.some((s) => s.text.includes(phrase)));

describe('corrections', () => {
  it('an empty list changes nothing', () => {
    expect(JSON.stringify(build('[]').events)).toBe(JSON.stringify(buildTimeline(articles).events));
  });

  it('fixes an event’s date and time, matched by a quoted phrase', () => {
    const { events } = build('- match: "named a lower-level delegation"\n  date: 2025-05-13\n  time: "22:00+03:00"\n');
    const event = citing(events, 'named a lower-level delegation')!;
    expect(event.date).toBe('2025-05-13');
    expect(event.time).toBe('22:00+03:00');
  });

  it('renames, marks as key, and hides events', () => {
    const { events, omitted } = build(
      [
        '- match: "slap in the face"',
        '  article: 2025-05-15-cbc-news-putin-sends-aides-to-turkey-talks',
        '  title: "Estonia calls the low-level team a slap in the face"',
        '  key: true',
        '- match: "Russia accused Ukraine of trying"',
        '  hide: true',
      ].join('\n'),
    );
    const estonia = citing(events, 'slap in the face')!;
    expect(estonia.title).toBe('Estonia calls the low-level team a slap in the face');
    expect(estonia.key).toBe(true);
    expect(citing(events, 'Russia accused Ukraine of trying')).toBeUndefined();
    expect(omitted.some((o) => o.text.startsWith('Russia accused Ukraine') && /hidden by a correction/.test(o.reason))).toBe(true);
  });

  it('merges two events and splits one sentence off', () => {
    const merged = build('- merge: ["Mr Putin’s decision not to attend", "has described the Russian delegation"]\n').events;
    const event = citing(merged, 'decision not to attend')!;
    expect(event.sources.some((s) => s.text.includes('has described the Russian delegation'))).toBe(true);

    const split = build('- match: "Zelenskyy told reporters that the level"\n  split: true\n').events;
    const alone = citing(split, 'Zelenskyy told reporters that the level')!;
    expect(alone.sources).toHaveLength(1);
  });

  it('survives case and quote style in the phrase', () => {
    const { events } = build(`- match: "MR PUTIN'S DECISION NOT TO ATTEND"\n  title: "Zelensky: the Russian line-up is decorative"\n`);
    expect(citing(events, 'decision not to attend')!.title).toBe('Zelensky: the Russian line-up is decorative');
  });

  it('fails on a phrase that matches nothing or more than one sentence, naming the line', () => {
    const { problems } = parseCorrections(FILE, '- match: "no such words anywhere"\n  hide: true\n- match: "Putin"\n  hide: true\n', articles);
    const messages = problems.map(formatProblem);
    expect(messages[0]).toMatch(/^content\/corrections\.yaml:1:3: Unexpected phrase “no such words anywhere” that matches no sentence/);
    expect(messages[1]).toMatch(/^content\/corrections\.yaml:3:3: Unexpected phrase “Putin” that matches \d+ sentences/);
  });

  it('checks the fields of each entry', () => {
    const { problems } = parseCorrections(FILE, '- match: "slap in the face"\n  date: "next Tuesday"\n  colour: red\n', articles);
    const messages = problems.map(formatProblem).join('\n');
    expect(messages).toContain('content/corrections.yaml:1:3: Invalid correction 1');
    expect(messages).toContain('date');
  });
});
