import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { EventTransport } from '../consumer/event-transport';
import { consumerLag } from '../kafka/consumer-lag';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxStore } from '../outbox/outbox.store';
import { KAFKA, SERVICE_NAME } from '../platform.tokens';
import { INSTANCE_ID } from '../scheduling/run-once';
import { CachedCheck, healthErrorCode, withTimeout } from './health-checks';
import { HealthStore } from './health.store';

type Status = 'ok' | 'degraded' | 'down';

/** An unsent event older than this means the relay is not keeping up (or the broker is away). */
const OUTBOX_STALE_MS = 30_000;
/** Readiness is checked at most this often; every call in between gets the last answer. */
export const READINESS_CACHE_MS = 2000;

export interface HealthReport {
  service: string;
  status: Status;
  checks: { database: object; broker: object; outbox: object; consumers: object };
}

export interface Readiness {
  status: 'up' | 'down';
}

/**
 * Three answers of different cost. Liveness: the process answers (no I/O). Readiness: the database answers
 * (cached); without it the service can do nothing, while without the broker it still accepts every write into
 * its outbox, so a broker outage does not make it unready. The detailed report (admins only): database,
 * broker, outbox and each consumer's lag, failures shown as codes; database down is down (503), broker down or
 * events waiting too long degraded (200).
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly logger = new Logger('Health');
  private admin?: Admin;
  private readonly readiness = new CachedCheck<Readiness>(
    async () => ({ status: (await this.checkDatabase()).status === 'ok' ? 'up' : 'down' }),
    READINESS_CACHE_MS,
  );

  constructor(
    private readonly store: HealthStore,
    private readonly outbox: OutboxStore,
    private readonly relay: OutboxRelay,
    private readonly transport: EventTransport,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  ready(): Promise<Readiness> {
    return this.readiness.get();
  }

  async report(): Promise<HealthReport> {
    const [database, broker] = await Promise.all([this.checkDatabase(), this.checkBroker()]);
    const outbox = database.status === 'ok' ? await this.checkOutbox() : { status: 'down' as Status };
    const consumers = broker.status === 'ok' ? await this.checkConsumers() : {};
    let status: Status = 'ok';
    if (broker.status !== 'ok' || outbox.status !== 'ok' || Object.values(consumers).some((c) => c.status !== 'ok')) status = 'degraded';
    if (database.status !== 'ok') status = 'down';
    return { service: this.service, status, checks: { database, broker, outbox, consumers } };
  }

  /** The failure's code for the answer; its text for the log, where operators read it. */
  private failed(check: string, error: unknown): string {
    const code = healthErrorCode(error);
    this.logger.warn({ err: error, code }, `health check ${check} failed`);
    return code;
  }

  private async checkDatabase() {
    const started = Date.now();
    try {
      await withTimeout(this.store.ping(), 'database');
      return { status: 'ok' as Status, latencyMs: Date.now() - started };
    } catch (e) {
      return { status: 'down' as Status, code: this.failed('database', e) };
    }
  }

  private async checkBroker() {
    try {
      this.admin ??= this.kafka.admin();
      await withTimeout(this.admin.connect(), 'broker');
      const cluster = await withTimeout(this.admin.describeCluster(), 'broker');
      return { status: 'ok' as Status, brokers: cluster.brokers.length };
    } catch (e) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return { status: 'down' as Status, code: this.failed('broker', e) };
    }
  }

  private async checkOutbox() {
    try {
      const backlog = await withTimeout(this.outbox.backlog(), 'outbox');
      const stale = (backlog.oldestUnsentAgeMs ?? 0) > OUTBOX_STALE_MS;
      // which instance answered, and whether its relay is the one leading (exactly one instance of a service leads)
      const relay = { ...this.relay.status, leading: this.relay.status.state === 'leading', instance: INSTANCE_ID };
      return { status: (stale ? 'degraded' : 'ok') as Status, ...backlog, relay };
    } catch (e) {
      return { status: 'down' as Status, code: this.failed('outbox', e) };
    }
  }

  private async checkConsumers() {
    const result: Record<string, { status: Status; groupId: string; topics: string[]; lag?: number; code?: string; counters: object }> = {};
    for (const consumer of this.transport.groupStatuses()) {
      const { groupId, topics, counters } = consumer;
      try {
        const lag = await withTimeout(consumerLag(this.admin!, groupId, topics), 'consumer lag');
        result[groupId] = { status: 'ok', groupId, topics, lag, counters };
      } catch (e) {
        result[groupId] = { status: 'degraded', groupId, topics, code: this.failed(`consumer ${groupId}`, e), counters };
      }
    }
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
