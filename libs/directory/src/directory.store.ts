import type { EventEnvelope, KanwilRegisteredV1, UptRegisteredV1 } from '@titipan/contracts';
import type { Page } from '@titipan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { KanwilView, UptView } from './domain/replica';

/**
 * The replica tables. Writes keep the newest event (UUIDv7 ids sort by time), so an older event that
 * arrives late never overwrites a newer one.
 */
export class DirectoryStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsertKanwil(manager: EntityManager, event: EventEnvelope<KanwilRegisteredV1>): Promise<void> {
    await manager.query(
      `INSERT INTO kanwil_replica (code, name, last_event_id, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
       WHERE kanwil_replica.last_event_id < EXCLUDED.last_event_id`,
      [event.data.code, event.data.name, event.id, event.time],
    );
  }

  async upsertUpt(manager: EntityManager, event: EventEnvelope<UptRegisteredV1>): Promise<void> {
    const d = event.data;
    await manager.query(
      `INSERT INTO upt_replica (code, name, type, class, kanwil_code, satker_code, last_event_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, class = EXCLUDED.class,
         kanwil_code = EXCLUDED.kanwil_code, satker_code = EXCLUDED.satker_code,
         last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
       WHERE upt_replica.last_event_id < EXCLUDED.last_event_id`,
      [d.code, d.name, d.type, d.class, d.kanwilCode, d.satkerCode, event.id, event.time],
    );
  }

  async kanwils(page: { limit: number; offset: number }): Promise<Page<KanwilView>> {
    const rows: (KanwilView & { total: number })[] = await this.dataSource.query(
      `SELECT code, name, updated_at AS "updatedAt", count(*) OVER ()::int AS total
         FROM kanwil_replica ORDER BY code LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return toPage(rows, page);
  }

  async upt(code: string): Promise<UptView | undefined> {
    const [row]: UptView[] = await this.dataSource.query(
      `SELECT code, name, type, class, kanwil_code AS "kanwilCode", satker_code AS "satkerCode", updated_at AS "updatedAt"
         FROM upt_replica WHERE code = $1`,
      [code],
    );
    return row;
  }

  async upts(filter: { kanwilCode?: string; limit: number; offset: number }): Promise<Page<UptView>> {
    const rows: (UptView & { total: number })[] = await this.dataSource.query(
      `SELECT code, name, type, class, kanwil_code AS "kanwilCode", satker_code AS "satkerCode", updated_at AS "updatedAt",
              count(*) OVER ()::int AS total
         FROM upt_replica WHERE ($1::text IS NULL OR kanwil_code = $1) ORDER BY code LIMIT $2 OFFSET $3`,
      [filter.kanwilCode ?? null, filter.limit, filter.offset],
    );
    return toPage(rows, filter);
  }
}

/** A page from rows that each carry the window's total (count(*) OVER ()). */
function toPage<T>(rows: (T & { total: number })[], page: { limit: number; offset: number }): Page<T> {
  return { items: rows.map(({ total: _total, ...item }) => item as T), total: rows[0]?.total ?? 0, limit: page.limit, offset: page.offset };
}
