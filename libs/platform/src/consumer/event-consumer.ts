import { Logger } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import { definitionKey, topicName, type EventEnvelope, type ParseResult, type Stream } from '@titipan/contracts';
import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { runInContext } from '../context/request-context';
import { isTransientError } from '../errors/transient';
import type { UnitOfWork } from '../outbox/unit-of-work';
import { sendDeadLetter, type DeadLetterReason } from './dead-letters';
import type { EventContext } from './event-pattern';
import type { InboxStore } from './inbox.store';

export interface ConsumerOptions {
  service: string;
  topicPrefix: string;
  maxAttempts: number;
  /** Shared idempotent producer for dead letters. */
  deadLetterProducer: Producer;
  /** Reads and validates a message value (the compiled contracts' validators). */
  parse: (value: Buffer | null) => ParseResult;
}

/** One `@EventPattern` method of a group, as the transport calls it. */
export interface GroupRoute {
  /** `Listener.method`, to tell consecutive events for the same method apart. */
  id: string;
  batch: boolean;
  invoke(events: EventEnvelope<object> | EventEnvelope<object>[], ctx: EventContext): Promise<void>;
}

/** One listener class: its group name and streams, and the method for each event it applies (`type@vN`). */
export interface ConsumerGroup {
  name: string;
  streams: readonly Stream[];
  routes: ReadonlyMap<string, GroupRoute>;
}

export interface ConsumerCounters {
  applied: number;
  duplicates: number;
  ignored: number;
  deadLettered: number;
  retries: number;
}

interface Received {
  message: KafkaMessage;
  parsed: ParseResult;
}

const MAX_BACKOFF_MS = 10_000;
/** How often resolved offsets are committed (at most; also when partitions may be revoked and at stop). */
const COMMIT_INTERVAL_MS = 1000;

class StopProcessing extends Error {}

/**
 * Runs one listener (ConsumerGroup) as one consumer group. Every message is validated; applied events and their
 * inbox rows commit in one transaction, so a redelivered event is skipped. Transient faults (database
 * or broker briefly away) are retried until they pass; other handler errors a few times, then the
 * message goes to `<topic>.dlq` with its coordinates and the error. Nothing escapes to kafkajs, which
 * would stall the partition.
 */
export class EventConsumer {
  readonly groupId: string;
  readonly topics: string[];
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, ignored: 0, deadLettered: 0, retries: 0 };
  private readonly logger: Logger;
  private consumer?: Consumer;
  private running = false;
  /** The newest batch's commit function (its consumer group's offsets), for commits between batches. */
  private commitResolved?: () => Promise<void>;
  private commitTimer?: NodeJS.Timeout;

  constructor(
    readonly group: ConsumerGroup,
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxStore,
    private readonly uow: UnitOfWork,
    private readonly options: ConsumerOptions,
  ) {
    this.groupId = `${options.topicPrefix}${options.service}.${group.name}`;
    this.topics = group.streams.map((s) => topicName(s, options.topicPrefix));
    this.logger = new Logger(`Consumer ${group.name}`);
  }

  /** The kafkajs consumer while running (for metrics). */
  get kafkaConsumer(): Consumer | undefined {
    return this.consumer;
  }

  async start(): Promise<void> {
    this.running = true;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // the broker answers a fetch as soon as a message arrives, so a longer wait adds no latency; it only
      // spares an idle service 20 empty fetches a second per consumer (a tenth of the machine, measured)
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    // a commit at most once a second, not after every batch: with autoCommit kafkajs 2.2.4 commits after each batch
    // (runner.js handleBatch → autoCommitOffsets, whatever autoCommitInterval says), an OffsetCommit round trip
    // before the next fetch. Offsets resolved since are committed by the timer, before a rejoin and at stop;
    // what a crash leaves uncommitted is read again and the inbox absorbs it
    consumer.on(consumer.events.REBALANCING, () => void this.commitNow());
    this.commitTimer = setInterval(() => void this.commitNow(), COMMIT_INTERVAL_MS);
    this.commitTimer.unref();
    await consumer.run({
      autoCommit: false,
      autoCommitInterval: COMMIT_INTERVAL_MS,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.commitTimer);
    // before leaving the group: the batch in flight commits its own offsets when it ends (running is false)
    await this.commitNow();
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.commitResolved = undefined;
  }

  /** Commits the offsets resolved and not yet committed; a failure (the group rebalancing) leaves them to be read again. */
  private async commitNow(): Promise<void> {
    await this.commitResolved?.().catch((error: unknown) => this.logger.warn({ err: error }, 'offsets not committed'));
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const resolveOffset = (offset: string) => payload.resolveOffset(offset);
    const heartbeat = () => payload.heartbeat();
    // every offset resolved and not committed, in one OffsetCommit (none sent when there are none)
    this.commitResolved = () => payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
    // at most once a second (autoCommitInterval), or now when stopping
    const commitOffsetsIfNecessary = () => (this.running ? payload.commitOffsetsIfNecessary() : this.commitNow());
    let firstUnresolved: string | undefined = batch.messages[0]?.offset;
    const done = (message: KafkaMessage) => {
      resolveOffset(message.offset);
      firstUnresolved = (BigInt(message.offset) + 1n).toString();
    };
    try {
      let run: Received[] = [];
      for (const message of batch.messages) {
        if (!this.running || !payload.isRunning() || payload.isStale()) break;
        const parsed = this.options.parse(message.value);
        if (parsed.kind !== 'invalid') {
          run.push({ message, parsed });
          continue;
        }
        await this.applyRun(run, batch, payload, done);
        run = [];
        const problems = parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
        await this.deadLetter(batch, message, 'invalid', problems ? `${parsed.reason}: ${problems}` : parsed.reason, payload);
        done(message);
      }
      await this.applyRun(run, batch, payload, done);
      await commitOffsetsIfNecessary();
      await heartbeat();
    } catch (error) {
      if (!(error instanceof StopProcessing)) {
        this.logger.error({ err: error, topic: batch.topic, partition: batch.partition }, 'batch interrupted');
      }
      // what was not applied is read again from the first unresolved offset (the inbox absorbs repeats)
      if (this.running && firstUnresolved !== undefined) {
        this.consumer?.seek({ topic: batch.topic, partition: batch.partition, offset: firstUnresolved });
      }
    }
  }

  /** Applies consecutive valid messages in one transaction; on a lasting error, one by one. */
  private async applyRun(run: Received[], batch: Batch, payload: EachBatchPayload, done: (m: KafkaMessage) => void) {
    if (run.length === 0) return;
    const applied = await this.retrying(() => this.applyInTransaction(run, batch), payload, { transientOnly: true }).then(
      () => true,
      (error) => {
        if (error instanceof StopProcessing) throw error;
        return false;
      },
    );
    if (applied) {
      for (const item of run) done(item.message);
      return;
    }
    for (const item of run) {
      try {
        await this.retrying(() => this.applyInTransaction([item], batch), payload, { transientOnly: false });
      } catch (error) {
        if (error instanceof StopProcessing) throw error;
        await this.deadLetter(batch, item.message, 'handler-failed', failureText(error), payload);
      }
      done(item.message);
    }
  }

  private async applyInTransaction(run: Received[], batch: Batch): Promise<void> {
    const relevant: { event: EventEnvelope<object>; message: KafkaMessage; route: GroupRoute }[] = [];
    let ignored = 0;
    for (const { message, parsed } of run) {
      const route =
        parsed.kind === 'ok' ? this.group.routes.get(definitionKey(parsed.definition.type, parsed.definition.version)) : undefined;
      if (parsed.kind === 'ok' && route) relevant.push({ event: parsed.event, message, route });
      else ignored++;
    }
    let fresh: typeof relevant = [];
    if (relevant.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        const claimed = await this.inbox.claim(
          manager,
          this.group.name,
          relevant.map(({ event, message }) => ({
            eventId: event.id,
            eventType: event.type,
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
          })),
        );
        // claimed holds each new id once; the same event twice in one batch is applied once
        fresh = relevant.filter((r) => claimed.delete(r.event.id));
        await this.uow.runIn(manager, async (tx) => {
          const ctx: EventContext = { tx, groupId: this.groupId, topic: batch.topic, partition: batch.partition };
          // in order; consecutive events for the same batch method go to it as one array
          for (let i = 0; i < fresh.length;) {
            const { route, event } = fresh[i];
            if (!route.batch) {
              await runInContext({ correlationId: event.correlationId, actor: event.actor, causationId: event.id }, () =>
                route.invoke(event, ctx),
              );
              i++;
              continue;
            }
            let j = i + 1;
            while (j < fresh.length && fresh[j].route === route) j++;
            await route.invoke(
              fresh.slice(i, j).map((r) => r.event),
              ctx,
            );
            i = j;
          }
        });
      });
    }
    // counted only after the commit
    this.counters.applied += fresh.length;
    this.counters.duplicates += relevant.length - fresh.length;
    this.counters.ignored += ignored;
  }

  /** Retries transient faults until they pass (heartbeating meanwhile); others up to maxAttempts. */
  private async retrying(work: () => Promise<void>, payload: EachBatchPayload, opts: { transientOnly: boolean }) {
    let delay = 100;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const transient = isTransientError(error);
        // a rule's refusal is decided by the event itself: another attempt would refuse it again
        const refused = error instanceof DomainError && (error.kind === 'rule' || error.kind === 'validation');
        if (!transient && (refused || opts.transientOnly || attempt >= this.options.maxAttempts)) throw error;
        if (!this.running || !payload.isRunning()) throw new StopProcessing();
        this.counters.retries++;
        this.logger.warn({ err: error, attempt, transient }, `handler failed, retrying in ${delay} ms`);
        await this.pause(delay, payload);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async deadLetter(batch: Batch, message: KafkaMessage, reason: DeadLetterReason, error: string, payload: EachBatchPayload) {
    this.logger.warn(
      { topic: batch.topic, partition: batch.partition, offset: message.offset, reason, error: error.slice(0, 500) },
      'dead-lettering message',
    );
    let delay = 100;
    // a dead letter is accepted data too: keep trying until the broker takes it
    for (;;) {
      try {
        await sendDeadLetter(this.options.deadLetterProducer, {
          topic: batch.topic,
          partition: batch.partition,
          message,
          consumer: this.groupId,
          reason,
          error,
        });
        this.counters.deadLettered++;
        return;
      } catch (sendError) {
        if (!this.running || !payload.isRunning()) throw new StopProcessing();
        this.logger.warn({ err: sendError }, `dead letter not accepted, retrying in ${delay} ms`);
        await this.pause(delay, payload);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async pause(ms: number, payload: EachBatchPayload): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    try {
      await payload.heartbeat();
    } catch {
      throw new StopProcessing(); // the group is rebalancing: give the partition up cleanly
    }
  }
}

/** A dead letter's error: a rule's refusal leads with its stable code, so the re-drive tool and a reader can sort by it. */
export function failureText(error: unknown): string {
  const text = String((error as Error)?.stack ?? error);
  return error instanceof DomainError ? `${error.code}: ${text}` : text;
}
