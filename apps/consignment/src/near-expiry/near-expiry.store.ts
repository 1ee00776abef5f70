import { Injectable } from '@nestjs/common';
import type { ReadScope } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { NearExpiryLot } from './domain/near-expiry';

export type NearExpiryRow = Omit<NearExpiryLot, 'daysLeft'> & { timeZone: string };

/** Sellable lots by expiry, and the once-per-lot warning flags (near_expiry_flag). */
@Injectable()
export class NearExpiryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Sellable lots in scope expiring on or before a day, soonest first. */
  expiringBy(scope: ReadScope, horizon: string): Promise<NearExpiryRow[]> {
    return this.dataSource.query<NearExpiryRow[]>(
      `SELECT b.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", b.product_id AS "productId", p.sku,
              b.lot_code AS "lotCode", to_char(b.expiry_date, 'YYYY-MM-DD') AS "expiryDate", b.quantity, v.time_zone AS "timeZone",
              (f.lot_code IS NOT NULL) AS flagged
         FROM stock_balance b JOIN agreement a ON a.id = b.agreement_id JOIN venue v ON v.code = a.venue_code
         LEFT JOIN product_replica p ON p.product_id = b.product_id
         LEFT JOIN near_expiry_flag f ON f.agreement_id = b.agreement_id AND f.product_id = b.product_id AND f.lot_code = b.lot_code
        WHERE b.bucket = 'SELLABLE' AND b.quantity > 0 AND b.expiry_date <= $1
          AND ($2::text IS NULL OR a.venue_code = $2) AND ($3::text IS NULL OR a.upt_code = $3) AND ($4::text IS NULL OR v.kanwil_code = $4)
        ORDER BY b.expiry_date, a.venue_code, p.sku, b.lot_code`,
      [horizon, scope.venueCode ?? null, scope.uptCode ?? null, scope.kanwilCode ?? null],
    );
  }

  /** Flags a lot as warned about; false when it already was (another instance flagged it meanwhile). */
  async flag(manager: EntityManager, lot: Pick<NearExpiryLot, 'agreementId' | 'productId' | 'lotCode'>): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO near_expiry_flag (agreement_id, product_id, lot_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING lot_code`,
      [lot.agreementId, lot.productId, lot.lotCode],
    );
    return inserted.length > 0;
  }
}
