import { Logger } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { JobRunStore } from '../scheduling/job-run.store';
import type { PeriodicJob } from '../scheduling/periodic-jobs';
import type { HousekeepingStore } from './housekeeping.store';
import { redeliveryWindowMs } from './topic-retention';

const DAY_MS = 86_400_000;
/** Inbox rows are kept this much longer than the broker could redeliver their event (clock skew, a late segment roll). */
export const INBOX_MARGIN_MS = DAY_MS;
/** Job claims are kept this long, as a record of which instance ran what. */
export const JOB_RUN_RETENTION_MS = 30 * DAY_MS;

export interface HousekeepingOptions {
  outboxRetentionMs: number;
  batchSize: number;
  everyMs: number;
}

export interface OutboxPruned {
  outboxDeleted: number;
  jobRunsDeleted: number;
}

export interface InboxPruned {
  /** Rows deleted per topic; a topic kept forever (retention -1) shows 'kept'. */
  topics: Record<string, number | 'kept'>;
}

/**
 * What keeps a long-running service's tables from growing without bound: sent outbox rows after the retention
 * period, inbox rows once the broker can no longer redeliver their event. Deletes go in batches of `batchSize`,
 * each its own statement, so no long transaction holds locks on the relay's or the consumers' rows.
 */
export class Housekeeping {
  private readonly logger = new Logger('Housekeeping');
  private admin?: Admin;

  constructor(
    private readonly store: HousekeepingStore,
    private readonly jobRuns: JobRunStore,
    private readonly kafka: Kafka,
    private readonly options: HousekeepingOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The two periodic jobs, to run once per period across instances. */
  jobs(): PeriodicJob[] {
    return [
      { name: 'outbox-retention', everyMs: this.options.everyMs, run: () => this.pruneOutbox() },
      { name: 'inbox-retention', everyMs: this.options.everyMs, run: () => this.pruneInbox() },
    ];
  }

  async pruneOutbox(): Promise<OutboxPruned> {
    const sentBefore = new Date(this.now() - this.options.outboxRetentionMs);
    const outboxDeleted = await this.inBatches((limit) => this.store.deleteSentOutbox(sentBefore, limit));
    const jobRunsDeleted = await this.inBatches((limit) => this.jobRuns.pruneBefore(new Date(this.now() - JOB_RUN_RETENTION_MS), limit));
    return { outboxDeleted, jobRunsDeleted };
  }

  async pruneInbox(): Promise<InboxPruned> {
    const topics: InboxPruned['topics'] = {};
    for (const topic of await this.store.inboxTopics()) {
      const windowMs = await this.redeliveryWindow(topic);
      if (windowMs === null) {
        topics[topic] = 'kept';
        continue;
      }
      const receivedBefore = new Date(this.now() - windowMs - INBOX_MARGIN_MS);
      topics[topic] = await this.inBatches((limit) => this.store.deleteInbox(topic, receivedBefore, limit));
    }
    return { topics };
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  /** The topic's redelivery window from the broker; a topic the broker does not know is left alone (kept). */
  private async redeliveryWindow(topic: string): Promise<number | null> {
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      return await redeliveryWindowMs(this.admin, topic);
    } catch (error) {
      this.logger.warn({ err: error, topic }, 'topic retention unknown; its inbox rows are kept this time');
      await this.close();
      return null;
    }
  }

  private async inBatches(deleteBatch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await deleteBatch(this.options.batchSize);
      total += deleted;
      if (deleted < this.options.batchSize) return total;
    }
  }
}
