import { newId } from '@titipan/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventRegistry, parseEvent, topicName, type EventEnvelope } from '@titipan/contracts';
import { KAFKA, PLATFORM_CONFIG, type PlatformConfig } from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { projectionDeltas } from './domain/projection-deltas';
import { PROJECTIONS, ProjectionHandler } from './projection.handler';
import { LIVE_TABLES, ProjectionStore, type ProjectionTables } from './projection.store';

const REBUILD: ProjectionTables = { stock: 'stock_on_hand_rebuild', daily: 'sales_daily_rebuild', monthly: 'monthly_product_rebuild' };

interface Received {
  partition: number;
  offset: string;
  /** the parsed event, or undefined for one the projections do not use (or cannot read) */
  event?: EventEnvelope<any>;
}

export interface ReplayResult {
  events: number;
  applied: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Rebuilds the read models from the beginning of consignment.events into fresh tables, then swaps
 * them in. The service keeps answering from the live tables meanwhile; at the swap, the rebuilt tables
 * take over with inbox rows for every event they hold, so the live consumer neither misses nor repeats one.
 */
@Injectable()
export class ReplayService {
  private readonly logger = new Logger('Replay');
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handler: ProjectionHandler,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async rebuild(): Promise<ReplayResult> {
    if (this.running) throw new Error('a replay is already running');
    this.running = true;
    const started = performance.now();
    const topic = topicName('consignment', this.config.KAFKA_TOPIC_PREFIX);
    const registry = new EventRegistry();
    const wanted = new Set(this.handler.events.map((d) => d.type));
    const store = new ProjectionStore(REBUILD);
    const queue: Received[] = [];
    const position = new Map<number, bigint>();
    let events = 0;
    let applied = 0;
    const consumer = this.kafka.consumer({ groupId: `${this.config.KAFKA_TOPIC_PREFIX}reporting.replay-${newId()}`, maxWaitTimeInMs: 50 });
    try {
      await this.dataSource.query(`DROP TABLE IF EXISTS ${REBUILD.stock}, ${REBUILD.daily}, ${REBUILD.monthly}, replay_applied`);
      for (const [live, fresh] of Object.entries(REBUILD).map(([k, v]) => [LIVE_TABLES[k as keyof ProjectionTables], v])) {
        await this.dataSource.query(`CREATE TABLE ${fresh} (LIKE ${live} INCLUDING ALL)`);
      }
      await this.dataSource.query(
        `CREATE TABLE replay_applied (event_id uuid PRIMARY KEY, event_type text, kafka_partition int, kafka_offset bigint)`,
      );

      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          // parsed here, as messages arrive, so the parsing (CPU in this process) overlaps the previous
          // drain's writes (CPU in Postgres)
          for (const message of batch.messages) {
            const result = parseEvent(message.value, registry);
            queue.push({
              partition: batch.partition,
              offset: message.offset,
              event: result.kind === 'ok' && wanted.has(result.event.type) ? result.event : undefined,
            });
            resolveOffset(message.offset);
          }
          await heartbeat();
        },
      });

      /** Applies everything queued, in one transaction of the given manager or one per call. */
      const drain = async (manager?: EntityManager) => {
        const taken = queue.splice(0, queue.length);
        if (taken.length === 0) return;
        const parsed: { event: EventEnvelope<any>; partition: number; offset: string }[] = [];
        for (const r of taken) {
          position.set(r.partition, BigInt(r.offset) + 1n);
          events++;
          if (r.event) parsed.push({ event: r.event, partition: r.partition, offset: r.offset });
        }
        const work = async (m: EntityManager) => {
          // the same event twice in the log (an at-least-once redelivery) counts once, as in the live consumer
          const fresh: { event_id: string }[] = parsed.length
            ? await m.query(
                `INSERT INTO replay_applied SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) ON CONFLICT DO NOTHING RETURNING event_id`,
                [
                  parsed.map((p) => p.event.id),
                  parsed.map((p) => p.event.type),
                  parsed.map((p) => p.partition),
                  parsed.map((p) => p.offset),
                ],
              )
            : [];
          const ids = new Set(fresh.map((f) => f.event_id));
          const batch = parsed.filter((p) => ids.delete(p.event.id)).map((p) => p.event);
          if (batch.length === 0) return;
          const zones = await this.dataSource.manager.query(`SELECT agreement_id, time_zone FROM agreement_dim`);
          const zoneOf = new Map<string, string>(
            zones.map((z: { agreement_id: string; time_zone: string }) => [z.agreement_id, z.time_zone]),
          );
          await store.apply(
            m,
            projectionDeltas(batch, (id) => zoneOf.get(id)),
          );
          applied += batch.length;
        };
        if (manager) await work(manager);
        else await this.dataSource.transaction(work);
      };
      const reached = (ends: Map<number, bigint>) => [...ends].every(([p, end]) => (position.get(p) ?? 0n) >= end);
      const catchUp = async (ends: Map<number, bigint>, manager?: EntityManager) => {
        const deadline = Date.now() + 10 * 60_000;
        while (!reached(ends)) {
          if (Date.now() > deadline) throw new Error('replay did not reach the end of the topic in 10 minutes');
          await drain(manager);
          if (queue.length === 0) await new Promise((r) => setTimeout(r, 20));
        }
        await drain(manager);
      };

      await catchUp(await this.ends(topic));
      await this.dataSource.transaction(async (manager) => {
        // stop every consumer of this service at a commit boundary: inbox first, then the read models
        await manager.query(`LOCK TABLE inbox IN SHARE ROW EXCLUSIVE MODE`);
        await manager.query(`LOCK TABLE ${LIVE_TABLES.stock}, ${LIVE_TABLES.daily}, ${LIVE_TABLES.monthly} IN ACCESS EXCLUSIVE MODE`);
        await catchUp(await this.ends(topic), manager);
        await manager.query(
          `INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
           SELECT $1, event_id, event_type, $2, kafka_partition, kafka_offset FROM replay_applied ON CONFLICT DO NOTHING`,
          [PROJECTIONS, topic],
        );
        for (const key of Object.keys(LIVE_TABLES) as (keyof ProjectionTables)[]) {
          await manager.query(`DROP TABLE ${LIVE_TABLES[key]}`);
          await manager.query(`ALTER TABLE ${REBUILD[key]} RENAME TO ${LIVE_TABLES[key]}`);
        }
        await manager.query(`DROP TABLE replay_applied`);
      });
      const seconds = (performance.now() - started) / 1000;
      this.logger.log(`replayed ${events} events (${applied} applied) in ${seconds.toFixed(2)} s`);
      return { events, applied, seconds: Number(seconds.toFixed(3)), eventsPerSecond: Math.round(events / seconds) };
    } finally {
      this.running = false;
      await consumer.disconnect().catch(() => undefined);
    }
  }

  /** The current end offset of each partition. */
  private async ends(topic: string): Promise<Map<number, bigint>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }
}
