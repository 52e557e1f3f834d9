/**
 * Odd but valid input builds; bad input fails with `file:line:column` messages,
 * all at once; hostile HTML is neutralised everywhere it could appear.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsJson, timelineJs } from '../../src/pipeline/exports.ts';
import { loadArticles } from '../../src/pipeline/files.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { renderArticle } from '../../src/pipeline/render.ts';
import { buildTimeline } from '../../src/pipeline/timeline.ts';

const ODD = 'tests/fixtures/odd';
const BAD = 'tests/fixtures/bad';

describe('odd but valid articles', () => {
  const { articles, problems } = loadArticles([ODD]);
  const timeline = buildTimeline(articles);
  const byId = (id: string) => articles.find((a) => a.id === id)!;
  const mentions = (id: string) => timeline.mentions[id]!.map((m) => `${m.text}=${m.value}`);

  it('all build without problems', () => {
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id).sort()).toEqual(
      ['bom', 'crlf', 'curly-quotes-nbsp', 'hostile-html', 'html-entities', 'lists-tables-headings', 'non-english'].sort(),
    );
  });

  it('reads CRLF and a byte-order mark with the right lines and dates', () => {
    expect(byId('crlf').sentences.map((s) => s.position.line)).toEqual([7, 9]);
    expect(mentions('crlf')).toEqual(['late on Wednesday=2025-05-14TEV', 'Thursday=2025-05-15']);
    expect(byId('bom').meta.title).toBe('Byte-order mark');
    expect(mentions('bom')).toEqual(['late on Wednesday=2025-05-14TEV']);
  });

  it('reads dates across non-breaking spaces and curly quotes', () => {
    expect(mentions('curly-quotes-nbsp')).toContain('Thursday=2025-05-15');
    expect(mentions('curly-quotes-nbsp').some((m) => m.startsWith('Wednesday=2025-05-14'))).toBe(true);
  });

  it('decodes HTML entities in text', () => {
    expect(byId('html-entities').sentences[0]!.text).toBe('Russia & Ukraine met in Istanbul on Friday – the first talks since March 2022.');
    // “met … on Friday” in a Thursday article is the Friday before.
    expect(mentions('html-entities')).toEqual(expect.arrayContaining(['Friday=2025-05-09', 'March 2022=2022-03', 'last week=2025-W19']));
  });

  it('reads lists, tables, quotes and headings, and keeps headings off the timeline', () => {
    const article = byId('lists-tables-headings');
    expect(article.sentences.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['heading', 'list-item', 'table-cell', 'quote', 'paragraph']),
    );
    expect(article.sentences.find((s) => s.text.startsWith('Putin proposed'))?.kind).toBe('list-item');
    expect(timeline.events.some((e) => e.sources.some((s) => s.text === 'The delegations'))).toBe(false);
    const html = renderArticle(article.body!);
    expect(html).toContain('<table>');
    expect(html).toContain('<blockquote>');
    expect(html.match(/<h1/g)).toBeNull();
  });

  it('applies no English date rules to a non-English article', () => {
    expect(mentions('non-english')).toEqual([]);
  });

  it('neutralises raw HTML in the body, titles, events.json and the TimelineJS export', () => {
    const hostile = byId('hostile-html');
    const html = renderArticle(hostile.body!);
    expect(html).not.toMatch(/<script|onerror|<iframe|<form|<input|javascript:/i);
    expect(html).toContain('rel="noopener noreferrer"');
    for (const sentence of hostile.sentences) expect(sentence.text).not.toMatch(/<script|onerror/i);
    const json = JSON.stringify(eventsJson(timeline));
    expect(json).not.toMatch(/<script|onerror=|javascript:/i);
    const tjs = JSON.stringify(timelineJs({ ...timeline, story: { ...timeline.story, title: hostile.meta.title } }));
    expect(tjs).not.toMatch(/<script/i);
    expect(tjs).toContain('&lt;script&gt;');
  });

  it('builds a 1 MB article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'big-article-'));
    const paragraph = readFileSync(join(ODD, 'lists-tables-headings.md'), 'utf8').split('---\n')[2]!.replace(/^#.*$/gm, '');
    let body = '';
    while (body.length < 1_000_000) body += paragraph + '\n\nThe Kremlin named its delegation late on Wednesday. Talks began in Istanbul on Friday.\n\n';
    writeFileSync(join(dir, 'big.md'), `---\ntitle: "A very long article"\noutlet: "Fixture News"\npublished: 2025-05-16\n---\n\n${body}`);
    const loaded = loadArticles([dir]);
    expect(loaded.problems).toEqual([]);
    const big = buildTimeline(loaded.articles);
    expect(loaded.articles[0]!.sentences.length).toBeGreaterThan(10_000);
    expect(big.events.some((e) => e.date === '2025-05-14')).toBe(true);
  }, 60_000);
});

describe('bad articles', () => {
  const { problems } = loadArticles([BAD], new Date('2026-01-01T00:00:00Z'));
  const messages = problems.map(formatProblem);

  it('reports every problem in every file at once, as file:line:column: message', () => {
    for (const message of messages) expect(message).toMatch(/^tests\/fixtures\/bad\/[\w-]+\.md:\d+:\d+: .+(, |: )expected .+/);
    const files = new Set(problems.map((p) => p.file));
    expect(files).toEqual(
      new Set(['bad-date.md', 'duplicate-b.md', 'empty-body.md', 'future.md', 'missing-fields.md'].map((f) => `${BAD}/${f}`)),
    );
  });

  it('names the missing and misspelled fields', () => {
    expect(messages).toContain('tests/fixtures/bad/missing-fields.md:1:1: Missing required field `outlet`, expected the outlet name as text [frontmatter-required]');
    expect(messages).toContain(
      'tests/fixtures/bad/missing-fields.md:3:1: Unexpected field `publshed`, expected `published` (did you mean it?) [frontmatter-unknown-field]',
    );
  });

  it('names an unparseable date, a future date, an empty body and a duplicate', () => {
    expect(messages.find((m) => m.startsWith('tests/fixtures/bad/bad-date.md:4:12:'))).toContain('expected an ISO 8601 date');
    expect(messages.find((m) => m.startsWith('tests/fixtures/bad/future.md:4:12:'))).toContain('in the future');
    expect(messages.find((m) => m.includes('empty-body.md'))).toContain('[body-empty]');
    expect(messages.find((m) => m.includes('duplicate-b.md'))).toContain('duplicate of tests/fixtures/bad/duplicate-a.md (same url)');
  });
});
