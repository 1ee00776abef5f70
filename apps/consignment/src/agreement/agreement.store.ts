import { notFound } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ShrinkageLiability } from '@titipan/contracts';
import {
  pricesInEffect,
  type Agreement,
  type EventPeriod,
  type AgreementPrice,
  type AgreementPriceRevision,
  type AgreementStatus,
} from './domain/agreement';

/** Postgres' code for a unique index refusing a row. */
const UNIQUE_VIOLATION = '23505';

export interface AgreementFilter {
  uptCode?: string;
  venueCode?: string;
  kanwilCode?: string;
  agreementId?: string;
  status?: AgreementStatus;
  limit: number;
  offset: number;
}

/** An agreement as read, with its venue's Kanwil and time zone and its price history (rows: `agreementOfRow`). */
export const AGREEMENT_SELECT = `
  SELECT a.id, a.upt_code AS "uptCode", a.venue_code AS "venueCode", v.kanwil_code AS "venueKanwilCode", v.time_zone AS "timeZone",
         a.commission_bp AS "commissionBp", a.max_discount_bp AS "maxDiscountBp", a.shrinkage_liability AS "shrinkageLiability", to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(a.valid_to, 'YYYY-MM-DD') AS "validTo",
         a.settlement_cycle AS "settlementCycle", a.status, a.created_at AS "createdAt", a.activated_at AS "activatedAt",
         a.terminated_at AS "terminatedAt", a.termination_reason AS "terminationReason", a.exhibition_id AS "exhibitionId",
         CASE WHEN a.event_first_day IS NULL THEN NULL
              ELSE json_build_object('first', to_char(a.event_first_day, 'YYYY-MM-DD'), 'last', to_char(a.event_last_day, 'YYYY-MM-DD'),
                                     'returnWindowDays', a.return_window_days) END AS "eventPeriod",
         COALESCE((SELECT json_agg(json_build_object('productId', p.product_id, 'price', p.price,
                                                     'effectiveFrom', to_char(p.effective_from, 'YYYY-MM-DD'), 'setAt', p.set_at, 'setBy', p.set_by)
                                   ORDER BY p.product_id, p.effective_from)
                     FROM agreement_price p WHERE p.agreement_id = a.id), '[]') AS "priceHistory"
    FROM agreement a JOIN venue v ON v.code = a.venue_code`;

@Injectable()
/** The agreement tables (agreement, agreement_price): the only code that knows them. */
export class AgreementStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    a: {
      id: string;
      uptCode: string;
      venueCode: string;
      commissionBp: number;
      maxDiscountBp: number;
      shrinkageLiability: ShrinkageLiability;
      validFrom: string;
      validTo?: string;
      eventPeriod?: EventPeriod;
      exhibitionId?: string;
    },
    createdBy: string,
  ): Promise<void> {
    const e = a.eventPeriod;
    await manager.query(
      `INSERT INTO agreement (id, upt_code, venue_code, commission_bp, max_discount_bp, shrinkage_liability, valid_from, valid_to, status, created_by,
                              settlement_cycle, event_first_day, event_last_day, return_window_days, exhibition_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10, $11, $12, $13, $14)`,
      [
        a.id,
        a.uptCode,
        a.venueCode,
        a.commissionBp,
        a.maxDiscountBp,
        a.shrinkageLiability,
        a.validFrom,
        a.validTo ?? null,
        createdBy,
        e ? 'EVENT' : 'MONTHLY',
        e?.first ?? null,
        e?.last ?? null,
        e?.returnWindowDays ?? null,
        a.exhibitionId ?? null,
      ],
    );
  }

  /** Adds rows to the price history; a row already there (a retried request, same price) is left as it is. */
  async addPrices(manager: EntityManager, id: string, prices: readonly AgreementPrice[], setBy: string): Promise<void> {
    if (prices.length === 0) return;
    await manager.query(
      `INSERT INTO agreement_price (agreement_id, product_id, effective_from, price, set_by)
       SELECT $1, product_id, effective_from, price, $5 FROM unnest($2::uuid[], $3::date[], $4::bigint[]) AS p(product_id, effective_from, price)
       ON CONFLICT (agreement_id, product_id, effective_from) DO NOTHING`,
      [id, prices.map((p) => p.productId), prices.map((p) => p.effectiveFrom), prices.map((p) => p.price), setBy],
    );
  }

  /** Locks the agreement (not its venue) and reads it, in one round trip: its stock and money movements happen one at a time. */
  async lock(manager: EntityManager, id: string): Promise<Agreement | undefined> {
    const [row] = await manager.query<AgreementRow[]>(`${AGREEMENT_SELECT} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
    return row ? agreementOfRow(row) : undefined;
  }

  /** Locks an agreement for a stock movement; an unknown id is a 404. */
  async lockExisting(manager: EntityManager, id: string): Promise<Agreement> {
    const agreement = await this.lock(manager, id);
    if (!agreement) throw notFound('agreement', id);
    return agreement;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Agreement | undefined> {
    const [row] = await manager.query<AgreementRow[]>(`${AGREEMENT_SELECT} WHERE a.id = $1`, [id]);
    return row ? agreementOfRow(row) : undefined;
  }

  /** Ids of the active agreements between a venue and the given UPTs, in lock order (lock them to read them). */
  async activeIdsForVenue(manager: EntityManager, venueCode: string, uptCodes: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM agreement WHERE venue_code = $1 AND upt_code = ANY($2::text[]) AND status = 'ACTIVE' ORDER BY id`,
      [venueCode, uptCodes],
    );
    return rows.map((r) => r.id);
  }

  /** Activates a draft; false when its UPT already has an active agreement at the venue (the unique index refuses it). */
  async activate(manager: EntityManager, id: string): Promise<boolean> {
    try {
      await manager.query(`UPDATE agreement SET status = 'ACTIVE', activated_at = now() WHERE id = $1`, [id]);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return false;
    }
  }

  async terminate(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE agreement SET status = 'TERMINATED', terminated_at = now(), termination_reason = $2 WHERE id = $1`, [
      id,
      reason,
    ]);
  }

  async list(filter: AgreementFilter): Promise<{ items: Agreement[]; total: number }> {
    const { where, params } = equalityWhere([
      ['a.upt_code', filter.uptCode],
      ['a.venue_code', filter.venueCode],
      ['v.kanwil_code', filter.kanwilCode],
      ['a.id', filter.agreementId],
      ['a.status', filter.status],
    ]);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM agreement a JOIN venue v ON v.code = a.venue_code ${where}`,
      params,
    );
    const rows = await this.dataSource.query<AgreementRow[]>(
      `${AGREEMENT_SELECT} ${where} ORDER BY a.created_at, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(agreementOfRow), total };
  }
}

/** A row as read: the price history comes from json_agg, bigint as string or number. */
export type AgreementRow = Omit<Agreement, 'prices' | 'priceHistory'> & {
  priceHistory: (Omit<AgreementPriceRevision, 'price'> & { price: string | number })[];
};

export function agreementOfRow(row: AgreementRow): Agreement {
  const priceHistory = row.priceHistory.map((p) => ({ ...p, price: Number(p.price) }));
  return { ...row, prices: pricesInEffect(row, priceHistory, new Date()), priceHistory };
}
