import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PnbpTargetRevision } from './domain/pnbp-target';

/** The pnbp_target table: each UPT's yearly PNBP target as revisions effective from a day; rows are never changed. */
@Injectable()
export class PnbpTargetStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every revision of a UPT's target for a year, oldest first. */
  async history(uptCode: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<PnbpTargetRevision[]> {
    return manager.query<PnbpTargetRevision[]>(
      `SELECT upt_code AS "uptCode", year, amount::float8 AS amount, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
              legal_reference AS "legalReference", set_at AS "setAt", set_by AS "setBy"
         FROM pnbp_target WHERE upt_code = $1 AND year = $2 ORDER BY effective_from`,
      [uptCode, year],
    );
  }

  /** Serialises revisions of one UPT's year, so two at once are judged one after the other. */
  async lock(manager: EntityManager, uptCode: string, year: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pnbp_target'), hashtext($1 || '/' || $2))`, [uptCode, String(year)]);
  }

  /** Adds a revision; one already there (a retried request, same amount) is left as it is. */
  async add(
    manager: EntityManager,
    r: { uptCode: string; year: number; amount: number; effectiveFrom: string; legalReference: string | null; by: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO pnbp_target (upt_code, year, amount, effective_from, legal_reference, set_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (upt_code, year, effective_from) DO NOTHING RETURNING 1`,
      [r.uptCode, r.year, r.amount, r.effectiveFrom, r.legalReference, r.by],
    );
    return inserted.length > 0;
  }
}
