import { Logger, type BeforeApplicationShutdown, type Type } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { definitionKey, EventReader, type EventEnvelope } from '@titipan/contracts';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { UnitOfWork } from '../outbox/unit-of-work';
import { EventConsumer, type ConsumerCounters, type ConsumerGroup, type GroupRoute } from './event-consumer';
import { eventGroupOf, handlerFailure, routeOf, type EventContext, type EventRoute } from './event-pattern';
import type { InboxStore } from './inbox.store';

export interface EventTransportOptions {
  service: string;
  topicPrefix: string;
  maxAttempts: number;
}

/** What a metrics reader gets per group. */
export interface ConsumerGroupStatus {
  groupId: string;
  topics: string[];
  counters: ConsumerCounters;
  consumer?: Consumer;
}

/**
 * The Kafka side of a service, as a Nest microservice transport: Nest discovers the `@EventPattern` methods of
 * `@EventGroup` listeners and hands them over (addHandler); each listener class runs as one EventConsumer (its own
 * consumer group, batches, the inbox in the handler's transaction, retries, dead letters, seek-back). Started by
 * `app.connectMicroservice({ strategy })` + `startAllMicroservices()`; a broker that is down at start-up does not
 * stop the service (connecting is retried in the background). Consumers stop, committing their offsets, before
 * the database closes.
 */
export class EventTransport extends Server implements CustomTransportStrategy, BeforeApplicationShutdown {
  protected override readonly logger = new Logger('EventTransport');
  consumers: EventConsumer[] = [];
  private readonly routes: { route: EventRoute; handler: MessageHandler }[] = [];
  private readonly deadLetterProducer: Producer;
  private stopping = false;
  private starting?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxStore,
    private readonly uow: UnitOfWork,
    private readonly options: EventTransportOptions,
    private readonly reader: EventReader = EventReader.shared(),
  ) {
    super();
    this.deadLetterProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  /** Nest calls this once per discovered `@EventPattern` method. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const route = routeOf(extras);
    if (!route || !isEventHandler) {
      throw new Error(`${String(pattern)}: only @EventPattern methods from @titipan/platform can be served by the event transport`);
    }
    this.routes.push({ route, handler: callback });
  }

  listen(callback: (error?: unknown) => void): void {
    try {
      this.consumers = this.groups().map(
        (group) =>
          new EventConsumer(group, this.kafka, this.dataSource, this.inbox, this.uow, {
            ...this.options,
            deadLetterProducer: this.deadLetterProducer,
            parse: (value) => this.reader.read(value),
          }),
      );
    } catch (error) {
      callback(error);
      return;
    }
    if (this.consumers.length > 0) this.starting = this.startConsumers();
    callback();
  }

  /** Every group with its counters and kafkajs consumer (for health and metrics). */
  groupStatuses(): ConsumerGroupStatus[] {
    return this.consumers.map((c) => ({ groupId: c.groupId, topics: c.topics, counters: c.counters, consumer: c.kafkaConsumer }));
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    await Promise.all(this.consumers.map((c) => c.stop().catch((e: unknown) => this.logger.warn({ err: e }, 'consumer stop failed'))));
    await this.deadLetterProducer.disconnect().catch(() => undefined);
  }

  /** Before any module's onApplicationShutdown: the consumers still have their database connections. */
  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }

  on(): never {
    throw new Error('the event transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  /** Groups the discovered methods by listener class, refusing what would misroute events. */
  private groups(): ConsumerGroup[] {
    const byOwner = new Map<Type<unknown>, { route: EventRoute; handler: MessageHandler }[]>();
    for (const r of this.routes) byOwner.set(r.route.owner, [...(byOwner.get(r.route.owner) ?? []), r]);
    const names = new Map<string, string>();
    const groups: ConsumerGroup[] = [];
    for (const [owner, methods] of byOwner) {
      const group = eventGroupOf(owner);
      if (!group) throw new Error(`${owner.name} has @EventPattern methods but no @EventGroup({ name, streams })`);
      const other = names.get(group.name);
      if (other) throw new Error(`consumer group '${group.name}' is declared twice: by ${other} and ${owner.name}`);
      names.set(group.name, owner.name);
      const routes = new Map<string, GroupRoute>();
      for (const { route, handler } of methods) {
        const id = `${owner.name}.${route.method}`;
        // one object per method: consecutive events for the same batch method are told apart by it
        const target: GroupRoute = { id, batch: route.batch, invoke: (events, ctx) => this.invoke(handler, events, ctx) };
        for (const definition of route.definitions) {
          if (!group.streams.includes(definition.stream)) {
            throw new Error(
              `${id} handles ${definition.type} v${definition.version}, published on ${definition.stream}, but group '${group.name}' reads only ${group.streams.join(', ')}`,
            );
          }
          const key = definitionKey(definition.type, definition.version);
          const taken = routes.get(key);
          if (taken)
            throw new Error(`${definition.type} v${definition.version} is handled twice in group '${group.name}': ${taken.id} and ${id}`);
          routes.set(key, target);
        }
      }
      groups.push({ name: group.name, streams: group.streams, routes });
    }
    this.logger.log(
      `listeners: ${groups.map((g) => `${g.name} (${[...new Set([...g.routes.values()].map((r) => r.id))].join(', ')})`).join('; ')}`,
    );
    return groups;
  }

  /** Calls a handler through Nest (param decorators, pipes), surfacing its own error rather than Nest's RPC one. */
  private async invoke(handler: MessageHandler, events: EventEnvelope<object> | EventEnvelope<object>[], ctx: EventContext) {
    const slot: { error?: unknown } = {};
    await handlerFailure.run(slot, async () => {
      try {
        const result: unknown = await handler(events, ctx);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      } catch (error) {
        throw slot.error ?? error;
      }
    });
  }

  private async startConsumers(): Promise<void> {
    let delay = 500;
    for (;;) {
      try {
        await this.deadLetterProducer.connect();
        for (const consumer of this.consumers) {
          if (this.stopping) return;
          await consumer.start();
        }
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
}
