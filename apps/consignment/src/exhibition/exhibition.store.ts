import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LotBalance } from '../stock/domain/balance';
import type { Exhibition } from './domain/exhibition';

const SELECT = `
  SELECT e.id, e.venue_code AS code, e.name, e.series, e.edition, e.organiser_code AS "organiserCode", v.kanwil_code AS "kanwilCode",
         e.location, v.time_zone AS "timeZone", to_char(e.first_day, 'YYYY-MM-DD') AS first, to_char(e.last_day, 'YYYY-MM-DD') AS last,
         e.return_window_days AS "returnWindowDays", e.upt_codes AS "uptCodes", e.created_at AS "createdAt"
    FROM exhibition e JOIN venue v ON v.code = e.venue_code`;

/** An event agreement whose event period is not closed yet. */
export interface OpenEventAgreement {
  agreementId: string;
  timeZone: string;
  first: string;
  last: string;
  returnWindowDays: number;
}

/** The exhibition table, and what an exhibition reads of its agreements' stock: the only code that knows them. */
@Injectable()
export class ExhibitionStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    e: Omit<Exhibition, 'createdAt' | 'kanwilCode' | 'timeZone'>,
    request: object,
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO exhibition (id, venue_code, name, series, edition, organiser_code, location, first_day, last_day, return_window_days,
                               upt_codes, request, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        e.id,
        e.code,
        e.name,
        e.series,
        e.edition,
        e.organiserCode,
        e.location,
        e.first,
        e.last,
        e.returnWindowDays,
        e.uptCodes,
        JSON.stringify(request),
        by,
      ],
    );
  }

  async find(id: string): Promise<Exhibition | undefined> {
    const [row] = await this.dataSource.query<Exhibition[]>(`${SELECT} WHERE e.id = $1`, [id]);
    return row;
  }

  /** The exhibition under a venue code, with the request it was set up with (what a retry is compared to). */
  async findByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(Exhibition & { request: object }) | undefined> {
    const [row] = await manager.query<(Exhibition & { request: object })[]>(
      `${SELECT.replace('e.created_at AS "createdAt"', 'e.created_at AS "createdAt", e.request')} WHERE e.venue_code = $1`,
      [code],
    );
    return row;
  }

  async list(filter: { kanwilCode?: string; series?: string; uptCode?: string; limit: number; offset: number }) {
    const where = `WHERE ($1::text IS NULL OR v.kanwil_code = $1) AND ($2::text IS NULL OR e.series = $2) AND ($3::text IS NULL OR $3 = ANY(e.upt_codes))`;
    const params = [filter.kanwilCode ?? null, filter.series ?? null, filter.uptCode ?? null];
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM exhibition e JOIN venue v ON v.code = e.venue_code ${where}`,
      params,
    );
    const items = await this.dataSource.query<Exhibition[]>(`${SELECT} ${where} ORDER BY e.first_day DESC, e.id LIMIT $4 OFFSET $5`, [
      ...params,
      filter.limit,
      filter.offset,
    ]);
    return { items, total };
  }

  /** Ids of the exhibition's agreements, in lock order. */
  async agreementIds(exhibitionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM agreement WHERE exhibition_id = $1 ORDER BY id`, [exhibitionId]);
    return rows.map((r) => r.id);
  }

  /** Units on hand under each of the agreements (both buckets), by agreement. */
  async unitsOnHand(agreementIds: string[]): Promise<Map<string, { sellable: number; quarantine: number }>> {
    const rows = await this.dataSource.query<{ agreement_id: string; sellable: number; quarantine: number }[]>(
      `SELECT agreement_id, COALESCE(sum(quantity) FILTER (WHERE bucket = 'SELLABLE'), 0)::int AS sellable,
              COALESCE(sum(quantity) FILTER (WHERE bucket = 'QUARANTINE'), 0)::int AS quarantine
         FROM stock_balance WHERE agreement_id = ANY($1::uuid[]) GROUP BY agreement_id`,
      [agreementIds],
    );
    return new Map(rows.map((r) => [r.agreement_id, { sellable: r.sellable, quarantine: r.quarantine }]));
  }

  /** Every lot on hand under an agreement (the caller holds its lock). */
  async lotsOnHand(manager: EntityManager, agreementId: string): Promise<LotBalance[]> {
    return manager.query<LotBalance[]>(
      `SELECT agreement_id AS "agreementId", product_id AS "productId", lot_code AS "lotCode",
              to_char(expiry_date, 'YYYY-MM-DD') AS "expiryDate", bucket, quantity
         FROM stock_balance WHERE agreement_id = $1 AND quantity > 0 ORDER BY product_id, lot_code, bucket`,
      [agreementId],
    );
  }

  /** Event agreements whose event period is still open and whose return window may have ended (a day's margin for zones). */
  async openEventAgreements(now: Date): Promise<OpenEventAgreement[]> {
    return this.dataSource.query<OpenEventAgreement[]>(
      `SELECT a.id AS "agreementId", v.time_zone AS "timeZone", to_char(a.event_first_day, 'YYYY-MM-DD') AS first,
              to_char(a.event_last_day, 'YYYY-MM-DD') AS last, a.return_window_days AS "returnWindowDays"
         FROM agreement a JOIN venue v ON v.code = a.venue_code
        WHERE a.settlement_cycle = 'EVENT' AND a.status <> 'DRAFT'
          AND a.event_last_day + a.return_window_days <= ($1::timestamptz AT TIME ZONE 'UTC')::date
          AND NOT EXISTS (SELECT 1 FROM period_close c WHERE c.agreement_id = a.id
                            AND c.period = to_char(a.event_first_day, 'YYYY-MM-DD') || '..' || to_char(a.event_last_day, 'YYYY-MM-DD'))
        ORDER BY a.event_last_day, a.id`,
      [now],
    );
  }
}
