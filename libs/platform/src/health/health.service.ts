import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { ConsumerHost } from '../consumer/consumer-host';
import { consumerLag } from '../kafka/consumer-lag';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxStore } from '../outbox/outbox.store';
import { KAFKA, SERVICE_NAME } from '../platform.tokens';
import { HealthStore } from './health.store';

type Status = 'ok' | 'degraded' | 'down';

const CHECK_TIMEOUT_MS = 2000;
/** An unsent event older than this means the relay is not keeping up (or the broker is away). */
const OUTBOX_STALE_MS = 30_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS),
    ),
  ]);
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

export interface HealthReport {
  service: string;
  status: Status;
  checks: { database: object; broker: object; outbox: object; consumers: object };
}

/**
 * Database down: the service cannot work (down, 503). Broker down or events waiting too long: the service
 * still accepts writes into its outbox, so it reports degraded (200) rather than failing.
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private admin?: Admin;

  constructor(
    private readonly store: HealthStore,
    private readonly outbox: OutboxStore,
    private readonly relay: OutboxRelay,
    private readonly host: ConsumerHost,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, broker] = await Promise.all([this.checkDatabase(), this.checkBroker()]);
    const outbox = database.status === 'ok' ? await this.checkOutbox() : { status: 'down' as Status };
    const consumers = broker.status === 'ok' ? await this.checkConsumers() : {};
    let status: Status = 'ok';
    if (broker.status !== 'ok' || outbox.status !== 'ok' || Object.values(consumers).some((c) => c.status !== 'ok')) status = 'degraded';
    if (database.status !== 'ok') status = 'down';
    return { service: this.service, status, checks: { database, broker, outbox, consumers } };
  }

  private async checkDatabase() {
    const started = Date.now();
    try {
      await withTimeout(this.store.ping(), 'database');
      return { status: 'ok' as Status, latencyMs: Date.now() - started };
    } catch (e) {
      return { status: 'down' as Status, error: message(e) };
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
      return { status: 'down' as Status, error: message(e) };
    }
  }

  private async checkOutbox() {
    try {
      const backlog = await withTimeout(this.outbox.backlog(), 'outbox');
      const stale = (backlog.oldestUnsentAgeMs ?? 0) > OUTBOX_STALE_MS;
      return { status: (stale ? 'degraded' : 'ok') as Status, ...backlog, relay: this.relay.status };
    } catch (e) {
      return { status: 'down' as Status, error: message(e) };
    }
  }

  private async checkConsumers() {
    const result: Record<string, { status: Status; groupId: string; topics: string[]; lag?: number; error?: string; counters: object }> =
      {};
    for (const consumer of this.host.consumers) {
      try {
        const lag = await withTimeout(consumerLag(this.admin!, consumer.groupId, consumer.topics), 'consumer lag');
        result[consumer.groupId] = { status: 'ok', groupId: consumer.groupId, topics: consumer.topics, lag, counters: consumer.counters };
      } catch (e) {
        result[consumer.groupId] = {
          status: 'degraded',
          groupId: consumer.groupId,
          topics: consumer.topics,
          error: message(e),
          counters: consumer.counters,
        };
      }
    }
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
