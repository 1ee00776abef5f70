import { DomainError } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lotKey, lotPriceKey, type LotBalance } from './domain/balance';
import { amountOf, balanceChanges, type BalanceChange, type Bucket, type Movement } from './domain/movement';

/** Another write of the caller's, as a data-modifying CTE (`name AS (INSERT ...)`) with its parameters from $1. */
export interface CompanionWrite {
  cte: string;
  params: unknown[];
}

const insufficient = () => new DomainError('conflict', 'INSUFFICIENT_STOCK', 'the movement would take more stock than there is', {});

/**
 * The stock ledger and the balances derived from it, written together in the caller's transaction.
 * Balances cannot go negative (a check constraint), so no movement can oversell even if a caller's
 * own check were wrong.
 */
@Injectable()
export class StockStore {
  /**
   * Writes the movements and their balances in one statement. `companion` is another write of the caller's
   * (a data-modifying CTE, its parameters numbered from $1) that goes in the same statement, so that a sale
   * is one round trip.
   */
  async record(manager: EntityManager, movements: Movement[], companion?: CompanionWrite): Promise<void> {
    if (movements.length === 0) return;
    const params: unknown[] = [...(companion?.params ?? [])];
    const arrays = (columns: { values: unknown[]; type: string }[]) =>
      columns.map((c) => `$${params.push(c.values)}::${c.type}[]`).join(', ');
    const ctes = companion ? [companion.cte] : [];
    ctes.push(
      `ledger_movements AS (
         INSERT INTO stock_movement (agreement_id, product_id, lot_code, expiry_date, bucket, kind, quantity, unit_price, amount, occurred_at, period, document)
         SELECT * FROM unnest(${arrays([
           { values: movements.map((m) => m.agreementId), type: 'uuid' },
           { values: movements.map((m) => m.productId), type: 'uuid' },
           { values: movements.map((m) => m.lotCode), type: 'text' },
           { values: movements.map((m) => m.expiryDate), type: 'date' },
           { values: movements.map((m) => m.bucket), type: 'text' },
           { values: movements.map((m) => m.kind), type: 'text' },
           { values: movements.map((m) => m.quantity), type: 'int' },
           { values: movements.map((m) => m.unitPrice), type: 'bigint' },
           { values: movements.map((m) => amountOf(m)), type: 'bigint' },
           { values: movements.map((m) => m.occurredAt), type: 'timestamptz' },
           { values: movements.map((m) => m.period), type: 'text' },
           { values: movements.map((m) => m.document), type: 'text' },
         ])}))`,
    );
    const changes = balanceChanges(movements);
    const columns = (list: BalanceChange[]) =>
      arrays([
        { values: list.map((c) => c.agreementId), type: 'uuid' },
        { values: list.map((c) => c.productId), type: 'uuid' },
        { values: list.map((c) => c.lotCode), type: 'text' },
        { values: list.map((c) => c.bucket), type: 'text' },
        { values: list.map((c) => c.expiryDate), type: 'date' },
        { values: list.map((c) => c.delta), type: 'int' },
      ]);
    const additions = changes.filter((c) => c.delta > 0);
    const removals = changes.filter((c) => c.delta < 0);
    // a movement's balance key is either added to or taken from (balanceChanges nets them), so no row is written twice
    if (additions.length > 0)
      ctes.push(`ledger_additions AS (
         INSERT INTO stock_balance (agreement_id, product_id, lot_code, bucket, expiry_date, quantity)
         SELECT * FROM unnest(${columns(additions)})
         ON CONFLICT (agreement_id, product_id, lot_code, bucket) DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity)`);
    ctes.push(
      removals.length > 0
        ? `ledger_removals AS (
             UPDATE stock_balance b SET quantity = b.quantity + c.delta
               FROM unnest(${columns(removals)}) AS c(agreement_id, product_id, lot_code, bucket, expiry_date, delta)
              WHERE b.agreement_id = c.agreement_id AND b.product_id = c.product_id AND b.lot_code = c.lot_code AND b.bucket = c.bucket
             RETURNING 1)`
        : `ledger_removals AS (SELECT 1 WHERE false)`,
    );
    // a removal from a balance that does not exist, or below zero (the check constraint), is refused: nothing is written
    let removed: number;
    try {
      [{ removed }] = await manager.query<{ removed: number }[]>(
        `WITH ${ctes.join(',\n')} SELECT (SELECT count(*) FROM ledger_removals)::int AS removed`,
        params,
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23514') throw insufficient();
      throw error;
    }
    if (removed !== removals.length) throw insufficient();
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
