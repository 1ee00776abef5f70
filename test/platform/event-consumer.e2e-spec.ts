import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  buildEvent,
  dlqTopic,
  KanwilRegistered,
  topicName,
  StatementIssued,
  StatementPaid,
  type EventEnvelope,
  type KanwilRegisteredV1,
  type StatementIssuedV1,
  type StatementPaidV1,
} from '@titipan/contracts';
import {
  AuditStore,
  AuditTrail,
  DLQ_HEADERS,
  EventGroup,
  EventPattern,
  EventTransport,
  type EventContext,
  InboxStore,
  listDeadLetters,
  NATIONAL_AUDIT_SCOPES,
  OutboxStore,
  redriveDeadLetters,
  UnitOfWork,
} from '@titipan/platform';
import { newId } from '@titipan/kernel';
import type { Producer } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { eventually, TopicProbe } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { cleanUp } from '../support/clean-up';

class AppliedTable1800000000000 implements MigrationInterface {
  name = 'AppliedTable1800000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE applied (event_id uuid NOT NULL, code text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE applied`);
  }
}

/** Codes whose handling fails: 'always', or a number of transient failures before success. */
const failures = new Map<string, 'always' | number>();
const attempts = new Map<string, number>();

/** Records every application, so a double application is visible as two rows. */
@EventGroup({ name: 'recorder', streams: ['catalog'] })
class RecordingListener {
  @EventPattern(KanwilRegistered)
  async registered(@Payload() event: EventEnvelope<KanwilRegisteredV1>, @Ctx() { tx }: EventContext): Promise<void> {
    const code = event.data.code;
    attempts.set(code, (attempts.get(code) ?? 0) + 1);
    await tx.manager.query(`INSERT INTO applied (event_id, code) VALUES ($1, $2)`, [event.id, code]);
    const failure = failures.get(code);
    if (failure === 'always') throw new Error(`cannot apply ${code}`);
    if (typeof failure === 'number' && failure > 0) {
      failures.set(code, failure - 1);
      throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    }
  }
}

/** Records what each call of a batch method received: consecutive events of its types arrive as one array. */
const batchCalls: string[][] = [];
@EventGroup({ name: 'batch-recorder', streams: ['reporting'] })
class BatchRecordingListener {
  @EventPattern([StatementIssued, StatementPaid], { batch: true })
  statements(@Payload() events: EventEnvelope<StatementIssuedV1 | StatementPaidV1>[]) {
    batchCalls.push(events.map((e) => `${e.type}:${e.data.period}`));
  }
}

@Module({ controllers: [RecordingListener, BatchRecordingListener] })
class RecordingModule {}

describe('event consumer: inbox, retries and dead letters (real Postgres and Kafka)', () => {
  let env: TestEnvironment;
  let ds: DataSource;
  let producer: Producer;
  let app: INestApplication;
  let transport: EventTransport;
  let dlq: TopicProbe;
  const handler = { failures, attempts };
  /** The recorder group's consumer, as the transport runs it. */
  const consumer = {
    get counters() {
      return transport.groupStatuses().find((g) => g.groupId.endsWith('.recorder'))!.counters;
    },
  };
  const actor = { id: 'admin-1', role: 'admin' as const, scope: null };
  let topic: string;

  const send = (...values: (string | EventEnvelope)[]) =>
    producer.send({
      topic,
      messages: values.map((v) => ({ key: 'k', value: typeof v === 'string' ? v : JSON.stringify(v) })),
    });
  const event = (code: string) => buildEvent(KanwilRegistered, { code, name: code }, { source: 'catalog', actor, correlationId: 'c' });
  const appliedRows = async (code: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM applied WHERE code = $1`, [code]))[0].n;

  beforeAll(async () => {
    env = await TestEnvironment.create(1);
    topic = topicName('catalog', env.topicPrefix);
    ds = await env.dataSource('consignment', [AppliedTable1800000000000]);
    producer = env.kafka.producer();
    await producer.connect();
    // the listener is found by Nest and run by the transport, as in a service (bootstrapService)
    transport = new EventTransport(
      env.kafka,
      ds,
      new InboxStore(),
      new UnitOfWork(ds, new OutboxStore(ds), 'consignment', new AuditTrail(new AuditStore(), NATIONAL_AUDIT_SCOPES)),
      { service: 'consignment', topicPrefix: env.topicPrefix, maxAttempts: 3 },
    );
    app = await NestFactory.create(RecordingModule, { logger: false });
    app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
    await app.startAllMicroservices();
    dlq = await new TopicProbe(env.kafka, [dlqTopic(topic)]).start();
  });
  afterAll(() =>
    cleanUp(
      () => app?.close(),
      () => dlq?.stop(),
      () => producer?.disconnect(),
      () => env?.dispose(),
    ),
  );

  it('applies an event delivered twice exactly once', async () => {
    const e = event('KW-TWICE');
    await send(e, e);
    const after = event('KW-AFTER-TWICE');
    await send(after);
    await eventually(async () => (await appliedRows('KW-AFTER-TWICE')) === 1, 20_000, 'later event applied');
    expect(await appliedRows('KW-TWICE')).toBe(1);
    expect(consumer.counters.duplicates).toBeGreaterThanOrEqual(1);
    const inbox = await ds.query(`SELECT consumer, event_type FROM inbox WHERE event_id = $1`, [e.id]);
    expect(inbox).toEqual([{ consumer: 'recorder', event_type: 'catalog.kanwil.registered' }]);
  });

  it('dead-letters a malformed message with its coordinates and error, and carries on', async () => {
    const before = consumer.counters.deadLettered;
    await send('{"this is": not json');
    const invalid = { ...event('KW-BAD'), data: { code: 'lower case!', name: '' } };
    await send(invalid);
    const next = event('KW-NEXT');
    await send(next);
    await eventually(async () => (await appliedRows('KW-NEXT')) === 1, 20_000, 'next event applied');

    const letters = await dlq.waitFor(2, (r) => r.message.headers?.[DLQ_HEADERS.reason]?.toString() === 'invalid');
    const [notJson, badPayload] = letters.slice(-2);
    expect(notJson.message.value?.toString()).toBe('{"this is": not json');
    expect(notJson.message.headers?.[DLQ_HEADERS.topic]?.toString()).toBe(topic);
    expect(notJson.message.headers?.[DLQ_HEADERS.partition]?.toString()).toBe('0');
    expect(Number(notJson.message.headers?.[DLQ_HEADERS.offset]?.toString())).toBeGreaterThanOrEqual(0);
    expect(notJson.message.headers?.[DLQ_HEADERS.error]?.toString()).toMatch(/not JSON/);
    expect(notJson.message.headers?.[DLQ_HEADERS.consumer]?.toString()).toBe(`${env.topicPrefix}consignment.recorder`);
    expect(badPayload.message.headers?.[DLQ_HEADERS.error]?.toString()).toMatch(/data\.code.*data\.name|data\.name.*data\.code/);
    expect(await appliedRows('lower case!')).toBe(0);
    expect(consumer.counters.deadLettered - before).toBe(2);
  });

  it('retries a transient failure until it passes, applying the event once', async () => {
    handler.failures.set('KW-FLAKY', 2);
    await send(event('KW-FLAKY'));
    await eventually(async () => (await appliedRows('KW-FLAKY')) === 1, 20_000, 'flaky event applied');
    expect(handler.attempts.get('KW-FLAKY')).toBe(3);
  });

  it('dead-letters an event whose handler keeps failing, after its attempts, and carries on', async () => {
    handler.failures.set('KW-POISON', 'always');
    const poison = event('KW-POISON');
    await send(poison, event('KW-AFTER-POISON'));
    await eventually(async () => (await appliedRows('KW-AFTER-POISON')) === 1, 30_000, 'event after poison applied');
    const [letter] = await dlq.waitFor(1, (r) => r.message.value?.toString().includes(poison.id) === true);
    expect(letter.message.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('handler-failed');
    expect(letter.message.headers?.[DLQ_HEADERS.error]?.toString()).toMatch(/cannot apply KW-POISON/);
    // every failed attempt rolled back: no trace of the poison event, and no inbox row, so a re-drive can apply it
    expect(await appliedRows('KW-POISON')).toBe(0);
    expect(await ds.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [poison.id])).toEqual([]);
    expect(handler.attempts.get('KW-POISON')).toBeGreaterThanOrEqual(3);
  });

  it('lists dead letters with their origin and error, and re-drives a fixed one to be applied once', async () => {
    const letters = await listDeadLetters(env.kafka, topic);
    expect(letters.map((l) => l.reason).sort()).toEqual(['handler-failed', 'invalid', 'invalid']);
    const poison = letters.find((l) => l.reason === 'handler-failed')!;
    expect(poison).toMatchObject({
      originalTopic: topic,
      originalPartition: '0',
      consumer: `${env.topicPrefix}consignment.recorder`,
      error: expect.stringMatching(/cannot apply KW-POISON/),
    });

    handler.failures.delete('KW-POISON'); // the cause is fixed
    expect(await redriveDeadLetters(env.kafka, [poison])).toBe(1);
    await eventually(async () => (await appliedRows('KW-POISON')) === 1, 20_000, 're-driven event applied');
    // re-driving it again changes nothing: the inbox has it now
    await redriveDeadLetters(env.kafka, [poison]);
    const marker = event('KW-AFTER-REDRIVE');
    await send(marker);
    await eventually(async () => (await appliedRows('KW-AFTER-REDRIVE')) === 1, 20_000, 'marker applied');
    expect(await appliedRows('KW-POISON')).toBe(1);
  });

  it('hands consecutive events of a batch method to it as one array, in order', async () => {
    const ref = { statementId: newId(), agreementId: newId() };
    const context = { source: 'reporting', actor, correlationId: 'c' };
    const issued = (period: string) =>
      buildEvent(StatementIssued, { ...ref, period, issuedAt: new Date().toISOString(), proceeds: 1000, digest: 'a'.repeat(64) }, context);
    const paid = buildEvent(
      StatementPaid,
      { ...ref, period: '2026-01', amount: 1000, paidOn: '2026-02-03', transferReference: 'TRF-1' },
      context,
    );
    await producer.send({
      topic: topicName('reporting', env.topicPrefix),
      messages: [issued('2026-01'), paid, issued('2026-02')].map((e) => ({ key: ref.agreementId, value: JSON.stringify(e) })),
    });
    await eventually(async () => batchCalls.flat().length >= 3, 20_000, 'statements applied');
    expect(batchCalls).toEqual([
      ['reporting.statement.issued:2026-01', 'reporting.statement.paid:2026-01', 'reporting.statement.issued:2026-02'],
    ]);
  });
});
