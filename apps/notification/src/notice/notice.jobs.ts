import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicJobs, PLATFORM_CONFIG, RunOnce, UnitOfWork } from '@titipan/platform';
import type { NotificationConfig } from '../notification-config';
import {
  CURATION_OVERDUE_DAYS,
  decideNotices,
  overdueBefore,
  PNBP_NOT_DEPOSITED_DAYS,
  STATEMENT_UNPAID_DAYS,
  type Cause,
} from './domain/notice-rules';
import { NoticeStore } from './notice.store';
import { ReplicaStore } from './replica.store';

/**
 * The time-based notices: scans of the service's own replicas for waits that ran over, once per period across
 * instances (RunOnce). A wait found again at the next scan has the same cause, so its notice is not repeated.
 */
@Injectable()
export class NoticeJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly jobs: PeriodicJobs;

  constructor(
    private readonly replicas: ReplicaStore,
    private readonly notices: NoticeStore,
    private readonly uow: UnitOfWork,
    once: RunOnce,
    @Inject(PLATFORM_CONFIG) config: NotificationConfig,
  ) {
    this.jobs = new PeriodicJobs(once, [{ name: 'notice-scan', everyMs: config.NOTICE_SCAN_EVERY_MS, run: () => this.scan() }]);
  }

  onApplicationBootstrap(): void {
    this.jobs.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }

  /** One pass over every wait; returns how many notices were new. */
  async scan(now = new Date()): Promise<{ notices: number }> {
    const causes: Cause[] = [
      ...(await this.replicas.productsWaitingSince(overdueBefore(now, CURATION_OVERDUE_DAYS))).map((p) => ({
        type: 'curation-waiting' as const,
        ...p,
      })),
      ...(await this.replicas.statementsUnpaidSince(overdueBefore(now, STATEMENT_UNPAID_DAYS))).map((s) => ({
        type: 'statement-unpaid' as const,
        ...s,
      })),
      ...(await this.replicas.statementsUndepositedSince(overdueBefore(now, PNBP_NOT_DEPOSITED_DAYS))).map((s) => ({
        type: 'statement-not-deposited' as const,
        ...s,
      })),
      ...(await this.replicas.exhibitionsEndingTomorrow(now)).map((e) => ({ type: 'exhibition-ending' as const, ...e })),
    ];
    let notices = 0;
    for (const cause of causes) notices += await this.uow.run((tx) => this.notices.deliver(tx.manager, decideNotices(cause)));
    return { notices };
  }
}
