import { Logger } from '@nestjs/common';
import { periodSlot, type RunOnce } from './run-once';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Fires each job at the start of every period (aligned to the clock, so every instance names the same slot) and
 * runs it through RunOnce: once per period across instances. A run that fails is logged; the next period retries.
 */
export class PeriodicJobs {
  private readonly logger = new Logger('ScheduledJob');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = true;

  constructor(
    private readonly once: RunOnce,
    private readonly jobs: PeriodicJob[],
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.stopped = false;
    for (const job of this.jobs) this.schedule(job);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(job: PeriodicJob): void {
    if (this.stopped) return;
    const next = periodSlot(new Date(this.now()), job.everyMs).getTime() + job.everyMs;
    const timer = setTimeout(() => this.fire(job, new Date(next)), next - this.now());
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private fire(job: PeriodicJob, slot: Date): void {
    const run = this.once
      .run(job.name, slot, () => job.run())
      .catch((error: unknown) => this.logger.error({ err: error, job: job.name }, `job ${job.name} failed`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    this.schedule(job);
  }
}
