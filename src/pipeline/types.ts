/**
 * The timeline pipeline's data, stage by stage:
 * articles → sentences → time expressions → event candidates → events → timeline.
 * Plain data only (JSON-serialisable), so pages, scripts and tests share it.
 */

/** A place in a source file, 1-based like every editor shows it. */
export interface Position {
  line: number;
  column: number;
}

/** A problem found in an editor's file, printed as `file:line:column: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Short rule name, e.g. `frontmatter-required`, `date-invalid`. */
  rule: string;
  severity: 'error' | 'warning';
}

/** Frontmatter after validation (see `src/schemas/article.ts`). */
export interface ArticleMeta {
  title: string;
  outlet: string;
  /** ISO 8601 as written by the editor: `2025-05-15` or `2025-05-15T09:30:00+01:00`. */
  published: string;
  authors: string[];
  url?: string | undefined;
  language: string;
  /** Optional one-line standfirst. */
  description?: string | undefined;
  /** Kind of piece: a report, a live blog (entries newest first), analysis, opinion. */
  kind: 'report' | 'live' | 'analysis' | 'opinion';
  /** Name of the agency when the outlet carries an agency report (e.g. Reuters). */
  agency?: string | undefined;
  /** Where the copy was taken from, if not the outlet itself (e.g. the inkl app). */
  via?: string | undefined;
}

/** What a block of the article is: the pipeline dates only body text. */
export type BlockKind = 'paragraph' | 'heading' | 'caption' | 'credit' | 'quote' | 'list-item' | 'table-cell';

export interface Sentence {
  /** Anchor id on the article page, stable while the sentence's words stay the same: `s-` + 8 hex. */
  id: string;
  /** The sentence as the article has it (inline Markdown removed). */
  text: string;
  /** Where it starts in the Markdown file. */
  position: Position;
  /** Index of the block (paragraph, heading …) it sits in, in reading order. */
  block: number;
  kind: BlockKind;
  /** Index of the live-blog entry it sits in (sections split by `***`), 0 for a plain article. */
  entry: number;
  /** Index of the sentence in the article, in reading order. */
  index: number;
}

export interface Article {
  /** Slug from the file name, without `.md`. */
  id: string;
  /** Path of the Markdown file as given (relative to the working directory when possible). */
  file: string;
  meta: ArticleMeta;
  /**
   * The Markdown body, after the frontmatter; not in the disk cache's
   * analyses, since nothing after parsing reads it (a quarter of their size).
   */
  body?: string | undefined;
  /** Line of the file where the body starts (1-based). */
  bodyLine: number;
  sentences: Sentence[];
}

export type Granularity = 'year' | 'season' | 'quarter' | 'month' | 'week' | 'day' | 'time';

/** A time expression found in a text and resolved against the publication date. */
export interface TimeExpression {
  /** The words as they stand in the text, e.g. `late on Wednesday`. */
  text: string;
  /** Offset of `text` in the sentence (UTF-16 code units). */
  start: number;
  end: number;
  /**
   * TimeML-style value: `2014`, `2022-03`, `2023-SU`, `2025-Q2`, `2025-W20`,
   * `2025-05-14`, `2025-05-14TEV` (part of day), `2025-05-15T11:00+01:00`.
   */
  value: string;
  granularity: Granularity;
  /** Part of day when the text gives one without a clock time: MO, AF, EV, NI. */
  partOfDay?: 'MO' | 'AF' | 'EV' | 'NI' | undefined;
  /** Clock time `HH:MM` and zone offset `+01:00` when the text gives them. */
  time?: string | undefined;
  zone?: string | undefined;
  /** Which rule produced it, for the editor's report and for tests. */
  rule: string;
}

/** Context a time expression is resolved against. */
export interface ResolveContext {
  /** The article's publication date/time, ISO 8601. */
  published: string;
  /** Article language; English rules apply only to `en`. */
  language?: string | undefined;
}

export interface Mention extends TimeExpression {
  /** The sentence it was found in. */
  sentence: string;
  position: Position;
}

/** Reference to one sentence of one article, as cited by an event. */
export interface Source {
  /** Article id. */
  article: string;
  outlet: string;
  /** The exact sentence. */
  text: string;
  /** Link to the sentence on the article page: `/articles/<id>/#<sentence id>`. */
  url: string;
  sentence: string;
  /** Published date of the article, ISO. */
  published: string;
  /** The time expression that dated this source, if any (else the date came from context). */
  mention?: string | undefined;
  /** Time of day given by this source, if any (`11:00+01:00`). */
  time?: string | undefined;
}

/** A dated sentence, before merging across articles. */
export interface EventCandidate {
  article: string;
  sentence: Sentence;
  outlet: string;
  published: string;
  date: string;
  granularity: Granularity;
  time?: string | undefined;
  /** How the date was chosen: `own` (the sentence's time expression), `speech` (date of the saying), `context` (publication date / entry), `editor` (a correction). */
  dating: 'own' | 'speech' | 'context' | 'editor';
  /** Among the first sentences of a report (not a live blog): the news the outlet led with. */
  lead?: boolean | undefined;
  /** Set by a `split` correction: this sentence is an event of its own. */
  alone?: boolean | undefined;
  /**
   * The sentences that follow it in its paragraph with no date of their own and
   * no saying to report ("Then on Wednesday night, a list of delegates was
   * released: … . Putin’s name was absent."): the same report, going on. Merging
   * weighs them as evidence; the event still cites the dated sentence.
   */
  continuation?: string | undefined;
  mention?: TimeExpression | undefined;
  /** Background: before the story's window, kept at its own precision. */
  background: boolean;
}

export interface TimelineEvent {
  /** Stable id, used in `/events/<id>/`. */
  id: string;
  /** `YYYY`, `YYYY-MM`, `YYYY-Www`, or `YYYY-MM-DD`. */
  date: string;
  granularity: Granularity;
  /** Clock times given by the sources (`HH:MM+hh:mm`); several when sources disagree. */
  time?: string | undefined;
  times?: string[] | undefined;
  title: string;
  summary: string;
  sources: Source[];
  people: string[];
  places: string[];
  /** Higher is more important: more outlets, earlier in their articles. */
  importance: number;
  key: boolean;
  background: boolean;
}

export interface Story {
  title: string;
  description: string;
  /** First and last day of the story's main window, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

/** Why a dated sentence is not on the timeline. */
export interface Omission {
  article: string;
  sentence: string;
  text: string;
  reason: string;
}

export interface Timeline {
  story: Story;
  events: TimelineEvent[];
  articles: Article[];
  mentions: Record<string, Mention[]>;
  omitted: Omission[];
  problems: Problem[];
}
