import { KanwilRegistered, topicName } from '@titipan/contracts';
import {
  AuditStore,
  AuditTrail,
  NATIONAL_AUDIT_SCOPES,
  OutboxRelay,
  OutboxStore,
  relayOptions,
  runInContext,
  UnitOfWork,
} from '@titipan/platform';
import type { DataSource } from 'typeorm';
import { eventually, TopicProbe } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { cleanUp } from '../support/clean-up';

describe('transactional outbox and relay (real Postgres and Kafka)', () => {
  let env: TestEnvironment;
  let ds: DataSource;
  let store: OutboxStore;
  let uow: UnitOfWork;
  let probe: TopicProbe;
  const relays: OutboxRelay[] = [];

  const newRelay = () => {
    const relay = new OutboxRelay(store, env.kafka, relayOptions(env.config('catalog'), 'catalog'));
    relays.push(relay);
    return relay;
  };
  const kanwil = (code: string) => ({ code, name: `Kanwil ${code}` });
  const actor = { id: 'admin-1', role: 'admin' as const, scope: null };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    ds = await env.dataSource('catalog');
    store = new OutboxStore(ds);
    uow = new UnitOfWork(ds, store, 'catalog', new AuditTrail(new AuditStore(), NATIONAL_AUDIT_SCOPES));
    probe = await new TopicProbe(env.kafka, [topicName('catalog', env.topicPrefix)]).start();
  });
  afterAll(() =>
    cleanUp(
      relays.map((r) => () => r.stop()),
      () => probe?.stop(),
      () => env?.dispose(),
    ),
  );
  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  it('publishes a committed event with its key, headers and stamped envelope, and marks it sent', async () => {
    const relay = newRelay();
    relay.start();
    const event = await runInContext({ correlationId: 'corr-1', actor }, () =>
      uow.run(async (tx) => tx.publish(KanwilRegistered, kanwil('KW-ONE'))),
    );
    const [received] = await probe.waitFor(1, (r) => r.message.headers?.['event-id']?.toString() === event.id);
    expect(received.message.key?.toString()).toBe('KW-ONE');
    expect(received.message.headers?.['event-type']?.toString()).toBe('catalog.kanwil.registered');
    expect(received.message.headers?.['event-version']?.toString()).toBe('1');
    const published = JSON.parse(received.message.value!.toString());
    expect(published).toMatchObject({ id: event.id, source: 'catalog', correlationId: 'corr-1', actor, data: kanwil('KW-ONE') });
    await eventually(async () => (await store.backlog()).unsent === 0, 5000, 'outbox marked sent');
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    newRelay().start();
    await expect(
      uow.run(async (tx) => {
        tx.publish(KanwilRegistered, kanwil('KW-GHOST'));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'data'->>'code' = 'KW-GHOST'`);
    expect(n).toBe(0);
    // a later event does arrive, and the ghost never did
    const after = await uow.run(async (tx) => tx.publish(KanwilRegistered, kanwil('KW-AFTER')));
    await probe.waitFor(1, (r) => r.message.headers?.['event-id']?.toString() === after.id);
    expect(probe.received.some((r) => r.message.key?.toString() === 'KW-GHOST')).toBe(false);
  });

  it('keeps events of one key in commit order', async () => {
    newRelay().start();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await uow.run(async (tx) => tx.publish(KanwilRegistered, { code: 'KW-ORDER', name: `v${i}` }))).id);
    }
    const received = await probe.waitFor(40, (r) => r.message.key?.toString() === 'KW-ORDER');
    expect(received.map((r) => r.message.headers?.['event-id']?.toString())).toEqual(ids);
  });

  it('lets one relay lead while another stands by, and the standby takes over', async () => {
    const first = newRelay();
    const second = newRelay();
    first.start();
    await eventually(async () => first.status.state === 'leading', 5000, 'first relay leading');
    second.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(second.status.state).toBe('standby');
    await first.stop();
    await eventually(async () => second.status.state === 'leading', 10_000, 'standby takes over');
    const event = await uow.run(async (tx) => tx.publish(KanwilRegistered, kanwil('KW-TAKEOVER')));
    await probe.waitFor(1, (r) => r.message.headers?.['event-id']?.toString() === event.id);
  });

  it('publishes rows left pending while no relay ran, once a relay starts', async () => {
    const pending: string[] = [];
    for (let i = 0; i < 5; i++) pending.push((await uow.run(async (tx) => tx.publish(KanwilRegistered, kanwil(`KW-PEND${i}`)))).id);
    expect((await store.backlog()).unsent).toBe(5);
    newRelay().start();
    await probe.waitFor(5, (r) => pending.includes(r.message.headers?.['event-id']?.toString() ?? ''));
    await eventually(async () => (await store.backlog()).unsent === 0, 5000, 'outbox drained');
  });
});
