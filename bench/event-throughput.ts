import { topicName, type AgreementActivatedV1, type EventEnvelope } from '@titipan/contracts';
import {
  AuditStore,
  AuditTrail,
  eventMessage,
  InboxStore,
  OutboxRelay,
  OutboxStore,
  RELAY_PRODUCER,
  relayOptions,
  UnitOfWork,
} from '@titipan/platform';
import { CompressionTypes } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { CONSIGNMENT_MIGRATIONS } from '../apps/consignment/src/database/migrations';
import { AuditScopeStore } from '../apps/reporting/src/audit/audit-scope.store';
import { REPORTING_MIGRATIONS } from '../apps/reporting/src/database/migrations';
import { CarryOverStore } from '../apps/reporting/src/projection/carry-over.store';
import { ProjectionStore } from '../apps/reporting/src/projection/projection.store';
import { ReplayService } from '../apps/reporting/src/projection/replay.service';
import { ReplayStore } from '../apps/reporting/src/projection/replay.store';
import { TestEnvironment } from '../test/support/test-environment';
import { measurePostgresInserts, type InsertCeiling } from './postgres-ceiling';

export interface Rate {
  events: number;
  seconds: number;
  perSecond: number;
}

export interface EventThroughput {
  averageEventBytes: number;
  relayDrain: Rate;
  kafkaProduce: Rate;
  kafkaConsume: Rate;
  replay: Rate & { applied: number };
  postgresInserts: InsertCeiling;
}

const rate = (events: number, startedMs: number): Rate => {
  const seconds = (performance.now() - startedMs) / 1000;
  return { events, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(events / seconds) };
};

/** Copies of the sampled events with ids of their own, in turn. */
function* copies(samples: EventEnvelope[], count: number): Generator<EventEnvelope> {
  for (let i = 0; i < count; i++) yield { ...samples[i % samples.length], id: uuidv7() };
}

function take<T>(source: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  for (let next = source.next(); !next.done; next = source.next()) {
    out.push(next.value);
    if (out.length === n) break;
  }
  return out;
}

/**
 * Items 4, 5 and 7 on a database and topics of their own, with copies of the events the services
 * wrote during the load runs:
 *  - relay drain: `drainEvents` rows committed to consignment's outbox, published by the real relay;
 *  - Kafka produce ceiling: the rest up to `replayEvents` sent by a bare kafkajs producer with the
 *    relay's settings and batch size, so the topic then holds `replayEvents` events;
 *  - Kafka consume ceiling: a bare consumer reading them all;
 *  - replay: reporting's ReplayService rebuilding its projections from them;
 *  - Postgres insert ceiling: sale_line rows by the sales repository's own bulk insert.
 */
export async function measureEventThroughput(options: {
  samples: EventEnvelope[];
  /** the agreements the samples belong to: at the head of the topic, as in consignment's log (reporting's replay rebuilds its dimensions from them) */
  agreements: EventEnvelope<AgreementActivatedV1>[];
  drainEvents: number;
  replayEvents: number;
  insertConnections: number;
  insertSeconds: number;
  log: (line: string) => void;
}): Promise<EventThroughput> {
  const { samples, log } = options;
  const env = await TestEnvironment.create(6);
  const relays: OutboxRelay[] = [];
  try {
    const consignment = await env.dataSource('consignment', CONSIGNMENT_MIGRATIONS);
    const reporting = await env.dataSource('reporting', REPORTING_MIGRATIONS);
    const topic = topicName('consignment', env.topicPrefix);
    const config = env.config('consignment');
    const averageEventBytes = Math.round(samples.reduce((s, e) => s + Buffer.byteLength(JSON.stringify(e)), 0) / samples.length);

    log(`postgres ceiling: sale_line rows in batches of 200 over ${options.insertConnections} connections for ${options.insertSeconds} s`);
    const postgresInserts = await measurePostgresInserts(consignment, options.insertConnections, options.insertSeconds);

    const head = env.kafka.producer(RELAY_PRODUCER);
    await head.connect();
    await head.send({ topic, acks: -1, messages: options.agreements.map((e) => eventMessage(e, e.partitionKey)) });
    await head.disconnect();

    log(`relay drain: committing ${options.drainEvents.toLocaleString('en')} outbox rows`);
    const store = new OutboxStore(consignment);
    const events = copies(samples, options.drainEvents);
    for (let batch = take(events, 2000); batch.length > 0; batch = take(events, 2000)) {
      await consignment.transaction((m) =>
        store.append(
          m,
          batch.map((envelope) => ({ stream: 'consignment' as const, envelope })),
        ),
      );
    }
    const relay = new OutboxRelay(store, env.kafka, relayOptions(config, 'consignment'));
    relays.push(relay);
    let started = performance.now();
    relay.start();
    while ((await store.backlog()).unsent > 0) await new Promise((r) => setTimeout(r, 20));
    const relayDrain = rate(options.drainEvents, started);
    await relay.stop();

    const produce = options.replayEvents - options.drainEvents;
    log(`kafka ceiling: producing ${produce.toLocaleString('en')} events with a bare kafkajs producer`);
    const producer = env.kafka.producer(RELAY_PRODUCER);
    await producer.connect();
    const more = copies(samples, produce);
    started = performance.now();
    for (let batch = take(more, config.OUTBOX_BATCH_SIZE); batch.length > 0; batch = take(more, config.OUTBOX_BATCH_SIZE)) {
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [{ topic, messages: batch.map((e) => eventMessage(e, e.partitionKey)) }],
      });
    }
    const kafkaProduce = rate(produce, started);
    await producer.disconnect();

    log(`kafka ceiling: consuming ${options.replayEvents.toLocaleString('en')} events with a bare kafkajs consumer`);
    const consumer = env.kafka.consumer({ groupId: `${env.topicPrefix}bench-consume`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let consumed = 0;
    started = performance.now();
    await consumer.run({ eachBatch: async ({ batch }) => void (consumed += batch.messages.length) });
    while (consumed < options.replayEvents + options.agreements.length) await new Promise((r) => setTimeout(r, 20));
    const kafkaConsume = rate(consumed, started);
    await consumer.disconnect();

    log(`replay: rebuilding reporting's projections and statement sources from ${options.replayEvents.toLocaleString('en')} events`);
    const replayService = new ReplayService(
      reporting,
      new UnitOfWork(reporting, new OutboxStore(reporting), 'reporting', new AuditTrail(new AuditStore(), new AuditScopeStore())),
      new ProjectionStore(),
      new CarryOverStore(),
      new ReplayStore(),
      new InboxStore(),
      env.kafka,
      env.config('reporting'),
    );
    const replayed = await replayService.rebuild();
    const replay = { events: replayed.events, applied: replayed.applied, seconds: replayed.seconds, perSecond: replayed.eventsPerSecond };

    return { averageEventBytes, relayDrain, kafkaProduce, kafkaConsume, replay, postgresInserts };
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
    await env.dispose();
  }
}
