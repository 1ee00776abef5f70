import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { withTimeout } from '../health/health-checks';
import { consumerLagByPartition } from '../kafka/consumer-lag';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxStore } from '../outbox/outbox.store';
import { KAFKA, SERVICE_NAME } from '../platform.tokens';
import { CONSUMER_STATS, type ConsumerStats } from './consumer-stats';

/** Upper bounds of the HTTP latency buckets, in seconds: 5 ms to 10 s. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus metrics, in a registry of its own, every one labelled with `service`. HTTP latency is
 * observed as requests finish; the rest is read when scraped: the outbox from the database, lag from the broker,
 * counters from the relay and the consumers. A part that does not answer in time is left out of that scrape
 * (its absence is what an alert sees) rather than failing the whole answer.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private admin?: Admin;

  readonly httpDuration = new Histogram({
    name: 'titipan_http_request_duration_seconds',
    help: 'HTTP request latency, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    private readonly outbox: OutboxStore,
    private readonly relay: OutboxRelay,
    @Inject(CONSUMER_STATS) private readonly consumers: ConsumerStats,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'titipan_' });
    // what the collect() callbacks read (inside them `this` is the metric being collected)
    const read = {
      backlog: () => this.outboxBacklog(),
      leading: () => this.relay.status.state === 'leading',
      published: () => this.relay.status.published,
      groups: () => this.consumers.groups(),
      lag: () => this.consumerLag(),
    };

    new Gauge({
      name: 'titipan_outbox_backlog_events',
      help: 'Outbox events not yet sent to the broker',
      registers: [this.registry],
      async collect() {
        const backlog = await read.backlog();
        if (backlog) this.set(backlog.unsent);
      },
    });
    new Gauge({
      name: 'titipan_outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest outbox event not yet sent (0 when none waits)',
      registers: [this.registry],
      async collect() {
        const backlog = await read.backlog();
        if (backlog) this.set((backlog.oldestUnsentAgeMs ?? 0) / 1000);
      },
    });
    new Gauge({
      name: 'titipan_relay_leader',
      help: '1 when this instance leads the outbox relay of its service, else 0',
      registers: [this.registry],
      collect() {
        this.set(read.leading() ? 1 : 0);
      },
    });
    new Counter({
      name: 'titipan_events_relayed_total',
      help: 'Events this instance published from the outbox to the broker',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read.published());
      },
    });
    const perGroup = (name: string, help: string, field: 'applied' | 'duplicates' | 'deadLettered') =>
      new Counter({
        name,
        help,
        labelNames: ['group'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const group of read.groups()) this.inc({ group: group.group }, group[field]);
        },
      });
    perGroup('titipan_events_applied_total', 'Events a consumer group applied on this instance', 'applied');
    perGroup('titipan_events_duplicates_total', 'Duplicate deliveries the inbox absorbed (not applied again)', 'duplicates');
    perGroup('titipan_events_dead_lettered_total', 'Events a consumer group sent to its dead-letter topic', 'deadLettered');
    new Gauge({
      name: 'titipan_consumer_lag_messages',
      help: 'Messages on a partition that the consumer group has not committed yet',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const lag of await read.lag()) this.set({ group: lag.group, topic: lag.topic, partition: String(lag.partition) }, lag.lag);
      },
    });
  }

  /** The exposition text of every metric. */
  async scrape(): Promise<string> {
    this.backlog = undefined;
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  // one backlog query serves both outbox gauges of a scrape
  private backlog?: Promise<{ unsent: number; oldestUnsentAgeMs: number | null } | undefined>;

  private outboxBacklog() {
    this.backlog ??= withTimeout(this.outbox.backlog(), 'outbox').catch((error: unknown) => {
      this.logger.warn({ err: error }, 'outbox backlog not measured');
      return undefined;
    });
    return this.backlog;
  }

  private async consumerLag(): Promise<{ group: string; topic: string; partition: number; lag: number }[]> {
    const groups = this.consumers.groups();
    if (groups.length === 0) return [];
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await withTimeout(admin.connect(), 'broker');
        this.admin = admin;
      }
      const lags = await Promise.all(
        groups.map(async (g) =>
          (await withTimeout(consumerLagByPartition(this.admin!, g.group, g.topics), 'consumer lag')).map((p) => ({
            group: g.group,
            ...p,
          })),
        ),
      );
      return lags.flat();
    } catch (error) {
      this.logger.warn({ err: error }, 'consumer lag not measured');
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return [];
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
