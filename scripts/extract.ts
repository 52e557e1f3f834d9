/**
 * `npm run extract -- [--json] FILE_OR_DIR...`
 *
 * Runs the timeline pipeline on Markdown articles without building the site.
 * By default prints a report for an editor (each time expression with its
 * resolved value, then the events made); with `--json` prints the contract
 * `{ articles: [{ id, file, published, mentions: [{ text, value, granularity }] }], events: [...] }`.
 */
import { extractJson } from '../src/pipeline/exports.ts';
import { loadArticles } from '../src/pipeline/files.ts';
import { formatProblem, sortProblems } from '../src/pipeline/problems.ts';
import { buildTimeline } from '../src/pipeline/timeline.ts';
import type { Timeline } from '../src/pipeline/types.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((a) => !a.startsWith('--'));
if (paths.length === 0 || args.includes('--help')) {
  console.error('usage: npm run extract -- [--json] FILE_OR_DIR...');
  process.exit(paths.length === 0 ? 2 : 0);
}

function report(timeline: Timeline): string {
  const lines: string[] = [];
  for (const article of timeline.articles) {
    lines.push(`${article.file} — ${article.meta.outlet}, published ${article.meta.published}`);
    const mentions = timeline.mentions[article.id] ?? [];
    if (mentions.length === 0) lines.push('  (no time expressions)');
    for (const m of mentions) {
      lines.push(`  ${m.position.line}:${m.position.column}\t“${m.text}” → ${m.value} (${m.granularity}, ${m.rule})`);
    }
    lines.push('');
  }
  lines.push(`${timeline.events.length} events:`);
  for (const event of timeline.events) {
    const when = event.time ? `${event.date} ${event.time}` : event.date;
    const flags = [event.key ? 'key' : '', event.background ? 'background' : ''].filter(Boolean).join(', ');
    lines.push(`  ${when}\t${event.title}${flags ? ` [${flags}]` : ''}`);
    for (const s of event.sources) lines.push(`      ${s.outlet}: “${s.text}”`);
  }
  if (timeline.omitted.length > 0) {
    lines.push('', `${timeline.omitted.length} sentences not on the timeline:`);
    for (const o of timeline.omitted) lines.push(`  ${o.article}#${o.sentence}: ${o.reason}`);
  }
  return lines.join('\n');
}

const { articles, problems } = loadArticles(paths);
const errors = problems.filter((p) => p.severity === 'error');
for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and run again.`);
  process.exit(1);
}
const timeline = buildTimeline(articles);
process.stdout.write(json ? JSON.stringify(extractJson(timeline), null, 2) + '\n' : report(timeline) + '\n');
