import { randomUUID } from 'node:crypto';
import { buildEvent, PeriodClosed, StatementPaid, topicName, type EventEnvelope } from '@titipan/contracts';
import { connectionSecurity, createKafka, eventMessage, kafkaSecurity, RELAY_PRODUCER } from '@titipan/platform';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaLogin } from '../../tools/kafka-credentials';
import { PrivateBroker } from '../support/private-broker';
import { TestEnvironment } from '../support/test-environment';

/**
 * The broker requires SASL/SCRAM and gives each principal only its own rights (docs/decisions/0024). A security
 * review forged money records by producing well-formed events to consignment.events with a plain client: here
 * that attack is replayed, as an unauthenticated client and as the reporting principal, and fails at the broker.
 */
describe('broker security: authenticated principals with per-topic rights (a private SASL broker)', () => {
  let broker: PrivateBroker;
  let env: TestEnvironment;

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    env = await TestEnvironment.create(3, broker.brokers);
  });
  afterAll(async () => {
    await env?.dispose();
    await broker?.dispose();
  });

  const actor = { id: 'forger', role: 'admin' as const, scope: null };
  const agreementId = randomUUID();
  /** A consignment period close that would make reporting issue a statement for an agreement nobody activated. */
  const forgedPeriodClose = () =>
    buildEvent(
      PeriodClosed,
      {
        agreementId,
        period: '2026-10',
        closedAt: '2026-11-01T00:00:00+00:00',
        movements: [{ kind: 'sale', count: 1, quantity: 1, value: 5_000_000 }],
        shortQuantity: 0,
        receipts: 0,
        saleLines: 1,
      } as never,
      { source: 'consignment', actor, correlationId: 'forged' },
    );
  /** A reporting "statement paid" that would make consignment show a month as PAID with Rp 1. */
  const forgedPayment = () =>
    buildEvent(
      StatementPaid,
      { statementId: randomUUID(), agreementId, period: '2026-10', amount: 1, paidOn: '2026-11-02', transferReference: 'forged' },
      { source: 'reporting', actor, correlationId: 'forged' },
    );

  /** Sends one event as the relay would (idempotent, acks=all); resolves to the error the broker answered, if any. */
  const produce = async (kafka: Kafka, topic: string, envelope: EventEnvelope): Promise<Error | undefined> => {
    const producer = kafka.producer({ ...RELAY_PRODUCER, retry: { retries: 1 } });
    try {
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [eventMessage(envelope, envelope.partitionKey)] });
      return undefined;
    } catch (error) {
      return error as Error;
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  };

  /** Messages in a topic, counted by the admin principal from the partitions' end offsets. */
  const messagesIn = async (topic: string): Promise<number> => {
    const admin = env.kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  /** What the broker answers a principal without the right: a topic or cluster (idempotent write) authorization failure. */
  const REFUSED = /not authorized|authorization failed/i;

  const consignmentEvents = () => topicName('consignment', env.topicPrefix);
  const reportingEvents = () => topicName('reporting', env.topicPrefix);

  it('refuses a client without credentials, and one with a wrong password', async () => {
    // a broker answers ApiVersions before authentication, so the refusal comes with the first real request
    const anonymous = createKafka('titipan-anonymous', broker.brokers, {});
    const admin = anonymous.admin({ retry: { retries: 1 } });
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect().catch(() => undefined);

    const impostor = createKafka('titipan-impostor', broker.brokers, { username: 'reporting', password: 'not-the-password' });
    const impostorAdmin = impostor.admin({ retry: { retries: 1 } });
    await expect(impostorAdmin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
    await impostorAdmin.disconnect().catch(() => undefined);
  });

  it('the forged period close fails at the broker, as an unauthenticated client and as reporting; consignment itself may write it', async () => {
    const anonymous = createKafka('titipan-forger', broker.brokers, {});
    expect(await produce(anonymous, consignmentEvents(), forgedPeriodClose())).toBeInstanceOf(Error);

    const asReporting = await produce(env.kafkaAs('reporting'), consignmentEvents(), forgedPeriodClose());
    expect(asReporting?.message).toMatch(REFUSED);
    expect(await messagesIn(consignmentEvents())).toBe(0);

    // the same event from its rightful writer goes through: the refusals above are about who, not what
    expect(await produce(env.kafkaAs('consignment'), consignmentEvents(), forgedPeriodClose())).toBeUndefined();
    expect(await messagesIn(consignmentEvents())).toBe(1);
  });

  it("consignment cannot write reporting.events (a forged payment), nor catalog's or the tools' rights", async () => {
    const asConsignment = await produce(env.kafkaAs('consignment'), reportingEvents(), forgedPayment());
    expect(asConsignment?.message).toMatch(REFUSED);
    const asCatalog = await produce(env.kafkaAs('catalog'), reportingEvents(), forgedPayment());
    expect(asCatalog?.message).toMatch(REFUSED);
    expect(await messagesIn(reportingEvents())).toBe(0);

    expect(await produce(env.kafkaAs('reporting'), reportingEvents(), forgedPayment())).toBeUndefined();
    expect(await messagesIn(reportingEvents())).toBe(1);
  });

  /** Runs a consumer until the broker refuses it; resolves to the refusal (a consumer that is served never resolves). */
  const refusal = async (kafka: Kafka, groupId: string, topic: string): Promise<Error> => {
    const consumer = kafka.consumer({ groupId, retry: { retries: 1 } });
    const crashed = new Promise<Error>((resolve) => consumer.on(consumer.events.CRASH, (e) => resolve(e.payload.error)));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({ eachMessage: async () => undefined });
      return await crashed;
    } catch (error) {
      return error as Error;
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  };

  it("refuses a consumer group outside the principal's prefix, and serves one inside it", async () => {
    // kafkajs reports a refused group only as "Failed to find group coordinator"; its debug log has the broker's answer
    const answers: string[] = [];
    const reporting = new Kafka({
      clientId: 'titipan-group-thief',
      brokers: broker.brokers,
      ...connectionSecurity(kafkaSecurity(kafkaLogin('reporting'))),
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const error = entry.log.error as { type?: string; message?: string } | string | undefined;
        if (error) answers.push(typeof error === 'string' ? error : `${error.type ?? ''} ${error.message ?? ''}`);
      },
    });
    const refused = await refusal(reporting, `${env.topicPrefix}consignment.stolen-group`, consignmentEvents());
    expect(refused.message).toMatch(/Failed to find group coordinator|not authorized/i);
    expect(answers.join('\n')).toMatch(/GROUP_AUTHORIZATION_FAILED|Not authorized to access group/i);

    // the same principal, topic and broker, with a group under its own prefix: served
    const inside = env.kafkaAs('reporting').consumer({ groupId: `${env.topicPrefix}reporting.security-test`, maxWaitTimeInMs: 50 });
    const read: string[] = [];
    await inside.connect();
    await inside.subscribe({ topics: [consignmentEvents()], fromBeginning: true });
    await inside.run({ eachMessage: async ({ message }) => void read.push(String(message.headers?.['event-type'])) });
    const deadline = Date.now() + 30_000;
    while (read.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await inside.disconnect();
    expect(read).toEqual([PeriodClosed.type]);
  });

  it('notification (decision 0030) reads the three streams in its own groups, and writes none of them', async () => {
    // it publishes nothing: a forged payment or period close as notification fails at the broker
    expect((await produce(env.kafkaAs('notification'), reportingEvents(), forgedPayment()))?.message).toMatch(REFUSED);
    expect((await produce(env.kafkaAs('notification'), consignmentEvents(), forgedPeriodClose()))?.message).toMatch(REFUSED);
    expect(await messagesIn(reportingEvents())).toBe(1);
    expect(await messagesIn(consignmentEvents())).toBe(1);
    // its dead letters go to the .dlq of what it consumed
    expect(await produce(env.kafkaAs('notification'), `${reportingEvents()}.dlq`, forgedPayment())).toBeUndefined();
    // a group under another service's prefix is refused; under its own, it reads what the others wrote
    expect((await refusal(env.kafkaAs('notification'), `${env.topicPrefix}reporting.borrowed`, reportingEvents())).message).toMatch(
      /Failed to find group coordinator|not authorized/i,
    );
    const consumer = env.kafkaAs('notification').consumer({ groupId: `${env.topicPrefix}notification.security-test`, maxWaitTimeInMs: 50 });
    const read: string[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topics: [consignmentEvents(), reportingEvents(), topicName('catalog', env.topicPrefix)],
      fromBeginning: true,
    });
    await consumer.run({ eachMessage: async ({ message }) => void read.push(String(message.headers?.['event-type'])) });
    const deadline = Date.now() + 30_000;
    while (read.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.disconnect();
    expect(read.sort()).toEqual([PeriodClosed.type, StatementPaid.type].sort());
  });

  it('a principal cannot read a topic it does not consume: catalog reads no stream', async () => {
    expect((await refusal(env.kafkaAs('catalog'), `${env.topicPrefix}catalog.snoop`, consignmentEvents())).message).toMatch(
      /not authorized/i,
    );
  });
});
