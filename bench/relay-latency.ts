import { KanwilRegistered, topicName } from '@titipan/contracts';
import { OutboxRelay, OutboxStore, relayOptions, UnitOfWork } from '@titipan/platform';
import { quantile } from 'simple-statistics';
import { TopicProbe } from '../test/support/kafka-probe';
import { TestEnvironment } from '../test/support/test-environment';

/**
 * Outbox relay figures on this machine (needs Kafka and Postgres up: npm run kafka:start):
 *  - latency from commit to the event being consumed from the broker, on an idle machine (target p50 <= 50 ms);
 *  - drain rate of a backlog published in batches.
 *   npm run bench:relay [-- events backlog]
 */
async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 300);
  const backlog = Number(process.argv[3] ?? 20_000);
  const env = await TestEnvironment.create(6);
  const relays: OutboxRelay[] = [];
  try {
    const ds = await env.dataSource('catalog');
    const store = new OutboxStore(ds);
    const uow = new UnitOfWork(ds, store, 'catalog');
    const probe = await new TopicProbe(env.kafka, [topicName('catalog', env.topicPrefix)]).start();
    const relay = new OutboxRelay(store, env.kafka, relayOptions(env.config('catalog'), 'catalog'));
    relays.push(relay);
    relay.start();
    await new Promise((r) => setTimeout(r, 500));

    const latencies: number[] = [];
    for (let i = 0; i < events; i++) {
      const committedAt = performance.now();
      const event = await uow.run(async (tx) => tx.publish(KanwilRegistered, { code: `KW-L${i}`, name: 'latency' }));
      const [r] = await probe.waitFor(1, (x) => x.message.headers?.['event-id']?.toString() === event.id);
      latencies.push(r.receivedAt - (performance.timeOrigin + committedAt));
      await new Promise((r) => setTimeout(r, 5)); // idle between events
    }
    await relay.stop();

    // backlog: rows committed while the relay is stopped, then drained
    const chunk = 1000;
    for (let i = 0; i < backlog; i += chunk) {
      await uow.run(async (tx) => {
        for (let j = i; j < Math.min(i + chunk, backlog); j++) tx.publish(KanwilRegistered, { code: `KW-B${j % 500}`, name: 'backlog' });
      });
    }
    const drainRelay = new OutboxRelay(store, env.kafka, relayOptions(env.config('catalog'), 'catalog'));
    relays.push(drainRelay);
    const started = performance.now();
    drainRelay.start();
    while ((await store.backlog()).unsent > 0) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - started) / 1000;
    await probe.stop();

    const ms = (q: number) => quantile(latencies, q).toFixed(1);
    console.log(`relay latency, commit -> consumed, ${events} events one at a time: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, p99 ${ms(0.99)} ms (target p50 <= 50 ms)`);
    console.log(`relay drain: ${backlog} pending events published in ${seconds.toFixed(2)} s = ${Math.round(backlog / seconds)} events/s`);
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
    await env.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
