/**
 * What the benchmark commands share: command-line errors, the progress line on
 * stderr, and the plain-text tables and figures they print.
 */

/** Prints the message and the usage, and exits with status 2. */
export function usageError(usage: string): (message: string) => never {
  return (message) => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
}

/** `--name value` or `--name=value`: the option's name and its inline value, if any. */
export function splitOption(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at === -1 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

/** Writes a progress line on stderr, `[label +12.3s] message`, timed from the call that made it. */
export function progress(label: string): (message: string) => void {
  const started = performance.now();
  return (message) => process.stderr.write(`[${label} +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

export const millis = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '–');
export const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

/** Columns padded to their widest cell, a rule under the header row. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()}`;
  return [line(rows[0]!), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.slice(1).map(line)].join('\n');
}
