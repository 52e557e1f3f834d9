import { z } from 'astro/zod';

/**
 * ISO 8601 calendar date, or date-time with an explicit offset. A date-time
 * without an offset is ambiguous (whose 9am?), so it is refused.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * True when `value` is a real calendar date in the ISO form above (no 31
 * February, no 25:00, no offset past ±14:00), one instant the build can
 * order publications by.
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  const offset = /^[+-](\d{2}):(\d{2})$/.exec(m[7] ?? '');
  if (offset && (Number(offset[1]) > 14 || Number(offset[2]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

/** YAML turns an unquoted `2025-05-15` into a Date: accept it and give the ISO day back. */
const published = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected an ISO 8601 date such as 2025-05-15 or 2025-05-15T09:30:00+01:00' })
    .refine(isIsoDate, { error: 'expected an ISO 8601 date such as 2025-05-15 or 2025-05-15T09:30:00+01:00' }),
);

/**
 * The frontmatter contract of an article in `content/articles/`. The single
 * source of truth: the build, `npm run extract` and `npm run new` all use it.
 */
export const articleSchema = z.strictObject({
  /** The headline as the outlet published it. */
  title: z.string({ error: 'expected the headline as text' }).trim().min(1, { error: 'expected a non-empty headline' }),
  /** The outlet readers know the piece by, e.g. `Reuters`, `CBC News`. */
  outlet: z.string({ error: 'expected the outlet name as text' }).trim().min(1, { error: 'expected a non-empty outlet name' }),
  /** Publication date (and time, with offset, when known). All relative dates in the text resolve against it. */
  published,
  /** Last update, same format as `published`. */
  updated: published.optional(),
  /** Bylines, in the order the outlet gives them. */
  authors: z.array(z.string().trim().min(1), { error: 'expected a list of names' }).default([]),
  /** The original address of the article, when known. Never invented. */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /** BCP 47 language tag; English date rules apply only to `en`. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as en or fr' })
    .default('en'),
  /** One-sentence standfirst shown under the headline. */
  description: z.string().trim().min(1).optional(),
  /** A report, a live blog (entries newest first, split by `***`), analysis or opinion. */
  kind: z.enum(['report', 'live', 'analysis', 'opinion'], { error: 'expected one of report, live, analysis, opinion' }).default('report'),
  /** News agency whose report the outlet carries (e.g. `Reuters`). */
  agency: z.string().trim().min(1).optional(),
  /** Where the copy was read, when not the outlet's own site (e.g. `inkl`). */
  via: z.string().trim().min(1).optional(),
});

export type ArticleFrontmatter = z.output<typeof articleSchema>;

/** Field names the schema knows, for "did you mean" hints. */
export const articleFields = Object.keys(articleSchema.shape);
