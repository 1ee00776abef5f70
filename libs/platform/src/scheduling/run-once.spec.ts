import type { JobRunStore } from './job-run.store';
import { cronSlot, periodSlot, RunOnce } from './run-once';

/** A job_run table in memory with the same rule: the first claim of (job, slot) wins. */
function memoryStore() {
  const claims = new Map<string, { instance: string; outcome?: unknown }>();
  const store = {
    claim: async (job: string, slot: Date, instance: string) => {
      const key = `${job}@${slot.toISOString()}`;
      if (claims.has(key)) return false;
      claims.set(key, { instance });
      return true;
    },
    finish: async (job: string, slot: Date, outcome: unknown) => {
      claims.get(`${job}@${slot.toISOString()}`)!.outcome = outcome;
    },
  };
  return { claims, store: store as unknown as JobRunStore };
}

describe('scheduled job slots', () => {
  it('names the same slot for firings within the same minute, and the next for the next minute', () => {
    expect(cronSlot(new Date('2026-11-30T18:00:00.004Z'))).toEqual(new Date('2026-11-30T18:00:00Z'));
    expect(cronSlot(new Date('2026-11-30T18:00:59.999Z'))).toEqual(new Date('2026-11-30T18:00:00Z'));
    expect(cronSlot(new Date('2026-11-30T18:01:00.000Z'))).toEqual(new Date('2026-11-30T18:01:00Z'));
  });

  it('aligns periodic slots to the clock', () => {
    expect(periodSlot(new Date('2026-11-30T18:59:59.999Z'), 3_600_000)).toEqual(new Date('2026-11-30T18:00:00Z'));
    expect(periodSlot(new Date('2026-11-30T18:00:03.500Z'), 2000)).toEqual(new Date('2026-11-30T18:00:02Z'));
  });

  it('runs the work of a slot on the one instance that claims it', async () => {
    const { claims, store } = memoryStore();
    const slot = cronSlot(new Date());
    let runs = 0;
    const work = async () => ++runs;
    const results = await Promise.all(['a/1', 'b/2', 'c/3'].map((instance) => new RunOnce(store, instance).run('near-expiry', slot, work)));
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, outcome: 1 }]);
    expect([...claims.values()]).toEqual([{ instance: 'a/1', outcome: 1 }]);
    // the next slot is a new run
    await new RunOnce(store, 'b/2').run('near-expiry', new Date(slot.getTime() + 60_000), work);
    expect(runs).toBe(2);
  });
});
