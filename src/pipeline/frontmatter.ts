import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { articleFields, articleSchema } from '../schemas/article.ts';
import { publishedAt } from './order.ts';
import { closest } from './problems.ts';
import type { ArticleMeta, Position, Problem } from './types.ts';

export interface SplitSource {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  yaml: string | undefined;
  /** Line (1-based) where the YAML starts. */
  yamlLine: number;
  body: string;
  /** Line (1-based) where the body starts. */
  bodyLine: number;
}

/** Normalises what editors' tools add (a byte-order mark, CRLF) without moving any line. */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitFrontmatter(source: string): SplitSource {
  const match = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { yaml: undefined, yamlLine: 1, body: source, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { yaml: match[1] ?? '', yamlLine: 2, body: source.slice(match[0].length), bodyLine };
}

interface FrontmatterResult {
  meta?: ArticleMeta | undefined;
  problems: Problem[];
}

/**
 * Parses and validates the frontmatter against `articleSchema`, reporting every
 * problem at once with the line and column of the field concerned.
 */
export function parseFrontmatter(file: string, split: SplitSource, now: Date = new Date()): FrontmatterResult {
  const problems: Problem[] = [];
  const problem = (at: Position, message: string, rule: string) =>
    problems.push({ file, line: at.line, column: at.column, message, rule, severity: 'error' });

  if (split.yaml === undefined) {
    problem({ line: 1, column: 1 }, 'Missing frontmatter, expected the file to start with a `---` block holding title, outlet and published', 'frontmatter-missing');
    return { problems };
  }

  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: split.yamlLine - 1, column: 1 };
    const { line, col } = counter.linePos(offset);
    return { line: line + split.yamlLine - 1, column: col };
  };
  for (const error of doc.errors) {
    problem(at(error.pos[0]), `Unexpected YAML: ${error.message.split('\n')[0]}, expected valid YAML frontmatter`, 'frontmatter-yaml');
  }
  if (doc.errors.length > 0) return { problems };

  const keyAt = new Map<string, { key: Position; value: Position }>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!name) continue;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      const valueRange = pair.value && 'range' in pair.value ? pair.value.range : undefined;
      keyAt.set(name, { key: at(keyRange?.[0]), value: at(valueRange?.[0] ?? keyRange?.[0]) });
    }
  } else if (doc.contents !== null) {
    problem(at(0), 'Unexpected frontmatter that is not a list of `field: value` lines, expected title, outlet and published fields', 'frontmatter-shape');
    return { problems };
  }

  const data: unknown = doc.toJS() ?? {};
  const result = articleSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint = closest(key, articleFields);
          problem(
            keyAt.get(key)?.key ?? at(undefined),
            hint ? `Unexpected field \`${key}\`, expected \`${hint}\` (did you mean it?)` : `Unexpected field \`${key}\`, expected one of ${articleFields.join(', ')}`,
            'frontmatter-unknown-field',
          );
        }
        continue;
      }
      const field = String(issue.path[0] ?? '');
      const place = keyAt.get(field);
      if (!place) {
        problem(at(undefined), `Missing required field \`${field}\`, ${issue.message}`, 'frontmatter-required');
      } else {
        problem(place.value, `Invalid \`${field}\`: ${issue.message}`, field === 'published' || field === 'updated' ? 'date-invalid' : 'frontmatter-invalid');
      }
    }
    return { problems };
  }

  const meta = result.data;
  const published = keyAt.get('published')?.value ?? at(undefined);
  const time = publishedAt(meta.published);
  if (time > now.getTime() + 24 * 3600 * 1000) {
    problem(published, `Unexpected publication date ${meta.published} in the future, expected a date on or before today`, 'date-future');
  } else if (Number(meta.published.slice(0, 4)) < 1900) {
    problem(published, `Unexpected publication date ${meta.published} before 1900, expected a news article's date`, 'date-too-old');
  }
  if (problems.length > 0) return { problems };
  return { meta, problems };
}
