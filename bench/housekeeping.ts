import { Logger } from '@nestjs/common';
import { Housekeeping, HousekeepingStore, JobRunStore } from '@titipan/platform';
import type { DataSource } from 'typeorm';
import { TestEnvironment } from '../test/support/test-environment';
import { round } from './statistics';

const DAY_MS = 86_400_000;

export interface HousekeepingFigures {
  rows: number;
  batchSize: number;
  /** Size of the inbox table with its indexes, per row, before pruning. */
  inboxBytesPerRow: number;
  outbox: { deleted: number; kept: number; seconds: number; rowsPerSecond: number };
  inbox: { deleted: number; kept: number; seconds: number; rowsPerSecond: number };
}

/**
 * Housekeeping on `rows` outbox rows and `rows` inbox rows, half of each past its retention (the other half must
 * stay), in the service's real tables and indexes. The inbox rows belong to a topic created with a one-day
 * retention, read from the broker as the job does. Figures: rows deleted per second of each job.
 *   npm run bench:housekeeping [-- rows]
 */
export async function measureHousekeeping(rows: number, batchSize = 5000): Promise<HousekeepingFigures> {
  const env = await TestEnvironment.create(1);
  const admin = env.kafka.admin();
  try {
    const ds = await env.dataSource('consignment');
    const topic = `${env.topicPrefix}bench.housekeeping`;
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: String(DAY_MS) }] }] });
    await fill(ds, rows, topic);
    for (const table of ['outbox', 'inbox']) await env.queryAsOwner('consignment', `VACUUM ANALYZE ${table}`);
    const [{ bytes }]: { bytes: string }[] = await ds.query(`SELECT pg_total_relation_size('inbox') AS bytes`);
    const housekeeping = new Housekeeping(new HousekeepingStore(ds), new JobRunStore(ds), env.kafka, {
      outboxRetentionMs: 7 * DAY_MS,
      batchSize,
      everyMs: 3_600_000,
    });
    try {
      let started = performance.now();
      const outboxDeleted = (await housekeeping.pruneOutbox()).outboxDeleted;
      const outboxSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const inboxDeleted = (await housekeeping.pruneInbox()).topics[topic];
      const inboxSeconds = (performance.now() - started) / 1000;
      if (typeof inboxDeleted !== 'number') throw new Error(`inbox of ${topic} was not pruned: ${inboxDeleted}`);
      const [{ outbox, inbox }]: { outbox: number; inbox: number }[] = await ds.query(
        `SELECT (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM inbox) AS inbox`,
      );
      return {
        rows,
        batchSize,
        inboxBytesPerRow: Math.round(Number(bytes) / rows),
        outbox: {
          deleted: outboxDeleted,
          kept: outbox,
          seconds: round(outboxSeconds),
          rowsPerSecond: Math.round(outboxDeleted / outboxSeconds),
        },
        inbox: {
          deleted: inboxDeleted,
          kept: inbox,
          seconds: round(inboxSeconds),
          rowsPerSecond: Math.round(inboxDeleted / inboxSeconds),
        },
      };
    } finally {
      await housekeeping.close();
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
    await env.dispose();
  }
}

/** `rows` sent outbox rows and `rows` inbox rows, alternately old (past retention) and recent, in insertion order. */
async function fill(ds: DataSource, rows: number, topic: string): Promise<void> {
  const chunk = 100_000;
  for (let from = 0; from < rows; from += chunk) {
    const n = Math.min(chunk, rows - from);
    await ds.query(
      `INSERT INTO outbox (event_id, topic, partition_key, event_type, event_version, envelope, created_at, sent_at)
       SELECT gen_random_uuid(), 'consignment', 'k' || i, 'bench.event', 1,
              jsonb_build_object('id', i, 'data', repeat('x', 300)),
              now() - CASE WHEN i % 2 = 0 THEN interval '10 days' ELSE interval '1 hour' END,
              now() - CASE WHEN i % 2 = 0 THEN interval '10 days' ELSE interval '1 hour' END
         FROM generate_series($1::int, $2::int) AS i`,
      [from, from + n - 1],
    );
    await ds.query(
      `INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, received_at)
       SELECT 'bench.consumer', gen_random_uuid(), 'bench.event', $3, 0, i,
              now() - CASE WHEN i % 2 = 0 THEN interval '10 days' ELSE interval '1 hour' END
         FROM generate_series($1::int, $2::int) AS i`,
      [from, from + n - 1, topic],
    );
  }
}

if (require.main === module) {
  Logger.overrideLogger(['error']);
  const rows = Number(process.argv[2] ?? 1_000_000);
  measureHousekeeping(rows)
    .then((figures) => console.log(`housekeeping on ${rows} outbox and ${rows} inbox rows: ${JSON.stringify(figures)}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
