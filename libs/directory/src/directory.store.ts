import type { EventEnvelope, KanwilRegisteredV1, UptRegisteredV1 } from '@titipan/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface KanwilView {
  code: string;
  name: string;
  updatedAt: string;
}

export interface UptView {
  code: string;
  name: string;
  type: string;
  class: string;
  kanwilCode: string;
  satkerCode: string;
  updatedAt: string;
}

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

  async kanwils(): Promise<KanwilView[]> {
    return this.dataSource.query(`SELECT code, name, updated_at AS "updatedAt" FROM kanwil_replica ORDER BY code`);
  }

  async upt(code: string): Promise<UptView | undefined> {
    const [row]: UptView[] = await this.dataSource.query(
      `SELECT code, name, type, class, kanwil_code AS "kanwilCode", satker_code AS "satkerCode", updated_at AS "updatedAt"
         FROM upt_replica WHERE code = $1`,
      [code],
    );
    return row;
  }

  async upts(kanwilCode?: string): Promise<UptView[]> {
    return this.dataSource.query(
      `SELECT code, name, type, class, kanwil_code AS "kanwilCode", satker_code AS "satkerCode", updated_at AS "updatedAt"
         FROM upt_replica WHERE ($1::text IS NULL OR kanwil_code = $1) ORDER BY code`,
      [kanwilCode ?? null],
    );
  }
}
