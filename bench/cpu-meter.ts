import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds per process group during a phase: where this machine's cores went (Linux /proc). */
export type CpuByGroup = Record<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Which part of the system a process is, from its command line. */
function groupOf(cmdline: string): string | undefined {
  const service = cmdline.match(/dist\/apps\/(\w+)\/main\.js/);
  if (service) return service[1];
  if (cmdline.startsWith('postgres')) return 'postgres';
  if (cmdline.includes('kafka.Kafka') || cmdline.includes('kafka-server')) return 'kafka';
  if (cmdline.includes('run-benchmarks')) return 'load generator (bench)';
  return undefined;
}

function snapshot(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const group = groupOf(cmdline);
      if (!group) continue;
      // fields after the command name: utime and stime are the 12th and 13th
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(`${group}|${pid}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Starts counting; the returned function gives CPU seconds per group since then (and the whole machine's). */
export function startCpuMeter(): () => CpuByGroup {
  const before = snapshot();
  const machineBefore = machineTicks();
  return () => {
    const result: CpuByGroup = {};
    for (const [key, ticks] of snapshot()) {
      const group = key.split('|')[0];
      result[group] = (result[group] ?? 0) + (ticks - (before.get(key) ?? 0)) / TICKS_PER_SECOND;
    }
    const machine = machineTicks();
    result['whole machine, busy'] = (machine.busy - machineBefore.busy) / TICKS_PER_SECOND;
    result['whole machine, idle'] = (machine.idle - machineBefore.idle) / TICKS_PER_SECOND;
    for (const k of Object.keys(result)) result[k] = Math.round(result[k] * 10) / 10;
    return result;
  };
}

function machineTicks(): { busy: number; idle: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  return { busy: cpu.reduce((a, b) => a + b, 0) - idle, idle };
}
