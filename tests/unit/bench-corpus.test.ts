/**
 * The benchmark's corpus generator: N valid, distinct articles whose dates
 * move by whole weeks, so every weekday phrase still names the same day
 * relative to the new publication date.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { CorpusMaker, distinctBody, generateCorpus } from '../../scripts/bench/corpus.ts';
import { candidatesOf } from '../../src/pipeline/candidates.ts';
import { loadArticles } from '../../src/pipeline/files.ts';
import { mentionsOf } from '../../src/pipeline/mentions.ts';
import type { Article } from '../../src/pipeline/types.ts';

const N = 40;
const out = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Weekday phrases of an article and the day each resolves to, in text order. */
function weekdays(article: Article): Array<[string, string]> {
  return [...mentionsOf(article).values()]
    .flat()
    .filter((m) => /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(m.text) && /^\d{4}-\d{2}-\d{2}/.test(m.value))
    .map((m) => [m.text, m.value.slice(0, 10)]);
}

describe('bench corpus', () => {
  // Spread over 6 weeks, so most copies move.
  const count = generateCorpus({ articles: N, from: ['content/articles'], out, weeks: 6 });
  const files = readdirSync(join(out, 'articles'));
  const generated = loadArticles([join(out, 'articles')]);
  const templates = loadArticles(['content/articles']).articles;

  it('writes N articles with distinct names and titles', () => {
    expect(count).toBe(N);
    expect(files).toHaveLength(N);
    expect(files.every((f) => f.endsWith('.md'))).toBe(true);
    expect(new Set(generated.articles.map((a) => a.id)).size).toBe(N);
    expect(new Set(generated.articles.map((a) => a.meta.title)).size).toBe(N);
  });

  it('passes loadArticles with no problems', () => {
    expect(generated.problems).toEqual([]);
    expect(generated.articles).toHaveLength(N);
  });

  it('moves publication dates by whole weeks, and weekday phrases with them', () => {
    let moved = 0;
    let phrases = 0;
    for (const article of generated.articles) {
      const template = templates.find((t) => article.meta.title.startsWith(`${t.meta.title} (`))!;
      expect(template, article.meta.title).toBeDefined();
      const shift = differenceInCalendarDays(parseISO(article.meta.published), parseISO(template.meta.published));
      expect(Math.abs(shift % 7), article.id).toBe(0);
      if (shift !== 0) moved++;
      // The same phrases, each resolving to the template's day moved by the same shift.
      const expected = weekdays(template).map(([text, day]) => [text, format(addDays(parseISO(day), shift), 'yyyy-MM-dd')]);
      expect(weekdays(article), article.id).toEqual(expected);
      phrases += expected.length;
    }
    expect(moved).toBeGreaterThan(N / 2);
    expect(phrases).toBeGreaterThan(N);
  });

  it('makes the same i-th article whatever N is', () => {
    const small = new CorpusMaker(['content/articles'], N, 6);
    expect(small.article(7)).toEqual(new CorpusMaker(['content/articles'], 10 * N, 6).article(7));
    expect(small.article(N).name).not.toBe(small.article(N - 1).name);
  });

  it('with distinct, gives every copy sentences of its own, the same candidates otherwise and the same dates', () => {
    const dir = join(out, 'distinct');
    generateCorpus({ articles: N, from: ['content/articles'], out: dir, weeks: 6, distinct: true });
    const copies = loadArticles([join(dir, 'articles')]);
    expect(copies.problems).toEqual([]);
    const texts = (article: Article) => candidatesOf(article, mentionsOf(article), '').candidates.map((c) => c.sentence.text);
    const seen = new Map<string, string>();
    let sentences = 0;
    for (const copy of copies.articles) {
      const plain = generated.articles.find((a) => a.id === copy.id)!;
      // The same candidates, each with its marker; the same time expressions resolving to the same values.
      const marked = texts(copy);
      expect(marked.map((t) => t.replace(/ \(ref [a-z]+\)/g, ''))).toEqual(texts(plain));
      const dates = (article: Article) => [...mentionsOf(article).values()].flat().map((m) => `${m.text}=${m.value}`);
      expect(dates(copy)).toEqual(dates(plain));
      for (const text of marked) {
        expect(seen.get(text), text).toBeUndefined();
        seen.set(text, copy.id);
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(N * 10);
    const cases: Array<[string, string]> = [
      ['“Not yet,” he said. Talks begin on Friday!', '“Not yet,” he said (ref bb). Talks begin on Friday (ref bb)!'],
      ['“We will see.”', '“We will see (ref bb).”'],
      ['# Heading.\n:::figure\nA caption.\n:::', '# Heading.\n:::figure\nA caption (ref bb).\n:::'],
      ['- A list item.\n> A quote.', '- A list item.\n> A quote.'],
      ['30 people left. (It rained.)', '30 people left (ref bb). (It rained.) (ref bb)'],
      ['See [the report](https://example.com/a). More[^1].', 'See [the report](https://example.com/a) (ref bb). More[^1] (ref bb).'],
      ['He flew to the U.S. The talks follow at 9 a.m.', 'He flew to the U.S. (ref bb). The talks follow at 9 a.m. (ref bb).'],
      ['He said this: wait…', 'He said this: wait (ref bb)…'],
    ];
    for (const [body, marked] of cases) expect(distinctBody(body, 27), body).toBe(marked);
  });
});
