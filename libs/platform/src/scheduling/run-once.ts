import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import type { JobRunStore } from './job-run.store';

/** Names this process among the service's instances, in job claims, logs and metrics. */
export const INSTANCE_ID = `${hostname()}/${process.pid}`;

/**
 * The slot of a cron firing: its minute. Instances fire a cron job within milliseconds of each other, so they
 * name the same slot; a job scheduled at most once a minute therefore runs once per firing across instances.
 */
export function cronSlot(firedAt: Date): Date {
  return new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
}

/** The slot of a job that runs every `everyMs`: the start of the period `at` falls in. */
export function periodSlot(at: Date, everyMs: number): Date {
  return new Date(Math.floor(at.getTime() / everyMs) * everyMs);
}

export type RunOnceResult<T> = { ran: true; outcome: T } | { ran: false };

/**
 * Runs a scheduled job's work at most once per slot across all instances of a service: each instance tries to
 * claim (job, slot) and only the one that inserts the row runs it. A claimant that dies mid-run leaves its slot
 * unfinished (finished_at null) and the job runs again at its next slot; every job here is safe to repeat.
 */
export class RunOnce {
  private readonly logger = new Logger('ScheduledJob');

  constructor(
    private readonly store: JobRunStore,
    private readonly instance: string = INSTANCE_ID,
  ) {}

  async run<T>(job: string, slot: Date, work: () => Promise<T>): Promise<RunOnceResult<T>> {
    if (!(await this.store.claim(job, slot, this.instance))) {
      this.logger.log({ job, slot: slot.toISOString(), instance: this.instance }, `job ${job} slot taken by another instance`);
      return { ran: false };
    }
    this.logger.log({ job, slot: slot.toISOString(), instance: this.instance }, `job ${job} running`);
    const outcome = await work();
    await this.store.finish(job, slot, outcome);
    this.logger.log({ job, slot: slot.toISOString(), instance: this.instance, outcome }, `job ${job} done`);
    return { ran: true, outcome };
  }
}
