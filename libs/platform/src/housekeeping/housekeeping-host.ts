import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { KAFKA, PLATFORM_CONFIG } from '../platform.tokens';
import { JobRunStore } from '../scheduling/job-run.store';
import { PeriodicJobs } from '../scheduling/periodic-jobs';
import { RunOnce } from '../scheduling/run-once';
import { Housekeeping } from './housekeeping';
import { HousekeepingStore } from './housekeeping.store';

/** Housekeeping settings from a service's configuration. */
export function housekeepingOptions(config: PlatformConfig) {
  return {
    outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
    batchSize: config.HOUSEKEEPING_BATCH_SIZE,
    everyMs: config.HOUSEKEEPING_INTERVAL_S * 1000,
  };
}

/** Runs the service's housekeeping jobs while the app is up, once per period across its instances. */
@Injectable()
export class HousekeepingHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly housekeeping: Housekeeping;
  private readonly jobs: PeriodicJobs;

  constructor(dataSource: DataSource, once: RunOnce, @Inject(KAFKA) kafka: Kafka, @Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.housekeeping = new Housekeeping(
      new HousekeepingStore(dataSource),
      new JobRunStore(dataSource),
      kafka,
      housekeepingOptions(config),
    );
    this.jobs = new PeriodicJobs(once, this.housekeeping.jobs());
  }

  onApplicationBootstrap(): void {
    this.jobs.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
    await this.housekeeping.close();
  }
}
