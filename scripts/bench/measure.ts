/**
 * Runs a command and measures it as a whole: wall time, and peak memory as the
 * sum of resident memory (VmRSS) over the process and all its descendants,
 * polled from /proc every 100 ms (Pagefind, for one, runs as a child binary).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  /** Wall time from spawn to exit, ms. */
  ms: number;
  /** Highest sum of VmRSS over the process tree seen by the poller, bytes. */
  peakRss: number;
  /** Most processes seen alive in the tree at once. */
  peakProcesses: number;
  code: number | null;
  /** The command's output, stdout and stderr interleaved. */
  output: string;
  /** Each output line with when it arrived, ms after spawn. */
  lines: Array<{ at: number; line: string }>;
  /** Tree RSS over time: [ms after spawn, bytes]. */
  samples: Array<[number, number]>;
  /** How the machine's CPU time went while it ran (every core, every process), where /proc/stat tells. */
  machine?: CpuShares | undefined;
}

/** The machine's CPU time since boot, in clock ticks, summed over its cores. */
export interface CpuTimes {
  total: number;
  idle: number;
  iowait: number;
  steal: number;
}

/** Shares of the machine's CPU time between two readings. */
export interface CpuShares {
  /** Running anything, here or elsewhere on the machine. */
  busy: number;
  /** Idle while waiting for the disk. */
  iowait: number;
  /** Taken by the hypervisor for other machines: time this one did not get. */
  steal: number;
}

/** The `cpu` line of /proc/stat (user nice system idle iowait irq softirq steal …; guest time is in user's already). */
export function parseCpuLine(stat: string): CpuTimes | undefined {
  const line = /^cpu\s+([\d ]+)$/m.exec(stat)?.[1];
  if (!line) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle, iowait, steal };
}

export function cpuShares(before: CpuTimes, after: CpuTimes): CpuShares | undefined {
  const total = after.total - before.total;
  if (!(total > 0)) return undefined;
  const idle = after.idle - before.idle;
  const iowait = after.iowait - before.iowait;
  const steal = after.steal - before.steal;
  return { busy: (total - idle - iowait - steal) / total, iowait: iowait / total, steal: steal / total };
}

function cpuNow(): CpuTimes | undefined {
  try {
    return parseCpuLine(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Poll interval, ms. */
  interval?: number;
  /** Print the command's output lines as they come, prefixed. */
  echo?: string | false;
}

/** Parent pid of every live process, from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over `root` and every descendant, and how many processes that is. */
export function treeRss(root: number): { rss: number; processes: number } {
  const children = parents();
  let rss = 0;
  let processes = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const own = rssOf(pid);
    if (own > 0) processes++;
    rss += own;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, processes };
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = cpuNow();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peakRss = 0;
    let peakProcesses = 0;
    let pending = '';
    const lines: Measured['lines'] = [];
    const samples: Measured['samples'] = [];
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      const at = performance.now() - started;
      output += text;
      pending += text;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        // Without colours, so callers can match on the words.
        const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
        if (!plain.trim()) continue;
        lines.push({ at, line: plain });
        if (options.echo) process.stderr.write(`${options.echo}${plain}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const poll = () => {
      if (child.pid === undefined) return;
      const { rss, processes } = treeRss(child.pid);
      samples.push([performance.now() - started, rss]);
      peakRss = Math.max(peakRss, rss);
      peakProcesses = Math.max(peakProcesses, processes);
    };
    const timer = setInterval(poll, options.interval ?? 100);
    child.on('spawn', poll);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (pending.trim()) lines.push({ at: ms, line: pending.replace(/\x1b\[[0-9;]*m/g, '') });
      const cpuAfter = cpuNow();
      const machine = cpuBefore && cpuAfter ? cpuShares(cpuBefore, cpuAfter) : undefined;
      resolve({ ms, peakRss, peakProcesses, code, output, lines, samples, machine });
    });
  });
}
