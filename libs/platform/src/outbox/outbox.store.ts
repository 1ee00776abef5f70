import type { EventEnvelope, Stream } from '@titipan/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface PendingOutboxRow {
  position: string;
  topic: Stream;
  partitionKey: string;
  envelope: EventEnvelope;
}

export interface OutboxBacklog {
  unsent: number;
  oldestUnsentAgeMs: number | null;
}

/** The only code that knows the outbox table (in the service's own schema, via search_path). */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends events inside the caller's transaction: they exist exactly when the business change does.
   * `companion` is another write of the transaction (a data-modifying CTE, its parameters from $1: the
   * audit entries) that goes in the same statement.
   */
  async append(
    manager: EntityManager,
    events: { stream: Stream; envelope: EventEnvelope }[],
    companion?: { cte: string; params: unknown[] },
  ): Promise<void> {
    if (events.length === 0) {
      if (companion) await manager.query(`WITH ${companion.cte} SELECT 1`, companion.params);
      return;
    }
    const first = companion?.params.length ?? 0;
    const $ = (n: number) => `$${first + n}`;
    await manager.query(
      `WITH ${companion ? `${companion.cte},` : ''} outbox_rows AS (
         INSERT INTO outbox (event_id, topic, partition_key, event_type, event_version, envelope)
         SELECT * FROM unnest(${$(1)}::uuid[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::text[], ${$(5)}::int[], ${$(6)}::jsonb[]))
       SELECT 1`,
      [
        ...(companion?.params ?? []),
        events.map((e) => e.envelope.id),
        events.map((e) => e.stream),
        events.map((e) => e.envelope.partitionKey),
        events.map((e) => e.envelope.type),
        events.map((e) => e.envelope.version),
        events.map((e) => JSON.stringify(e.envelope)),
      ],
    );
  }

  /** Unsent rows in commit order (position is taken at insert, inside the writing transaction). */
  async nextBatch(limit: number): Promise<PendingOutboxRow[]> {
    const rows: { position: string; topic: Stream; partition_key: string; envelope: EventEnvelope }[] = await this.dataSource.query(
      `SELECT position, topic, partition_key, envelope FROM outbox
          WHERE sent_at IS NULL ORDER BY position LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ position: r.position, topic: r.topic, partitionKey: r.partition_key, envelope: r.envelope }));
  }

  async markSent(positions: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET sent_at = now() WHERE position = ANY($1::bigint[])`, [positions]);
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row]: { unsent: number; oldest: string | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS unsent,
              (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS oldest
         FROM outbox WHERE sent_at IS NULL`,
    );
    return { unsent: row.unsent, oldestUnsentAgeMs: row.oldest === null ? null : Number(row.oldest) };
  }
}
