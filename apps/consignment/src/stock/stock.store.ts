import { DomainError } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lotKey, lotPriceKey, type LotBalance } from './domain/balance';
import { amountOf, balanceChanges, type BalanceChange, type Bucket, type Movement } from './domain/movement';

const insufficient = () => new DomainError('conflict', 'INSUFFICIENT_STOCK', 'the movement would take more stock than there is', {});

/**
 * The stock ledger and the balances derived from it, written together in the caller's transaction.
 * Balances cannot go negative (a check constraint), so no movement can oversell even if a caller's
 * own check were wrong.
 */
@Injectable()
export class StockStore {
  async record(manager: EntityManager, movements: Movement[]): Promise<void> {
    if (movements.length === 0) return;
    await manager.query(
      `INSERT INTO stock_movement (agreement_id, product_id, lot_code, expiry_date, bucket, kind, quantity, unit_price, amount, occurred_at, period, document)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::text[], $7::int[], $8::bigint[], $9::bigint[],
                            $10::timestamptz[], $11::text[], $12::text[])`,
      [
        movements.map((m) => m.agreementId),
        movements.map((m) => m.productId),
        movements.map((m) => m.lotCode),
        movements.map((m) => m.expiryDate),
        movements.map((m) => m.bucket),
        movements.map((m) => m.kind),
        movements.map((m) => m.quantity),
        movements.map((m) => m.unitPrice),
        movements.map((m) => amountOf(m)),
        movements.map((m) => m.occurredAt),
        movements.map((m) => m.period),
        movements.map((m) => m.document),
      ],
    );
    const changes = balanceChanges(movements);
    const columns = (list: BalanceChange[]) => [
      list.map((c) => c.agreementId),
      list.map((c) => c.productId),
      list.map((c) => c.lotCode),
      list.map((c) => c.bucket),
      list.map((c) => c.expiryDate),
      list.map((c) => c.delta),
    ];
    const additions = changes.filter((c) => c.delta > 0);
    const removals = changes.filter((c) => c.delta < 0);
    if (additions.length > 0) {
      await manager.query(
        `INSERT INTO stock_balance (agreement_id, product_id, lot_code, bucket, expiry_date, quantity)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::int[])
         ON CONFLICT (agreement_id, product_id, lot_code, bucket) DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity`,
        columns(additions),
      );
    }
    if (removals.length === 0) return;
    // a removal from a balance that does not exist, or below zero, is refused: nothing is written
    let updated: unknown[];
    try {
      [updated] = await manager.query<[unknown[], number]>(
        `UPDATE stock_balance b SET quantity = b.quantity + c.delta
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::int[]) AS c(agreement_id, product_id, lot_code, bucket, expiry_date, delta)
          WHERE b.agreement_id = c.agreement_id AND b.product_id = c.product_id AND b.lot_code = c.lot_code AND b.bucket = c.bucket
         RETURNING 1`,
        columns(removals),
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23514') throw insufficient();
      throw error;
    }
    if (updated.length !== removals.length) throw insufficient();
  }

  /** Balances of the given products under an agreement (the caller holds the agreement lock). */
  async balances(manager: EntityManager, agreementId: string, productIds: string[], bucket: Bucket): Promise<LotBalance[]> {
    return manager.query<LotBalance[]>(
      `SELECT agreement_id AS "agreementId", product_id AS "productId", lot_code AS "lotCode",
              to_char(expiry_date, 'YYYY-MM-DD') AS "expiryDate", bucket, quantity
         FROM stock_balance WHERE agreement_id = $1 AND product_id = ANY($2::uuid[]) AND bucket = $3 AND quantity > 0`,
      [agreementId, productIds, bucket],
    );
  }

  /** Balances of one agreement in both buckets, by product, lot and bucket. */
  async lotBalances(manager: EntityManager, agreementId: string, productIds: string[]): Promise<Map<string, LotBalance>> {
    const rows = await manager.query<LotBalance[]>(
      `SELECT agreement_id AS "agreementId", product_id AS "productId", lot_code AS "lotCode",
              to_char(expiry_date, 'YYYY-MM-DD') AS "expiryDate", bucket, quantity
         FROM stock_balance WHERE agreement_id = $1 AND product_id = ANY($2::uuid[])`,
      [agreementId, productIds],
    );
    return new Map(rows.map((b) => [lotKey(b), b]));
  }

  /** The consignment price each lot was dispatched at: what a unit of it is worth to the UPT. */
  async lotPrices(manager: EntityManager, agreementId: string, productIds: string[]): Promise<Map<string, number>> {
    const rows = await manager.query<{ product_id: string; lot_code: string; unit_price: string }[]>(
      `SELECT DISTINCT ON (l.product_id, l.lot_code) l.product_id, l.lot_code, l.unit_price
         FROM dispatch_line l JOIN dispatch d ON d.id = l.dispatch_id
        WHERE d.agreement_id = $1 AND l.product_id = ANY($2::uuid[]) AND d.status = 'RECEIVED'
        ORDER BY l.product_id, l.lot_code, d.received_at DESC`,
      [agreementId, productIds],
    );
    return new Map(rows.map((r) => [lotPriceKey({ productId: r.product_id, lotCode: r.lot_code }), Number(r.unit_price)]));
  }

  async closedPeriods(manager: EntityManager, agreementId: string, periods: string[]): Promise<string[]> {
    const rows = await manager.query<{ period: string }[]>(
      `SELECT period FROM period_close WHERE agreement_id = $1 AND period = ANY($2::text[])`,
      [agreementId, [...new Set(periods)]],
    );
    return rows.map((r) => r.period).sort();
  }
}
