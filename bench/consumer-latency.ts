import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { buildEvent, KanwilRegistered, topicName, type EventEnvelope, type KanwilRegisteredV1 } from '@titipan/contracts';
import {
  AuditStore,
  AuditTrail,
  EventGroup,
  EventPattern,
  EventTransport,
  InboxStore,
  NATIONAL_AUDIT_SCOPES,
  OutboxStore,
  UnitOfWork,
  type EventContext,
} from '@titipan/platform';
import { TestEnvironment } from '../test/support/test-environment';
import { percentiles } from './statistics';

/**
 * Where the time goes inside one consumer of the event transport at a low rate: events produced one at a time at
 * a fixed rate; for each, from the producer's ack to the handler being called (broker + fetch loop) and from the
 * handler being called to the commit of its transaction; and how long kafkajs spends between the end of a batch
 * and the next fetch (its commit and heartbeat).
 *   npx ts-node bench/consumer-latency.ts [events] [per-second]
 */
const called = new Map<string, number>();

@EventGroup({ name: 'latency', streams: ['catalog'] })
class LatencyListener {
  @EventPattern(KanwilRegistered)
  async registered(@Payload() event: EventEnvelope<KanwilRegisteredV1>, @Ctx() { tx }: EventContext) {
    called.set(event.id, performance.now());
    await tx.manager.query('SELECT 1');
  }
}

@Module({ controllers: [LatencyListener] })
class LatencyModule {}

// tokens are never verified here; the config still wants an issuer
process.env.NODE_ENV ??= 'test';
process.env.DEV_JWKS_URL ??= 'http://127.0.0.1:9/unused';

async function main() {
  const events = Number(process.argv[2] ?? 200);
  const perSecond = Number(process.argv[3] ?? 20);
  const env = await TestEnvironment.create(3);
  const ds = await env.dataSource('reporting');
  const transport = new EventTransport(
    env.kafka,
    ds,
    new InboxStore(),
    new UnitOfWork(ds, new OutboxStore(ds), 'reporting', new AuditTrail(new AuditStore(), NATIONAL_AUDIT_SCOPES)),
    { service: 'reporting', topicPrefix: env.topicPrefix, maxAttempts: 3 },
  );
  const app = await NestFactory.create(LatencyModule, { logger: false });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  await app.startAllMicroservices();
  const producer = env.kafka.producer();
  await producer.connect();
  const topic = topicName('catalog', env.topicPrefix);
  try {
    while (!transport.groupStatuses()[0]?.consumer) await new Promise((r) => setTimeout(r, 50));
    const consumer = transport.groupStatuses()[0].consumer!;
    const gaps: number[] = [];
    let batchEnded: number | undefined;
    consumer.on(consumer.events.END_BATCH_PROCESS, () => void (batchEnded = performance.now()));
    consumer.on(consumer.events.FETCH_START, () => {
      if (batchEnded !== undefined) gaps.push(performance.now() - batchEnded);
      batchEnded = undefined;
    });
    await new Promise((r) => setTimeout(r, 3000)); // the group joins
    const acked = new Map<string, number>();
    const ids: string[] = [];
    for (let i = 0; i < events; i++) {
      const event = buildEvent(
        KanwilRegistered,
        { code: `KW-LAT-${i}`, name: 'latency' },
        { source: 'catalog', actor: { id: 'bench', role: 'system', scope: null }, correlationId: 'bench' },
      );
      await producer.send({ topic, acks: -1, messages: [{ key: event.partitionKey, value: JSON.stringify(event) }] });
      acked.set(event.id, performance.now());
      ids.push(event.id);
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const rows: { event_id: string }[] = await ds.query(`SELECT event_id FROM inbox WHERE consumer = 'latency'`);
    const toHandler = ids.filter((id) => called.has(id)).map((id) => called.get(id)! - acked.get(id)!);
    const fmt = (xs: number[]) => {
      const p = percentiles(xs);
      return `p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (n ${xs.length})`;
    };
    console.log(`producer ack -> handler called: ${fmt(toHandler)}`);
    console.log(`end of a batch -> next fetch (kafkajs commit + heartbeat): ${fmt(gaps)}`);
    console.log(`applied: ${rows.length} of ${events}`);
  } finally {
    await app.close();
    await producer.disconnect();
    await env.dispose();
  }
}

void main();
