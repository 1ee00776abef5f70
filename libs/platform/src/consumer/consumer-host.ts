import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EventRegistry } from '@titipan/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { UnitOfWork } from '../outbox/unit-of-work';
import { KAFKA, PLATFORM_CONFIG, SERVICE_NAME } from '../platform.tokens';
import { EventConsumer } from './event-consumer';
import { EVENT_HANDLERS, type EventHandler } from './event-handler';
import { InboxStore } from './inbox.store';

/**
 * Starts one consumer per handler once the app is up, and stops them (their offsets commit) before the
 * database connections close. A broker that is down at start-up does not stop the service: connecting is
 * retried in the background.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ConsumerHost');
  consumers: EventConsumer[] = [];
  private readonly deadLetterProducer: Producer;
  private stopping = false;
  private starting?: Promise<void>;

  constructor(
    @Inject(EVENT_HANDLERS) private readonly handlerTypes: Type<EventHandler>[],
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxStore,
    private readonly uow: UnitOfWork,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {
    this.deadLetterProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  onApplicationBootstrap(): void {
    // handlers live in feature modules; they are looked up once the whole app is wired
    const registry = new EventRegistry();
    this.consumers = this.handlerTypes.map(
      (type) =>
        new EventConsumer(this.moduleRef.get(type, { strict: false }), this.kafka, this.dataSource, this.inbox, this.uow, registry, {
          service: this.service,
          topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
          maxAttempts: this.config.CONSUMER_MAX_ATTEMPTS,
          deadLetterProducer: this.deadLetterProducer,
        }),
    );
    if (this.consumers.length > 0) this.starting = this.startConsumers();
  }

  private async startConsumers(): Promise<void> {
    let delay = 500;
    for (;;) {
      try {
        await this.deadLetterProducer.connect();
        for (const consumer of this.consumers) await consumer.start();
        this.logger.log(`consumers running: ${this.consumers.map((c) => c.groupId).join(', ')}`);
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn({ err: error }, `consumers could not start, retrying in ${delay} ms`);
        await Promise.all(this.consumers.map((c) => c.stop().catch(() => undefined)));
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  /** Before any module's onApplicationShutdown: the consumers still have their database connections. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    await Promise.all(this.consumers.map((c) => c.stop().catch((e: unknown) => this.logger.warn({ err: e }, 'consumer stop failed'))));
    await this.deadLetterProducer.disconnect().catch(() => undefined);
  }
}
