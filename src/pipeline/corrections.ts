import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { z } from 'astro/zod';
import { isIsoDate } from '../schemas/article.ts';
import { spanOf } from './dates.ts';
import type { Article, Position, Problem, Sentence } from './types.ts';

/**
 * Editors correct the machine in `content/corrections.yaml`, without touching
 * code. Each entry names sentences by a phrase quoted from the article (not by
 * generated ids, so it survives rebuilds) and says what to change.
 */

const value = z.string().trim().min(1);
const eventValue = z
  .string()
  .refine((v) => spanOf(v) !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isIsoDate(v)), {
    error: 'expected a date such as 2025-05-14, 2025-W20, 2025-05 or 2025',
  });

export const correctionSchema = z.strictObject({
  /** A phrase quoted from the sentence the correction is about (case and quote style ignored). */
  match: value.optional(),
  /** Article id (file name without `.md`) to narrow the match to. */
  article: value.optional(),
  /** Put the event on this date: `2025-05-14`, `2025-W20`, `2025-05`, `2025`. */
  date: eventValue.optional(),
  /** Clock time with offset, `22:00+03:00`. */
  time: z.string().regex(/^\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)?$/, { error: 'expected a time such as 22:00+03:00' }).optional(),
  /** A headline written by the editor. */
  title: value.optional(),
  /** Mark the event as a key event (or not). */
  key: z.boolean().optional(),
  /** Leave the event off the timeline. */
  hide: z.boolean().optional(),
  /** Make this sentence an event of its own, never merged with others. */
  split: z.boolean().optional(),
  /** Merge the events that hold these sentences (two or more phrases). */
  merge: z.array(value).min(2, { error: 'expected two or more phrases to merge' }).optional(),
  /** Why the correction was made, for the next editor. */
  note: z.string().optional(),
});

export type CorrectionEntry = z.output<typeof correctionSchema>;

export interface Correction extends CorrectionEntry {
  /** Where the entry is in the corrections file. */
  position: Position;
  /** The sentences matched: `article#sentence`. */
  sentences: string[];
  /** For `merge`: the sentence matched by each phrase. */
  mergeSentences: string[];
}

export interface Corrections {
  entries: Correction[];
  problems: Problem[];
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();

/** Reads and checks the corrections file against the articles: every phrase must match exactly one sentence. */
export function loadCorrections(file: string, articles: Article[]): Corrections {
  if (!existsSync(file)) return { entries: [], problems: [] };
  return parseCorrections(file, readFileSync(file, 'utf8'), articles);
}

export function parseCorrections(file: string, source: string, articles: Article[]): Corrections {
  const problems: Problem[] = [];
  const entries: Correction[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: counter });
  const at = (offset: number | undefined): Position => {
    const { line, col } = counter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const problem = (where: Position, message: string, rule: string) =>
    problems.push({ file, line: where.line, column: where.column, message, rule, severity: 'error' });
  for (const error of doc.errors) problem(at(error.pos[0]), `Unexpected YAML: ${error.message.split('\n')[0]}, expected a list of corrections`, 'corrections-yaml');
  if (doc.errors.length > 0 || doc.contents === null) return { entries, problems };
  if (!isSeq(doc.contents)) {
    problem(at(0), 'Unexpected corrections file shape, expected a list of entries each starting with `- match:` or `- merge:`', 'corrections-shape');
    return { entries, problems };
  }

  const sentences: Array<{ key: string; article: string; sentence: Sentence; folded: string }> = [];
  for (const article of articles) {
    for (const sentence of article.sentences) {
      sentences.push({ key: `${article.id}#${sentence.id}`, article: article.id, sentence, folded: fold(sentence.text) });
    }
  }
  const find = (phrase: string, article: string | undefined, where: Position): string | undefined => {
    const needle = fold(phrase);
    const found = sentences.filter((s) => (!article || s.article === article) && s.folded.includes(needle));
    if (found.length === 1) return found[0]!.key;
    if (found.length === 0) {
      problem(where, `Unexpected phrase “${phrase}” that matches no sentence${article ? ` of ${article}` : ''}, expected a phrase copied from one article sentence`, 'correction-no-match');
    } else {
      problem(
        where,
        `Unexpected phrase “${phrase}” that matches ${found.length} sentences (${found.slice(0, 3).map((f) => f.key).join(', ')}${found.length > 3 ? ', …' : ''}), expected a longer phrase or an \`article:\` to pick one`,
        'correction-ambiguous',
      );
    }
    return undefined;
  };

  doc.contents.items.forEach((item, index) => {
    const where = at(isMap(item) ? item.range?.[0] : undefined);
    const parsed = correctionSchema.safeParse((item as { toJSON?: () => unknown })?.toJSON?.() ?? item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || 'entry';
        problem(where, `Invalid correction ${index + 1} (\`${field}\`): ${issue.message}`, 'correction-invalid');
      }
      return;
    }
    const entry = parsed.data;
    if (!entry.match && !entry.merge) {
      problem(where, `Unexpected correction ${index + 1} without \`match\` or \`merge\`, expected a quoted phrase to find its sentence`, 'correction-invalid');
      return;
    }
    const matched = entry.match ? find(entry.match, entry.article, where) : undefined;
    const merged = (entry.merge ?? []).map((phrase) => find(phrase, entry.article, where));
    if ((entry.match && !matched) || merged.some((m) => m === undefined)) return;
    entries.push({ ...entry, position: where, sentences: matched ? [matched] : [], mergeSentences: merged as string[] });
  });
  return { entries, problems };
}
