import { eventDate, GRANULARITY_RANK, publicationDay, spanOf } from './dates.ts';
import { LEAD_SENTENCES } from './merge.ts';
import type { Article, EventCandidate, Mention, Omission, Sentence } from './types.ts';

/**
 * Which sentences become events, and with what date. The rules, in order
 * (written out for readers in the README and on /about/):
 *
 * 1. Only the article's own sentences: subheadings and photo captions are not.
 * 2. A time expression that only bounds a span ("since March 2022", "until
 *    Friday"), compares ("as in 2022") or names another happening ("Russia’s
 *    2022 invasion") does not date the sentence.
 * 3. A time expression next to a reporting verb ("said on Thursday", "on
 *    Sunday said", "told reporters on Thursday") dates the saying.
 * 4. Otherwise the sentence's finest time expression dates it, the first one
 *    among equals ("in Istanbul on Thursday" rather than "in 2022").
 * 5. A sentence with no date of its own that reports speech or news of the day
 *    ("Zelenskyy told reporters …", "has just confirmed …") is dated by its
 *    article: the publication date, or its live-blog entry's.
 * 6. Anything else is left out, and the build report says why. An undated
 *    sentence that goes on with its paragraph's dated sentence ("Then on
 *    Wednesday night, a list of delegates was released: … Putin’s name was
 *    absent.") is left out too, but is the dated sentence's evidence when
 *    reports are matched.
 */

const REPORTING_VERB =
  /\b(?:said|says|say|saying|told|tells|telling|announced|announces|confirmed|confirms|reported|reports|wrote|writes|posted|added|adds|insisted|insists|warned|warns|claimed|claims|stated|declared|described|accused|accuses|urged|urges|responded|replied|echoed|asked|acknowledged|denied|according to)\b/i;

/** News of the day in the present perfect or progressive ("has arrived", "is now reporting", "has just confirmed"). */
const NEWS_OF_THE_DAY = /\b(?:has|have) (?:just |now |already )?(?:arrived|confirmed|described|said|told|reported|announced|named|declined|rejected|agreed|landed|left|begun|started|tasked)\b|\bis (?:now )?(?:reporting|expected|due|set|scheduled)\b|\bwill (?:meet|hold|travel|represent|decide|make|attend|go)\b/i;

const BOUNDING = /\b(?:since|until|till|through|by|before|ahead of|from)\s+(?:the\s+)?$/i;

/** "as in 2022", "than in 2014": a comparison with another time, not this sentence's date. */
const COMPARISON = /\b(?:as|than|like)\s+(?:in\s+)?$/i;

/**
 * "Russia’s 2022 invasion", "the 2014 annexation": a year or month used as an
 * adjective names another happening; it does not date the sentence.
 */
function isAttributive(sentence: string, mention: Mention): boolean {
  if (mention.granularity !== 'year' && mention.granularity !== 'month') return false;
  const before = sentence.slice(Math.max(0, mention.start - 12), mention.start);
  const after = sentence.slice(mention.end, mention.end + 20);
  return /(?:[’']s|\bthe|\ba|\bits|\btheir|\bhis|\bher)\s+$/i.test(before) && /^\s+\p{Ll}/u.test(after) && !/^\s+(?:and|or|to|when|as)\b/.test(after);
}

/** Whether the words just before a time expression make it the date of a saying. */
function isSpeechDate(sentence: string, mention: Mention): boolean {
  const before = sentence.slice(Math.max(0, mention.start - 40), mention.start);
  const after = sentence.slice(mention.end, mention.end + 30);
  return (
    /\b(?:said|says|told|announced|confirmed|reported|wrote|posted|insisted|warned|stated|declared|responded|replied|commenting|echoed)\b[^,.;]{0,25}$/i.test(before) ||
    /^[^,.;]{0,12}\b(?:said|says|told|announced|confirmed|wrote|posted|warned|declared)\b/i.test(after)
  );
}

/** The mention that dates a sentence, by rules 2–4. */
export function datingMention(sentence: Sentence, mentions: Mention[]): { mention: Mention; speech: boolean } | undefined {
  const usable = mentions.filter((m) => {
    const before = sentence.text.slice(Math.max(0, m.start - 12), m.start);
    return spanOf(m.value) !== undefined && !BOUNDING.test(before) && !COMPARISON.test(before) && !isAttributive(sentence.text, m);
  });
  if (usable.length === 0) return undefined;
  const speech = usable.find((m) => isSpeechDate(sentence.text, m));
  if (speech) return { mention: speech, speech: true };
  const finest = [...usable].sort(
    (a, b) => GRANULARITY_RANK[a.granularity] - GRANULARITY_RANK[b.granularity] || a.start - b.start,
  )[0]!;
  return { mention: finest, speech: false };
}

export interface CandidateResult {
  candidates: EventCandidate[];
  omitted: Omission[];
}

/** Dated event candidates of one article, and the sentences left out with the reason. */
export function candidatesOf(article: Article, mentions: Map<string, Mention[]>, storyStart: string): CandidateResult {
  const candidates: EventCandidate[] = [];
  const omitted: Omission[] = [];
  const day = publicationDay(article.meta.published);
  const omit = (sentence: Sentence, reason: string) =>
    omitted.push({ article: article.id, sentence: sentence.id, text: sentence.text, reason });

  let bodyIndex = 0;
  /** Index of the last sentence of the latest candidate's run in its paragraph (itself and its continuation). */
  let lastInBlock = -1;
  for (const sentence of article.sentences) {
    const own = mentions.get(sentence.id) ?? [];
    if (sentence.kind === 'caption') {
      omit(sentence, 'photo caption: not the article’s own sentence');
      continue;
    }
    if (sentence.kind === 'heading') {
      omit(sentence, 'subheading: not a report of an event');
      continue;
    }
    const lead = article.meta.kind !== 'live' && bodyIndex < LEAD_SENTENCES;
    bodyIndex++;
    const base = { article: article.id, sentence, outlet: article.meta.outlet, published: article.meta.published, lead };
    const dating = datingMention(sentence, own);
    if (dating) {
      const { date, granularity } = eventDate(dating.mention.value);
      const span = spanOf(dating.mention.value)!;
      candidates.push({
        ...base,
        date,
        granularity,
        time: dating.mention.time ? `${dating.mention.time}${dating.mention.zone ?? ''}` : undefined,
        dating: dating.speech ? 'speech' : 'own',
        mention: dating.mention,
        background: span.end < storyStart,
      });
      lastInBlock = sentence.index;
      continue;
    }
    if (REPORTING_VERB.test(sentence.text) || NEWS_OF_THE_DAY.test(sentence.text)) {
      candidates.push({ ...base, date: day, granularity: 'day', dating: 'context', background: day < storyStart });
      lastInBlock = sentence.index;
      continue;
    }
    // An undated sentence going on with its paragraph's dated one is evidence for merging it.
    const previous = candidates.at(-1);
    if (
      own.length === 0 &&
      previous &&
      previous.dating !== 'context' &&
      previous.sentence.block === sentence.block &&
      sentence.index === lastInBlock + 1
    ) {
      previous.continuation = previous.continuation ? `${previous.continuation} ${sentence.text}` : sentence.text;
      lastInBlock = sentence.index;
      omit(sentence, 'no date of its own: it goes on with the dated sentence before it, which matches other reports by both');
      continue;
    }
    omit(
      sentence,
      own.length > 0
        ? 'its only time expressions bound a span (“since …”, “until …”), and it reports no saying'
        : 'no time expression, and not a report of the day (background or analysis)',
    );
  }
  return { candidates, omitted };
}
