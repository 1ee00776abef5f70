import { newId } from '@titipan/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventReader, topicName, type EventEnvelope } from '@titipan/contracts';
import { InboxStore, KAFKA, PLATFORM_CONFIG, UnitOfWork, type PlatformConfig } from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { projectionDeltas } from './domain/projection-deltas';
import { PROJECTIONS } from './domain/read-models';
import { ProjectionListener } from './projection.listener';
import { ProjectionStore } from './projection.store';
import { REBUILD_TABLES, REPLAY_INBOX, ReplayStore } from './replay.store';

interface Received {
  partition: number;
  offset: string;
  /** the parsed event, or undefined for one the projections do not use (or cannot read) */
  event?: EventEnvelope<unknown>;
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
    private readonly uow: UnitOfWork,
    private readonly listener: ProjectionListener,
    private readonly live: ProjectionStore,
    private readonly tables: ReplayStore,
    private readonly inbox: InboxStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async rebuild(): Promise<ReplayResult> {
    if (this.running) throw new Error('a replay is already running');
    this.running = true;
    const started = performance.now();
    const topic = topicName('consignment', this.config.KAFKA_TOPIC_PREFIX);
    const reader = EventReader.shared();
    const wanted = new Set(this.listener.events.map((d) => d.type));
    const rebuilt = new ProjectionStore(REBUILD_TABLES);
    const queue: Received[] = [];
    const position = new Map<number, bigint>();
    let events = 0;
    let applied = 0;
    const consumer = this.kafka.consumer({ groupId: `${this.config.KAFKA_TOPIC_PREFIX}reporting.replay-${newId()}`, maxWaitTimeInMs: 50 });
    try {
      await this.tables.prepareTables(this.dataSource.manager);

      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachBatch: async (payload) => {
          const batch = payload.batch;
          // parsed here, as messages arrive, so the parsing (CPU in this process) overlaps the previous
          // drain's writes (CPU in Postgres)
          for (const message of batch.messages) {
            const result = reader.read(message.value);
            queue.push({
              partition: batch.partition,
              offset: message.offset,
              event: result.kind === 'ok' && wanted.has(result.event.type) ? result.event : undefined,
            });
            payload.resolveOffset(message.offset);
          }
          await payload.heartbeat();
        },
      });

      /** Applies everything queued, in one transaction of the given manager or one per call. */
      const drain = async (manager?: EntityManager) => {
        const taken = queue.splice(0, queue.length);
        if (taken.length === 0) return;
        const parsed: { event: EventEnvelope<unknown>; partition: number; offset: string }[] = [];
        for (const r of taken) {
          position.set(r.partition, BigInt(r.offset) + 1n);
          events++;
          if (r.event) parsed.push({ event: r.event, partition: r.partition, offset: r.offset });
        }
        const work = async (m: EntityManager) => {
          // the same event twice in the log (an at-least-once redelivery) counts once, as in the live consumer
          const ids = await this.inbox.claim(
            m,
            PROJECTIONS,
            parsed.map((p) => ({ eventId: p.event.id, eventType: p.event.type, topic, partition: p.partition, offset: p.offset })),
            REPLAY_INBOX,
          );
          const batch = parsed.filter((p) => ids.delete(p.event.id)).map((p) => p.event);
          if (batch.length === 0) return;
          const zoneOf = await this.live.timeZones(this.dataSource.manager);
          await rebuilt.apply(
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
      await this.uow.run(async (tx) => {
        const manager = tx.manager;
        // stop every consumer of this service at a commit boundary: inbox first, then the read models
        await this.inbox.holdConsumers(manager);
        await this.live.lock(manager);
        await catchUp(await this.ends(topic), manager);
        await this.inbox.mergeReplayInbox(manager, REPLAY_INBOX);
        await this.tables.swapIn(manager);
        tx.audit({
          entity: 'read-models',
          id: 'projections',
          action: 'reporting.read-models.replayed',
          after: { events, applied },
          scopeKey: null,
        });
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
