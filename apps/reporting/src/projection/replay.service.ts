import { DomainError, newId, notFound } from '@titipan/kernel';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventReader, topicName, type Actor, type EventEnvelope } from '@titipan/contracts';
import { InboxStore, KAFKA, PLATFORM_CONFIG, UnitOfWork, type PlatformConfig } from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedArrivals } from '../domain/arrival-rules';
import { SourceEventsStore } from '../statement/source-events.store';
import { CarryOverStore } from './carry-over.store';
import { agreementIdsOf, applyConsignmentEvents, CONSIGNMENT_EVENTS } from './consignment-events.listener';
import { CONSIGNMENT_READER } from './domain/read-models';
import { replayJobView, type ReplayJobView } from './domain/replay-job';
import { ProjectionStore } from './projection.store';
import { REBUILD_SOURCE_TABLES, REBUILD_TABLES, REPLAY_INBOX, ReplayStore } from './replay.store';

interface Received {
  partition: number;
  offset: string;
  /** the parsed event, or undefined for one reporting does not use (or cannot read) */
  event?: EventEnvelope<unknown>;
}

/** How far a replay has got: events read from the topic, of them applied, and the events the topic held at the start. */
export interface ReplayProgress {
  events: number;
  applied: number;
  eventsTotal: number;
}

/** How often a running job writes its progress to its record. */
const PROGRESS_EVERY_MS = 1000;
/**
 * Events applied per transaction: bounds each statement (the event log's insert carries every envelope) well inside
 * the service's statement timeout, however far the fetch has run ahead.
 */
const APPLY_BATCH = 5000;
/** Events fetched and not yet applied at which fetching waits: the replay's memory stays bounded on a national history. */
const QUEUE_HIGH_WATER = 50_000;

export interface ReplayResult {
  events: number;
  applied: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Rebuilds the read models and the statement sources (source events by period, dimensions, recorded closes) from
 * the beginning of consignment.events into fresh tables, through the reader's own apply, then swaps them in. The
 * service keeps answering from the live tables meanwhile; at the swap, the rebuilt tables take over with inbox rows
 * for every event they hold, so the live reader neither misses nor repeats one. Statements are records: a replay
 * issues none, and the issued ones stay what the rebuilt sources compute (decision 0027).
 */
@Injectable()
export class ReplayService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Replay');
  private running = false;
  /** the job this process runs, and its end (so a shutdown or a test can wait for it) */
  private current?: { id: string; done: Promise<void> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly live: ProjectionStore,
    private readonly carryOver: CarryOverStore,
    private readonly tables: ReplayStore,
    private readonly inbox: InboxStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** A replay job left running by a process that stopped is interrupted: nobody holds the lock to run it. */
  async onApplicationBootstrap(): Promise<void> {
    const manager = this.dataSource.manager;
    if (!(await this.tables.lockHeld(manager))) await this.tables.markInterrupted(manager);
  }

  /**
   * Starts a replay job and answers at once (202 with its record). One runs at a time across the instances sharing
   * the database: the job holds the replay lock on a connection of its own while it runs (409 REPLAY_RUNNING).
   */
  async start(actor: Actor): Promise<ReplayJobView> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockHolder = runner.manager;
    const manager = this.dataSource.manager;
    let started = false;
    try {
      if (!(await this.tables.tryLock(lockHolder))) throw await this.replayRunning();
      // holding the lock: a job still marked running was cut off (its rebuild tables are reset by the new run)
      await this.tables.markInterrupted(manager);
      const id = newId();
      if (!(await this.tables.insertRunning(manager, id, actor.username ?? actor.id))) throw await this.replayRunning();
      const job = (await this.tables.find(manager, id))!;
      const done = this.runJob(id)
        .finally(async () => {
          if (this.current?.id === id) this.current = undefined;
          await this.tables.unlock(lockHolder).catch(() => undefined);
          await runner.release();
        })
        .catch((error: Error) => this.logger.error(`replay ${id}: releasing its lock failed: ${error.message}`));
      this.current = { id, done };
      started = true;
      return replayJobView(job, new Date());
    } finally {
      if (!started) {
        await this.tables.unlock(lockHolder).catch(() => undefined);
        await runner.release();
      }
    }
  }

  /** A job's record; one still marked running that no process runs (no lock held) shows, and is kept, as interrupted. */
  async status(id: string): Promise<ReplayJobView> {
    const manager = this.dataSource.manager;
    let job = await this.tables.find(manager, id);
    if (!job) throw notFound('replay', id);
    if (job.state === 'running' && this.current?.id !== id && !(await this.tables.lockHeld(manager))) {
      await this.tables.markInterrupted(manager);
      job = (await this.tables.find(manager, id))!;
    }
    return replayJobView(job, new Date());
  }

  /** Waits for the job this process runs, if any. */
  async settled(): Promise<void> {
    await this.current?.done;
  }

  private async replayRunning(): Promise<DomainError> {
    const running = await this.tables.running(this.dataSource.manager);
    return new DomainError('conflict', 'REPLAY_RUNNING', 'a replay is already running; follow it at GET /admin/replay/{id}', {
      id: running?.id ?? null,
    });
  }

  private async runJob(id: string): Promise<void> {
    const manager = this.dataSource.manager;
    let written = 0;
    let pending: Promise<void> = Promise.resolve();
    try {
      const result = await this.rebuild((progress) => {
        const now = Date.now();
        if (now - written < PROGRESS_EVERY_MS) return;
        written = now;
        // one write at a time, without holding the replay up
        pending = pending.then(() => this.tables.progress(manager, id, progress).catch(() => undefined));
      });
      await pending;
      await this.tables.progress(manager, id, { events: result.events, applied: result.applied, eventsTotal: null });
      await this.tables.finish(manager, id, 'finished');
    } catch (error) {
      await pending;
      this.logger.error(`replay ${id} failed: ${(error as Error).message}`);
      await this.tables.finish(manager, id, 'failed', String((error as Error).message ?? error).slice(0, 500)).catch(() => undefined);
    }
  }

  /** Rebuilds the read models and the statement sources and swaps them in; `onProgress` hears how far it got after every drain. */
  async rebuild(onProgress: (progress: ReplayProgress) => void = () => undefined): Promise<ReplayResult> {
    if (this.running) throw new Error('a replay is already running');
    this.running = true;
    const started = performance.now();
    const topic = topicName('consignment', this.config.KAFKA_TOPIC_PREFIX);
    const reader = EventReader.shared();
    const wanted = new Set<string>(CONSIGNMENT_EVENTS.map((d) => d.type));
    const rebuilt = { projections: new ProjectionStore(REBUILD_TABLES), sources: new SourceEventsStore(REBUILD_SOURCE_TABLES) };
    const queue: Received[] = [];
    const position = new Map<number, bigint>();
    let events = 0;
    let applied = 0;
    const consumer = this.kafka.consumer({ groupId: `${this.config.KAFKA_TOPIC_PREFIX}reporting.replay-${newId()}`, maxWaitTimeInMs: 50 });
    try {
      await this.tables.prepareTables(this.dataSource.manager);
      const offsets = await this.offsets(topic);
      const eventsTotal = [...offsets.values()].reduce((sum, o) => sum + Number(o.high - o.low), 0);

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
          while (queue.length > QUEUE_HIGH_WATER && payload.isRunning()) {
            await new Promise((r) => setTimeout(r, 50));
            await payload.heartbeat();
          }
        },
      });

      /** Applies up to APPLY_BATCH queued events, in the given manager's transaction or one of its own. */
      const drain = async (manager?: EntityManager) => {
        const taken = queue.splice(0, APPLY_BATCH);
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
            CONSIGNMENT_READER,
            parsed.map((p) => ({ eventId: p.event.id, eventType: p.event.type, topic, partition: p.partition, offset: p.offset })),
            REPLAY_INBOX,
          );
          const batch = parsed.filter((p) => ids.delete(p.event.id)).map((p) => p.event);
          if (batch.length === 0) return;
          const calendars = await rebuilt.sources.calendars(m, agreementIdsOf(batch));
          // what the live reader dead-letters, a replay leaves out
          const refused = new Set(refusedArrivals(batch, (id) => calendars.has(id)).map((r) => r.eventId));
          const accepted = refused.size === 0 ? batch : batch.filter((e) => !refused.has(e.id));
          await applyConsignmentEvents(m, accepted, calendars, rebuilt);
          applied += accepted.length;
        };
        if (manager) await work(manager);
        else await this.dataSource.transaction(work);
        onProgress({ events, applied, eventsTotal });
      };
      const reached = (ends: Map<number, bigint>) => [...ends].every(([p, end]) => (position.get(p) ?? 0n) >= end);
      // no time limit: a national history takes as long as it takes, and the job record shows how far it got
      const catchUp = async (ends: Map<number, bigint>, manager?: EntityManager) => {
        while (!reached(ends)) {
          await drain(manager);
          if (queue.length === 0) await new Promise((r) => setTimeout(r, 20));
        }
        while (queue.length > 0) await drain(manager);
      };

      await catchUp(new Map([...offsets].map(([p, o]) => [p, o.high])));
      await this.uow.run(async (tx) => {
        const manager = tx.manager;
        // stop every consumer of this service at a commit boundary: inbox first, then the read models
        await this.inbox.holdConsumers(manager);
        await this.live.lock(manager);
        await catchUp(await this.ends(topic), manager);
        await this.inbox.mergeReplayInbox(manager, REPLAY_INBOX);
        await this.tables.swapIn(manager);
        await this.carryOver.clear(manager);
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
    return new Map([...(await this.offsets(topic))].map(([p, o]) => [p, o.high]));
  }

  /** The current start and end offsets of each partition. */
  private async offsets(topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
    } finally {
      await admin.disconnect();
    }
  }
}
