import { hash as digest } from 'node:crypto';
import { compareEvents, compareInstants, comparePublished } from './order.ts';
import { addDaysIso, eventDate, GRANULARITY_RANK, publicationDay, spanOf } from './dates.ts';
import { candidatesOf } from './candidates.ts';
import type { Correction } from './corrections.ts';
import { entitiesOf, Gazetteer } from './entities.ts';
import { mentionsOf } from './mentions.ts';
import { mergeCandidates, type Cluster } from './merge.ts';
import { makeTitle } from './title.ts';
import { slugify } from './slug.ts';
import type { Article, EventCandidate, Mention, Omission, Source, Story, Timeline, TimelineEvent } from './types.ts';

export interface TimelineOptions {
  /** Title and description of the story; start and end are computed from the articles. */
  story?: Partial<Pick<Story, 'title' | 'description'>> | undefined;
  /** How many events the timeline puts first as key events. */
  keyEvents?: number | undefined;
  /** Editors' corrections, checked against the articles (`content/corrections.yaml`). */
  corrections?: Correction[] | undefined;
  /** Filled with milliseconds per stage (tag, candidates, merge, events), for benchmarks. */
  timings?: Record<string, number> | undefined;
  /** Mentions computed earlier (e.g. from a cache), by article id. */
  mentions?: Map<string, Map<string, Mention[]>> | undefined;
}

/** Days before the first article that still count as the story's own time; anything earlier is background. */
export const STORY_LEAD_DAYS = 7;

export function sourceUrl(article: string, sentence: string): string {
  return `/articles/${article}/#${sentence}`;
}

const DATING_RANK = { editor: 0, own: 0, speech: 1, context: 2 } as const;

/** The order of the members to lead an event: dated by their own words, most precise, earliest in their article. */
function leadOrder(a: EventCandidate, b: EventCandidate): number {
  return (
    DATING_RANK[a.dating] - DATING_RANK[b.dating] ||
    GRANULARITY_RANK[a.granularity] - GRANULARITY_RANK[b.granularity] ||
    a.sentence.index - b.sentence.index ||
    a.article.localeCompare(b.article) ||
    a.sentence.id.localeCompare(b.sentence.id)
  );
}

/** The member whose sentence leads the event (its title and summary). */
function leadOf(cluster: Cluster): EventCandidate {
  return [...cluster.members].sort(leadOrder)[0]!;
}

/**
 * The member the event's address is made from: its first report (the
 * earliest published; among one day's reports, the one that would lead).
 * A running story's later reports join its events without moving them: the
 * title may get better, the URL stays (links, feeds and search results
 * keep working).
 */
function anchorOf(cluster: Cluster): EventCandidate {
  return [...cluster.members].sort((a, b) => compareInstants(a.published, b.published) || leadOrder(a, b))[0]!;
}

/** How prominently an article carries a sentence: the top of the piece counts most. */
function prominence(candidate: EventCandidate): number {
  const index = candidate.sentence.index;
  return index < 3 ? 3 : index < 8 ? 2 : index < 20 ? 1 : 0.5;
}

const keyOf = (c: EventCandidate) => `${c.article}#${c.sentence.id}`;

/** Date, time and split corrections act on candidates, before merging. */
function applySentenceCorrections(
  corrections: Correction[],
  candidates: EventCandidate[],
  omitted: Omission[],
  articles: Article[],
  storyStart: string,
): void {
  for (const correction of corrections) {
    if (!correction.date && !correction.time && !correction.split) continue;
    for (const key of correction.sentences) {
      let candidate = candidates.find((c) => keyOf(c) === key);
      if (!candidate) {
        // An editor can put a sentence the rules left out on the timeline.
        const [articleId, sentenceId] = key.split('#');
        const article = articles.find((a) => a.id === articleId)!;
        const sentence = article.sentences.find((s) => s.id === sentenceId)!;
        const day = publicationDay(article.meta.published);
        candidate = { article: article.id, sentence, outlet: article.meta.outlet, published: article.meta.published, date: day, granularity: 'day', dating: 'editor', background: false };
        candidates.push(candidate);
        const i = omitted.findIndex((o) => `${o.article}#${o.sentence}` === key);
        if (i !== -1) omitted.splice(i, 1);
      }
      if (correction.date) {
        const { date, granularity } = eventDate(correction.date);
        Object.assign(candidate, { date, granularity, dating: 'editor', background: spanOf(correction.date)!.start < storyStart });
      }
      if (correction.time) candidate.time = correction.time;
      if (correction.split) candidate.alone = true;
    }
  }
}

/** `merge` corrections join the clusters that hold the named sentences. */
function applyMergeCorrections(corrections: Correction[], clusters: Cluster[]): Cluster[] {
  let out = clusters;
  for (const correction of corrections) {
    if (correction.mergeSentences.length < 2) continue;
    const targets = correction.mergeSentences.map((key) => out.find((c) => c.members.some((m) => keyOf(m) === key))!);
    const [first, ...rest] = targets;
    for (const other of rest) {
      if (other === first) continue;
      first!.members.push(...other.members);
      out = out.filter((c) => c !== other);
    }
  }
  return out;
}

/** Title and hide corrections act on events. Hidden events' sentences are accounted for in the report. */
function applyEventCorrections(corrections: Correction[], events: TimelineEvent[], omitted: Omission[]): TimelineEvent[] {
  const holds = (event: TimelineEvent, keys: string[]) => event.sources.some((s) => keys.includes(`${s.article}#${s.sentence}`));
  let shown = events;
  for (const correction of corrections) {
    const event = shown.find((e) => holds(e, correction.sentences));
    if (!event) continue;
    if (correction.title) event.title = correction.title;
    if (correction.hide) {
      shown = shown.filter((e) => e !== event);
      for (const s of event.sources) {
        omitted.push({ article: s.article, sentence: s.sentence, text: s.text, reason: `hidden by a correction (corrections.yaml line ${correction.position.line})` });
      }
    }
  }
  return shown;
}

/** Articles → timeline: the whole pipeline after reading files. Deterministic for the same input. */
export function buildTimeline(articles: Article[], options: TimelineOptions = {}): Timeline {
  const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  const days = sorted.map((a) => publicationDay(a.meta.published)).sort();
  const first = days[0] ?? '1970-01-01';
  const last = days[days.length - 1] ?? first;
  const storyStart = addDaysIso(first, -STORY_LEAD_DAYS);

  const mentions: Record<string, Mention[]> = {};
  const candidates: EventCandidate[] = [];
  const omitted: Omission[] = [];
  const timings = options.timings ?? {};
  const time = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
    return result;
  };
  const mentionsByArticle = new Map<string, Map<string, Mention[]>>();
  for (const article of sorted) {
    const bySentence = options.mentions?.get(article.id) ?? time('tag', () => mentionsOf(article));
    mentionsByArticle.set(article.id, bySentence);
    mentions[article.id] = article.sentences.flatMap((s) => bySentence.get(s.id) ?? []);
    const result = time('candidates', () => candidatesOf(article, bySentence, storyStart));
    candidates.push(...result.candidates);
    omitted.push(...result.omitted);
  }

  const corrections = options.corrections ?? [];
  applySentenceCorrections(corrections, candidates, omitted, sorted, storyStart);

  const gazetteer = new Gazetteer();
  time('entities', () => {
    for (const c of candidates) gazetteer.learn(c.sentence.text);
  });

  const byId = new Map(sorted.map((a) => [a.id, a]));
  const clusters = time('merge', () => applyMergeCorrections(corrections, mergeCandidates(candidates)));
  const eventsStarted = performance.now();
  const made: TimelineEvent[] = clusters.map((cluster) => {
    const lead = leadOf(cluster);
    const anchor = anchorOf(cluster);
    const titleOf = (member: EventCandidate) => {
      const found = (options.mentions?.get(member.article) ?? mentionsByArticle.get(member.article))?.get(member.sentence.id) ?? [];
      return makeTitle(member.sentence.text, found.map((m) => m.text), entitiesOf(member.sentence.text).people);
    };
    const title = titleOf(lead);
    const members = [...cluster.members].sort(
      (a, b) => comparePublished(a.published, b.published) || a.outlet.localeCompare(b.outlet) || a.article.localeCompare(b.article),
    );
    const sources: Source[] = members.map((m) => ({
      article: m.article,
      outlet: m.outlet,
      text: m.sentence.text,
      url: sourceUrl(m.article, m.sentence.id),
      sentence: m.sentence.id,
      published: byId.get(m.article)!.meta.published,
      mention: m.mention?.text,
      time: m.time,
    }));
    const people = new Set<string>();
    const places = new Set<string>();
    for (const m of members) {
      const found = gazetteer.find(m.sentence.text);
      for (const p of found.people) people.add(p);
      for (const p of found.places) places.add(p);
    }
    const times = [...new Set(members.map((m) => m.time).filter((t): t is string => Boolean(t)))].sort();
    const outlets = new Set(members.map((m) => m.outlet));
    const importance =
      outlets.size * 10 + members.reduce((sum, m) => sum + prominence(m), 0) + (lead.dating === 'context' ? 0 : 1);
    const hash = digest('sha1', `${anchor.article}#${anchor.sentence.id}`, 'hex').slice(0, 4);
    return {
      id: `${cluster.date}-${slugify(anchor === lead ? title : titleOf(anchor))}-${hash}`.toLowerCase(),
      date: cluster.date,
      granularity: cluster.granularity,
      time: times[0],
      times: times.length > 1 ? times : undefined,
      title,
      summary: lead.sentence.text,
      sources,
      people: [...people].sort(),
      places: [...places].sort(),
      importance: Math.round(importance * 10) / 10,
      key: false,
      background: cluster.members.every((m) => m.background),
    };
  });

  timings.events = (timings.events ?? 0) + performance.now() - eventsStarted;
  const events = applyEventCorrections(corrections, made, omitted).sort(compareEvents);
  const keyCount = options.keyEvents ?? Math.min(8, Math.max(3, Math.ceil(events.length / 10)));
  const ranked = events
    .filter((e) => !e.background)
    .sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id))
    .slice(0, keyCount);
  for (const event of ranked) event.key = true;
  for (const correction of corrections) {
    if (correction.key === undefined) continue;
    const event = events.find((e) => correction.sentences.some((key) => e.sources.some((s) => `${s.article}#${s.sentence}` === key)));
    if (event) event.key = correction.key;
  }

  return {
    story: {
      title: options.story?.title ?? 'Timeline',
      description: options.story?.description ?? '',
      start: first,
      end: last,
    },
    events,
    articles: sorted,
    mentions,
    omitted,
    problems: [],
  };
}
