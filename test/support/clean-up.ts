import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a suite's afterAll runs: every step, even after one fails, so a crash in one never leaves the others'
 * processes, databases or topics behind. Each step names its resource with `?.`: when beforeAll failed
 * half-way, what it never made is skipped instead of raising a TypeError that would hide the real cause.
 * Steps given as an array run side by side. All failures are reported together at the end.
 */
type Step = () => unknown;

export async function cleanUp(...steps: (Step | Step[])[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    const parallel = Array.isArray(step) ? step : [step];
    const results = await Promise.allSettled(parallel.map(async (s) => s()));
    for (const r of results) if (r.status === 'rejected') failures.push(r.reason);
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} clean-up steps failed`);
}

/** One step per service process, to run side by side. */
export const stopEach = (services: Record<string, { stop(): Promise<unknown> } | undefined>) =>
  Object.values(services).map((s) => () => s?.stop());

/** A folder of the suite's own under the OS temp directory (tests write nowhere else); remove() in cleanUp. */
export function scratchDir(label: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `titipan-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
