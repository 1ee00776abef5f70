import { KanwilRegistered, topicName } from '@titipan/contracts';
import { AuditStore, AuditTrail, NATIONAL_AUDIT_SCOPES, OutboxRelay, OutboxStore, relayOptions, UnitOfWork } from '@titipan/platform';
import { TopicProbe } from '../test/support/kafka-probe';
import { TestEnvironment } from '../test/support/test-environment';
import { percentiles } from './statistics';

/**
 * Outbox relay latency on this machine, from commit to the event being consumed from the broker, on
 * an idle machine (target p50 <= 50 ms); Kafka and Postgres up (npm run kafka:start). The drain rate of
 * a backlog is item 4 of npm run bench.
 *   npm run bench:relay [-- events]
 */
async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 300);
  const env = await TestEnvironment.create(6);
  const ds = await env.dataSource('catalog');
  const store = new OutboxStore(ds);
  const relay = new OutboxRelay(store, env.kafka, relayOptions(env.config('catalog'), 'catalog'));
  try {
    const uow = new UnitOfWork(ds, store, 'catalog', new AuditTrail(new AuditStore(), NATIONAL_AUDIT_SCOPES));
    const probe = await new TopicProbe(env.kafka, [topicName('catalog', env.topicPrefix)]).start();
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
    await probe.stop();
    const { p50, p95, p99 } = percentiles(latencies);
    console.log(
      `relay latency, commit -> consumed, ${events} events one at a time: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (target p50 <= 50 ms)`,
    );
  } finally {
    await relay.stop();
    await env.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
