/**
 * The benchmark's reading of the machine: how its CPU time went while a
 * build ran (scripts/bench/measure.ts), from /proc/stat, so that a run on a
 * machine that waited on its disk or was given less CPU says so.
 */
import { describe, expect, it } from 'vitest';
import { cpuShares, parseCpuLine, run } from '../../scripts/bench/measure.ts';

const stat = (user: number, idle: number, iowait: number, steal: number) =>
  `cpu  ${user} 0 100 ${idle} ${iowait} 5 5 ${steal} 7 0\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 1 2 3\n`;

describe('the machine during a run', () => {
  it('reads the all-cores line of /proc/stat, guest time left in user time', () => {
    expect(parseCpuLine(stat(1000, 5000, 200, 50))).toEqual({ total: 1000 + 100 + 5000 + 200 + 5 + 5 + 50, idle: 5000, iowait: 200, steal: 50 });
    expect(parseCpuLine('intr 1 2 3\n')).toBeUndefined();
  });

  it('shares the time between two readings: busy, waiting on the disk, stolen', () => {
    const before = parseCpuLine(stat(1000, 5000, 200, 50))!;
    const after = parseCpuLine(stat(1600, 5200, 300, 150))!;
    // 1,000 ticks in all: 600 user, 200 idle, 100 I/O wait, 100 stolen.
    expect(cpuShares(before, after)).toEqual({ busy: 0.6, iowait: 0.1, steal: 0.1 });
    expect(cpuShares(after, after)).toBeUndefined();
  });

  it('reports the shares of a real run on Linux', async () => {
    const measured = await run(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 3e7; i++) x += i;']);
    expect(measured.code).toBe(0);
    expect(measured.machine).toBeDefined();
    const { busy, iowait, steal } = measured.machine!;
    for (const share of [busy, iowait, steal]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(busy).toBeGreaterThan(0);
  });
});
