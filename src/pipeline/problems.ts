import type { StorySummary } from './build.ts';
import type { Problem } from './types.ts';

/** `file:line:column: message` — the form every editor and terminal links. */
export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${tag}${problem.message} [${problem.rule}]`;
}

/** Problems sorted by file, line and column, so reports never differ between runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** What the build says when content has errors: how many, then each, sorted. */
export function contentErrorMessage(problems: Problem[]): string {
  const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
  return `${errors.length} problem${errors.length === 1 ? '' : 's'} in content:\n` + errors.map(formatProblem).join('\n');
}

/** The line after the list: what the editor does next. */
export const CONTENT_ERROR_HINT = 'Fix each line above (file:line:column: what is wrong, what was expected) and build again (`astro dev` rebuilds on save).';

/** The build report's counts: every sentence accounted for, the left-out ones by reason. */
export function buildReport(story: StorySummary): string {
  return (
    `${story.articles} articles, ${story.sentences} sentences, ${story.mentions} time expressions → ` +
    `${story.events} events citing ${story.cited} sentences; ${story.leftOut.total} sentences left out:` +
    story.leftOut.reasons.map(({ reason, count }) => `\n  ${count} × ${reason}`).join('')
  );
}

/** Levenshtein distance, for "did you mean" hints on misspelled field names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest known name within two edits, if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
