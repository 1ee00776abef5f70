import { Logger } from '@nestjs/common';
import { EVENT_HEADERS, topicName, type EventEnvelope } from '@titipan/contracts';
import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs';
import { Client, type ClientConfig } from 'pg';
import type { PlatformConfig } from '../config/platform-config';
import type { OutboxStore } from './outbox.store';

export interface RelayOptions {
  schema: string;
  topicPrefix: string;
  batchSize: number;
  pollMs: number;
  /** Connection for the leadership lock and LISTEN; held for as long as this relay leads. */
  leaderConnection: ClientConfig;
}

/** Relay settings from a service's configuration. */
export function relayOptions(config: PlatformConfig, service: string): RelayOptions {
  return {
    schema: service,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    batchSize: config.OUTBOX_BATCH_SIZE,
    pollMs: config.OUTBOX_POLL_MS,
    leaderConnection: {
      host: config.DB_HOST,
      port: config.DB_PORT,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      database: config.DB_NAME,
      application_name: `titipan-${service}-relay`,
      // a leader whose network went silent loses its connection (and so the lock) instead of holding it half-open
      keepAlive: true,
      keepAliveInitialDelayMillis: 5000,
    },
  };
}

/** Idempotent, one request in flight: no duplicates and no reordering when the relay retries. */
export const RELAY_PRODUCER = { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false } as const;

/** The Kafka message of one event, as the relay sends it (benchmarks send the same bytes). */
export function eventMessage(envelope: EventEnvelope, partitionKey: string): Message {
  return {
    key: partitionKey,
    value: JSON.stringify(envelope),
    headers: {
      [EVENT_HEADERS.id]: envelope.id,
      [EVENT_HEADERS.type]: envelope.type,
      [EVENT_HEADERS.version]: String(envelope.version),
      'correlation-id': envelope.correlationId,
    },
  };
}

/**
 * The most bytes (keys, values and headers) one send of the relay carries. A broker refuses a partition's record
 * batch larger than its `max.message.bytes` (1 MiB by default) with MESSAGE_TOO_LARGE, which no client retries;
 * `OUTBOX_BATCH_SIZE` rows of sale uploads (an event carries up to 500 lines, some 120 KB) for one agreement go
 * to one partition, so a backlog of them, as a broker outage leaves, made every send fail and stopped the relay
 * for good (the cluster fault tests found it). Half the default leaves room for the batch's own framing; a
 * single larger event still goes alone.
 */
export const MAX_SEND_BYTES = 512 * 1024;

/** What a message adds to a send: its key, value and headers. */
export function messageBytes(message: Message): number {
  const size = (v: string | Buffer | (string | Buffer)[] | null | undefined): number =>
    v === null || v === undefined ? 0 : Array.isArray(v) ? v.reduce((sum: number, part) => sum + size(part), 0) : Buffer.byteLength(v);
  let bytes = size(message.key) + size(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += Buffer.byteLength(name) + size(value);
  return bytes;
}

/** Consecutive runs of `items`, in order, each at most `maxBytes` by `sizeOf` (an item larger than that is a run of its own). */
export function chunkBySize<T>(items: T[], sizeOf: (item: T) => number, maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export type RelayState = 'stopped' | 'standby' | 'leading';

const MAX_BACKOFF_MS = 5000;

/**
 * Publishes outbox rows to Kafka in position order with an idempotent producer (acks all) and marks
 * them sent. One relay per service leads at a time (a session advisory lock); the others stand by.
 * A commit wakes it through LISTEN/NOTIFY; a slow poll is the safety net. A crash between send and
 * mark republishes a few events, which the consumers' inbox absorbs: at-least-once, never lost.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private state: RelayState = 'stopped';
  private running = false;
  private leader?: Client;
  private producer?: Producer;
  private wake?: () => void;
  private loop?: Promise<void>;
  private published = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly kafka: Kafka,
    private readonly options: RelayOptions,
  ) {}

  get status(): { state: RelayState; published: number } {
    return { state: this.state, published: this.published };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      try {
        if (!(await this.acquireLeadership())) {
          this.state = 'standby';
          await this.sleep(2000);
          continue;
        }
        this.state = 'leading';
        this.logger.log(`relay leading for schema ${this.options.schema}`);
        await this.publishWhileLeading();
        backoff = 100;
      } catch (error) {
        this.logger.warn({ err: error }, `relay error, retrying in ${backoff} ms`);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } finally {
        await this.releaseLeadership();
      }
    }
    await this.dropProducer();
    this.state = 'stopped';
  }

  private async acquireLeadership(): Promise<boolean> {
    const client = new Client(this.options.leaderConnection);
    client.on('error', (e) => {
      this.logger.warn({ err: e }, 'relay leader connection lost');
      this.leader = undefined;
      this.wake?.();
    });
    await client.connect();
    const [row] = (
      await client.query<{ got: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS got`, [`titipan.relay.${this.options.schema}`])
    ).rows;
    if (!row.got) {
      await client.end().catch(() => undefined);
      return false;
    }
    client.on('notification', () => this.wake?.());
    await client.query(`LISTEN "${this.options.schema}_outbox"`);
    this.leader = client;
    return true;
  }

  private async releaseLeadership(): Promise<void> {
    const client = this.leader;
    this.leader = undefined;
    // closing the session releases the advisory lock
    await client?.end().catch(() => undefined);
  }

  private async publishWhileLeading(): Promise<void> {
    if (!this.producer) {
      const producer = this.kafka.producer(RELAY_PRODUCER);
      await producer.connect();
      this.producer = producer;
    }
    while (this.running && this.leader) {
      // arm the wake-up before reading, so a commit that lands during the drain is not missed
      const woken = this.nextWake();
      const sent = await this.drain();
      if (sent === 0) await woken;
    }
  }

  /** Publishes everything pending; returns how many events it sent. */
  private async drain(): Promise<number> {
    let total = 0;
    while (this.running && this.leader) {
      const rows = await this.store.nextBatch(this.options.batchSize);
      if (rows.length === 0) break;
      const outgoing = rows.map((row) => ({
        row,
        topic: topicName(row.topic, this.options.topicPrefix),
        message: eventMessage(row.envelope, row.partitionKey),
      }));
      // position order kept: each send is the next rows that fit in MAX_SEND_BYTES, marked sent once acknowledged
      for (const chunk of chunkBySize(outgoing, (o) => messageBytes(o.message), MAX_SEND_BYTES)) {
        if (!this.running || !this.leader) return total;
        await this.send(chunk);
        await this.store.markSent(chunk.map((o) => o.row.position));
        total += chunk.length;
        this.published += chunk.length;
      }
      if (rows.length < this.options.batchSize) break;
    }
    return total;
  }

  private async send(outgoing: { topic: string; message: Message }[]): Promise<void> {
    // rows stay in position order within each topic; one request, acks from all in-sync replicas
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of outgoing) {
      const list = byTopic.get(topic) ?? [];
      list.push(message);
      byTopic.set(topic, list);
    }
    try {
      await this.producer!.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      // A failed send may have been stored in part. kafkajs 2.2.4 puts a partition's sequence number back when a
      // produce request fails, also when the brokers had stored it: the leader died after its followers had the
      // batch ("Closed connection"), or another partition of the same request failed. The relay's next send holds
      // these rows and any committed since, so it starts at a sequence the new leader has already stored with a
      // different count: OUT_OF_ORDER_SEQUENCE_NUMBER, which kafkajs never retries, and the relay failed on every
      // attempt for as long as it ran (the cluster fault test, the partition leader killed during a sale stream).
      // A new producer has a new producer id and fresh sequences; what the old one stored arrives twice, and the
      // consumers' inbox skips it.
      await this.dropProducer();
      throw error;
    }
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private nextWake(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
