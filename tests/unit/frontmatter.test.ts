import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/pipeline/article.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const messages = (source: string) => parseArticle('content/articles/x.md', source, NOW).problems.map(formatProblem);

describe('frontmatter validation', () => {
  it('accepts a complete article and applies defaults', () => {
    const { article, problems } = parseArticle(
      'content/articles/2025-05-15-reuters-x.md',
      '---\ntitle: T\noutlet: Reuters\npublished: 2025-05-15\n---\n\nPutin stayed away on Thursday.\n',
      NOW,
    );
    expect(problems).toEqual([]);
    expect(article?.id).toBe('2025-05-15-reuters-x');
    expect(article?.meta).toMatchObject({ language: 'en', authors: [], kind: 'report', published: '2025-05-15' });
    expect(article?.sentences[0]).toMatchObject({ text: 'Putin stayed away on Thursday.', position: { line: 7, column: 1 } });
  });

  it('names the file, the line and the missing field', () => {
    expect(messages('---\ntitle: T\npublished: 2025-05-15\n---\n\nText.\n')).toEqual([
      'content/articles/x.md:1:1: Missing required field `outlet`, expected the outlet name as text [frontmatter-required]',
    ]);
  });

  it('reports an unparseable date at the value, with what was expected', () => {
    const [message] = messages('---\ntitle: T\noutlet: CNBC\npublished: 15/05/2025\n---\n\nText.\n');
    expect(message).toBe(
      'content/articles/x.md:4:12: Invalid `published`: expected an ISO 8601 date such as 2025-05-15 or 2025-05-15T09:30:00+01:00 [date-invalid]',
    );
  });

  it('refuses impossible dates and date-times without an offset', () => {
    expect(messages('---\ntitle: T\noutlet: CNBC\npublished: "2025-02-30"\n---\n\nText.\n')[0]).toContain('[date-invalid]');
    expect(messages('---\ntitle: T\noutlet: CNBC\npublished: "2025-05-15T09:30"\n---\n\nText.\n')[0]).toContain('[date-invalid]');
    expect(messages('---\ntitle: T\noutlet: CNBC\npublished: "2025-05-15T09:30:00+01:00"\n---\n\nText.\n')).toEqual([]);
    // Offsets past the world's (±14:00): no instant to order the article by.
    for (const offset of ['+25:00', '+03:60', '-15:00']) {
      expect(messages(`---\ntitle: T\noutlet: CNBC\npublished: "2025-05-15T09:30:00${offset}"\n---\n\nText.\n`)[0], offset).toContain('[date-invalid]');
    }
    for (const offset of ['+14:00', '-12:00', '+05:45', 'Z']) {
      expect(messages(`---\ntitle: T\noutlet: CNBC\npublished: "2025-05-15T09:30:00${offset}"\n---\n\nText.\n`), offset).toEqual([]);
    }
  });

  it('suggests the likely field for a misspelling', () => {
    expect(messages('---\ntitle: T\noutlet: CNBC\npublished: 2025-05-15\nauthor: [A]\n---\n\nText.\n')).toEqual([
      'content/articles/x.md:5:1: Unexpected field `author`, expected `authors` (did you mean it?) [frontmatter-unknown-field]',
    ]);
  });

  it('reports every problem at once', () => {
    const all = messages('---\npublshed: 2025-05-15\n---\n\n');
    expect(all.some((m) => m.includes('`title`'))).toBe(true);
    expect(all.some((m) => m.includes('`outlet`'))).toBe(true);
    expect(all.some((m) => m.includes('`published`'))).toBe(true);
    expect(all.some((m) => m.includes('`publshed`, expected `published`'))).toBe(true);
    expect(all.some((m) => m.includes('[body-empty]'))).toBe(true);
  });

  it('refuses publication dates in the future or before 1900', () => {
    expect(messages('---\ntitle: T\noutlet: C\npublished: 2099-01-01\n---\n\nText.\n')[0]).toContain('[date-future]');
    expect(messages('---\ntitle: T\noutlet: C\npublished: 1850-01-01\n---\n\nText.\n')[0]).toContain('[date-too-old]');
  });

  it('reports a file without frontmatter and broken YAML', () => {
    expect(messages('Just text.\n')[0]).toContain('x.md:1:1: Missing frontmatter');
    expect(messages('---\ntitle: [unclosed\noutlet: C\n---\n\nText.\n')[0]).toMatch(/x\.md:\d+:\d+: Unexpected YAML/);
  });

  it('reads CRLF line endings and a byte-order mark without moving lines', () => {
    const { article, problems } = parseArticle('x.md', '\uFEFF---\r\ntitle: T\r\noutlet: C\r\npublished: 2025-05-15\r\n---\r\n\r\nOne. Two.\r\n', NOW);
    expect(problems).toEqual([]);
    expect(article?.sentences.map((s) => [s.text, s.position.line])).toEqual([
      ['One.', 7],
      ['Two.', 7],
    ]);
  });
});
