/**
 * `npm run extract -- [--json] [--alone] [--with DIR] FILE_OR_DIR...`
 *
 * Runs the timeline pipeline on Markdown articles without building the site.
 *
 * By default prints a report for an editor: each time expression of the given
 * articles with its resolved value, the events they make, and which existing
 * events they join. To show the joins, the articles already in
 * `content/articles` (or `--with DIR`) are read too, unless `--alone` is given
 * or the given paths are that folder.
 *
 * With `--json` prints the data contract for the given articles only:
 * `{ articles: [{ id, file, published, mentions: [{ text, value, granularity }] }], events: [...] }`.
 */
import { resolve } from 'node:path';
import { extractJson } from '../src/pipeline/exports.ts';
import { loadArticles, markdownFiles } from '../src/pipeline/files.ts';
import { formatProblem, sortProblems } from '../src/pipeline/problems.ts';
import { buildTimeline } from '../src/pipeline/timeline.ts';
import type { Timeline } from '../src/pipeline/types.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const withIndex = args.indexOf('--with');
const contextDir = withIndex === -1 ? 'content/articles' : args[withIndex + 1]!;
const paths = args.filter((a, i) => !a.startsWith('--') && (withIndex === -1 || i !== withIndex + 1));
if (paths.length === 0 || args.includes('--help')) {
  console.error('usage: npm run extract -- [--json] [--alone] [--with DIR] FILE_OR_DIR...');
  process.exit(paths.length === 0 ? 2 : 0);
}

const { articles, problems } = loadArticles(paths);
const errors = problems.filter((p) => p.severity === 'error');
for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and run again.`);
  process.exit(1);
}

if (json) {
  process.stdout.write(JSON.stringify(extractJson(buildTimeline(articles)), null, 2) + '\n');
  process.exit(0);
}

// The editor's report: the given articles among those already published.
const given = new Set(markdownFiles(paths).map((f) => resolve(f)));
let context: typeof articles = [];
let contextProblems = 0;
if (!args.includes('--alone')) {
  try {
    const others = loadArticles([contextDir]);
    context = others.articles.filter((a) => !given.has(resolve(a.file)));
    contextProblems = others.problems.length;
  } catch {
    // No content folder: the report covers the given articles alone.
  }
}
const ids = new Set(articles.map((a) => a.id));
const timeline = buildTimeline([...context, ...articles]);
process.stdout.write(report(timeline, ids, context.length, contextProblems) + '\n');

function report(t: Timeline, mine: Set<string>, existing: number, skipped: number): string {
  const lines: string[] = [];
  for (const article of t.articles.filter((a) => mine.has(a.id))) {
    lines.push(`${article.file} — ${article.meta.outlet}, published ${article.meta.published}`);
    const mentions = t.mentions[article.id] ?? [];
    lines.push(`  ${article.sentences.length} sentences, ${mentions.length} time expressions`);
    for (const m of mentions) lines.push(`  ${m.position.line}:${m.position.column}\t“${m.text}” → ${m.value} (${m.granularity}, ${m.rule})`);
    lines.push('');
  }
  const events = t.events.filter((e) => e.sources.some((s) => mine.has(s.article)));
  const joined = events.filter((e) => e.sources.some((s) => !mine.has(s.article)));
  lines.push(
    `${events.length} events from ${mine.size === 1 ? 'this article' : 'these articles'}` +
      (existing > 0 ? ` (${joined.length} join events already reported by the ${existing} articles in ${contextDir}${skipped ? `, ${skipped} problems there ignored` : ''}):` : ':'),
  );
  for (const event of events) {
    const when = event.time ? `${event.date} ${event.time}` : event.date;
    const flags = [event.key ? 'key' : '', event.background ? 'background' : '', joined.includes(event) ? 'joins existing' : 'new'].filter(Boolean).join(', ');
    lines.push(`  ${when}\t${event.title} [${flags}]`);
    for (const s of event.sources) lines.push(`      ${mine.has(s.article) ? '+' : ' '} ${s.outlet}: “${s.text}”`);
  }
  const omitted = t.omitted.filter((o) => mine.has(o.article));
  if (omitted.length > 0) {
    lines.push('', `${omitted.length} sentences not on the timeline:`);
    for (const o of omitted) lines.push(`  ${o.article}#${o.sentence}: ${o.reason}\n      “${o.text}”`);
  }
  return lines.join('\n');
}
