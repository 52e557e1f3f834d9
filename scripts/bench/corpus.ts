/**
 * Generates a benchmark corpus of N realistic articles from template articles
 * (the repository's own, plus any folder given with --from). Each copy gets an
 * outlet, a publication date spread over months and a title of its own; the
 * publication date moves by whole weeks, so weekday phrases ("on Thursday",
 * "last Sunday") stay true, and absolute dates near the story ("May 15") move
 * with it, so every date phrase stays consistent with the new date.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { normaliseSource, splitFrontmatter } from '../../src/pipeline/frontmatter.ts';
import { markdownFiles } from '../../src/pipeline/files.ts';
import { slugify } from '../../src/pipeline/slug.ts';
import { splitSentences } from '../../src/pipeline/sentences.ts';
import { findTimeExpressions } from '../../src/pipeline/time/index.ts';
import { parse as parseYaml, stringify } from 'yaml';

const OUTLETS = [
  'Reuters', 'Associated Press', 'AFP', 'BBC News', 'The Guardian', 'The Times', 'The Independent', 'CNBC',
  'CBC News', 'Al Jazeera', 'Deutsche Welle', 'France 24', 'NPR', 'Kyiv Independent', 'Financial Times', 'Politico Europe',
];

interface Template {
  meta: Record<string, unknown>;
  body: string;
  published: string;
}

function readTemplates(dirs: string[]): Template[] {
  const templates: Template[] = [];
  for (const file of markdownFiles(dirs)) {
    const split = splitFrontmatter(normaliseSource(readFileSync(file, 'utf8')));
    if (split.yaml === undefined) continue;
    const meta = (parseYaml(split.yaml) ?? {}) as Record<string, unknown>;
    const published = meta.published instanceof Date ? meta.published.toISOString().slice(0, 10) : String(meta.published ?? '');
    if (!/^\d{4}-\d{2}-\d{2}/.test(published) || !split.body.trim()) continue;
    templates.push({ meta, body: split.body, published: published.slice(0, 10) });
  }
  return templates;
}

/** Moves absolute day dates within 60 days of the old publication date by `shift` days, keeping their wording style. */
function shiftDates(body: string, published: string, shift: number): string {
  const origin = parseISO(published).getTime();
  return body
    .split('\n')
    .map((line) => {
      const mentions = findTimeExpressions(line, { published }).filter(
        (m) =>
          m.granularity !== 'year' &&
          /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(m.text) &&
          /^\d{4}-\d{2}-\d{2}/.test(m.value) &&
          Math.abs(parseISO(m.value.slice(0, 10)).getTime() - origin) < 60 * 86400000,
      );
      let out = line;
      for (const m of [...mentions].reverse()) {
        const moved = addDays(parseISO(m.value.slice(0, 10)), shift);
        const dayFirst = /^\d/.test(m.text.trim());
        const withYear = /\d{4}/.test(m.text);
        const pattern = dayFirst ? (withYear ? 'd MMMM yyyy' : 'd MMMM') : withYear ? 'MMMM d, yyyy' : 'MMMM d';
        out = out.slice(0, m.start) + format(moved, pattern) + out.slice(m.end);
      }
      return out;
    })
    .join('\n');
}

/** Letters only (never a date or a number to the time tagger): 1 → "b", 27 → "bb". */
function code(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

/** Lines that are not paragraphs of text: headings, directives, tables, quotes, lists, breaks, code fences, blank lines. */
const NOT_PROSE = /^(?:\s*$|#|:::|\||>|[-*+]\s|\d+[.)]\s|\*\*\*|---|```|~~~)/;

/**
 * Makes every sentence of a body its copy's own: ` (ref CODE)` at each
 * sentence's end, before its closing punctuation and quotation marks, in
 * every line of prose. After a link, a footnote or a parenthesis it goes
 * after the bracket; after an abbreviation ("the U.S.") it goes after the
 * abbreviation's dot and a full stop follows. People, places and dates are
 * untouched; what changes is that no two copies share a sentence, as in an
 * archive of distinct articles, so compromise has every sentence to tag.
 */
export function distinctBody(body: string, copy: number): string {
  const marker = ` (ref ${code(copy)})`;
  return body
    .split('\n')
    .map((line) => {
      if (NOT_PROSE.test(line)) return line;
      let out = line;
      for (const span of [...splitSentences(line)].reverse()) {
        let at = span.end;
        while (at > span.start && /[\s"'”’».!?…:;]/u.test(line[at - 1]!)) at--;
        if (at === span.start || !/[\p{L}\p{N})\]]/u.test(line[at - 1]!)) continue;
        // "U.S." or "a.m." ending the sentence: its dot stays with it.
        const abbreviation = line[at] === '.' && /(?:^|[^\p{L}])(?:\p{L}\.)+\p{L}$/u.test(line.slice(span.start, at));
        out = abbreviation ? `${out.slice(0, at + 1)}${marker}.${out.slice(at + 1)}` : out.slice(0, at) + marker + out.slice(at);
      }
      return out;
    })
    .join('\n');
}

export interface CorpusOptions {
  articles: number;
  from: string[];
  out: string;
  /** Weeks over which publication dates spread. */
  weeks?: number;
  /** Every sentence of every copy its own (`distinctBody`), instead of the templates' sentences repeated. */
  distinct?: boolean;
}

export interface CorpusArticle {
  /** File name inside `articles/`. */
  name: string;
  text: string;
  title: string;
  outlet: string;
  published: string;
  /** The template's publication date: `published` is a whole number of weeks before it. */
  templatePublished: string;
}

/** Makes corpus articles one at a time: the i-th article is the same whatever N is. */
export class CorpusMaker {
  private readonly templates: Template[];
  readonly weeks: number;
  // Bodies differ only by template and shift: at most templates × weeks distinct ones.
  private readonly bodies = new Map<string, string>();

  private readonly distinct: boolean;

  constructor(from: string[], articles: number, weeks?: number, distinct = false) {
    this.distinct = distinct;
    this.templates = readTemplates(from);
    if (this.templates.length === 0) throw new Error(`no usable articles in ${from.join(', ')}`);
    this.weeks = weeks ?? Math.max(4, Math.min(52, Math.ceil(articles / 100)));
  }

  /** The newest publication date of the corpus (`YYYY-MM-DD`): its templates' newest, which no copy moves past. */
  get newest(): string {
    return this.templates.map((t) => format(parseISO(t.published), 'yyyy-MM-dd')).sort().at(-1)!;
  }

  /**
   * The first `count` articles from index `from` on whose publication falls
   * in the corpus's newest month: what a newsroom adds next to a running story.
   */
  newestMonth(from: number, count: number): Array<{ index: number; article: CorpusArticle }> {
    const month = this.newest.slice(0, 7);
    const found: Array<{ index: number; article: CorpusArticle }> = [];
    // A month holds at least four of the weeks the dates spread over: one article in `weeks` or so is in it.
    for (let i = from; found.length < count && i < from + 100 * this.weeks * count; i++) {
      const article = this.article(i);
      if (article.published.startsWith(month)) found.push({ index: i, article });
    }
    return found;
  }

  article(i: number): CorpusArticle {
    const t = i % this.templates.length;
    const template = this.templates[t]!;
    // Deterministic spread over the weeks (a multiplicative hash, not Math.random).
    const week = Number((BigInt(i) * 2654435761n) % BigInt(this.weeks));
    const shift = -7 * week;
    const published = format(addDays(parseISO(template.published), shift), 'yyyy-MM-dd');
    const outlet = OUTLETS[(i * 7) % OUTLETS.length]!;
    const title = `${String(template.meta.title ?? 'Untitled')} (${outlet}, #${i + 1})`;
    const meta: Record<string, unknown> = { ...template.meta, title, outlet, published };
    delete meta.url;
    const key = `${t}:${shift}`;
    let body = this.bodies.get(key);
    if (body === undefined) {
      body = shiftDates(template.body, template.published, shift);
      this.bodies.set(key, body);
    }
    return {
      name: `${published}-${slugify(outlet, 3)}-${String(i + 1).padStart(5, '0')}.md`,
      text: `---\n${stringify(meta, { lineWidth: 0 })}---\n${this.distinct ? distinctBody(body, i + 1) : body}`,
      title,
      outlet,
      published,
      templatePublished: template.published,
    };
  }
}

/** Writes the corpus into `out/articles/` and returns the file count. */
export function generateCorpus(options: CorpusOptions): number {
  const maker = new CorpusMaker(options.from, options.articles, options.weeks, options.distinct);
  const dir = join(options.out, 'articles');
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(options.out, 'story.yaml'), 'title: "Benchmark story"\ndescription: "A generated archive for the benchmark."\n');
  for (let i = 0; i < options.articles; i++) {
    const article = maker.article(i);
    writeFileSync(join(dir, article.name), article.text);
  }
  return options.articles;
}
