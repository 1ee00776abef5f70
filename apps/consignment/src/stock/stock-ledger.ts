import { DomainError } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { amountOf, balanceChanges, type BalanceChange, type Bucket, type Movement } from './domain/movement';

/** Key of a balance: product, lot and bucket (within one agreement). */
export const lotKey = (b: { productId: string; lotCode: string; bucket: string }) => `${b.productId}|${b.lotCode}|${b.bucket}`;

const insufficient = () => new DomainError('conflict', 'INSUFFICIENT_STOCK', 'the movement would take more stock than there is', {});

export interface LotBalance {
  agreementId: string;
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  quantity: number;
}

export interface StockFilter {
  venueCode?: string;
  uptCode?: string;
  kanwilCode?: string;
  agreementId?: string;
  productId?: string;
  bucket?: Bucket;
  limit: number;
  offset: number;
}

/**
 * The stock ledger and the balances derived from it, written together in the caller's transaction.
 * Balances cannot go negative (a check constraint), so no movement can oversell even if a caller's
 * own check were wrong.
 */
@Injectable()
export class StockLedger {
  constructor(private readonly dataSource: DataSource) {}

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
      [updated] = await manager.query(
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
    return manager.query(
      `SELECT agreement_id AS "agreementId", product_id AS "productId", lot_code AS "lotCode",
              to_char(expiry_date, 'YYYY-MM-DD') AS "expiryDate", bucket, quantity
         FROM stock_balance WHERE agreement_id = $1 AND product_id = ANY($2::uuid[]) AND bucket = $3 AND quantity > 0`,
      [agreementId, productIds, bucket],
    );
  }

  /** Balances of one agreement in both buckets, by product, lot and bucket. */
  async lotBalances(manager: EntityManager, agreementId: string, productIds: string[]): Promise<Map<string, LotBalance>> {
    const rows: LotBalance[] = await manager.query(
      `SELECT agreement_id AS "agreementId", product_id AS "productId", lot_code AS "lotCode",
              to_char(expiry_date, 'YYYY-MM-DD') AS "expiryDate", bucket, quantity
         FROM stock_balance WHERE agreement_id = $1 AND product_id = ANY($2::uuid[])`,
      [agreementId, productIds],
    );
    return new Map(rows.map((b) => [lotKey(b), b]));
  }

  /** The consignment price each lot was dispatched at: what a unit of it is worth to the UPT. */
  async lotPrices(manager: EntityManager, agreementId: string, productIds: string[]): Promise<Map<string, number>> {
    const rows = await manager.query(
      `SELECT DISTINCT ON (l.product_id, l.lot_code) l.product_id, l.lot_code, l.unit_price
         FROM dispatch_line l JOIN dispatch d ON d.id = l.dispatch_id
        WHERE d.agreement_id = $1 AND l.product_id = ANY($2::uuid[]) AND d.status = 'RECEIVED'
        ORDER BY l.product_id, l.lot_code, d.received_at DESC`,
      [agreementId, productIds],
    );
    return new Map(
      rows.map((r: { product_id: string; lot_code: string; unit_price: string }) => [
        `${r.product_id}|${r.lot_code}`,
        Number(r.unit_price),
      ]),
    );
  }

  /** Movement totals of one agreement and period by kind: the control totals of a period close. */
  async periodTotals(manager: EntityManager, agreementId: string, period: string) {
    const movements = await manager.query(
      `SELECT kind, count(*)::int AS count, sum(quantity)::int AS quantity, sum(amount)::bigint AS amount
         FROM stock_movement WHERE agreement_id = $1 AND period = $2 GROUP BY kind ORDER BY kind`,
      [agreementId, period],
    );
    const [receipts] = await manager.query(
      `SELECT count(DISTINCT d.id)::int AS receipts, COALESCE(sum(l.short), 0)::int AS short
         FROM dispatch d JOIN dispatch_line l ON l.dispatch_id = d.id
        WHERE d.agreement_id = $1 AND d.received_period = $2`,
      [agreementId, period],
    );
    const [sales] = await manager.query(`SELECT count(*)::int AS lines FROM sale_line WHERE agreement_id = $1 AND period = $2`, [
      agreementId,
      period,
    ]);
    return {
      movements: movements.map((m: { kind: string; count: number; quantity: number; amount: string }) => ({
        ...m,
        amount: Number(m.amount),
      })),
      receipts: receipts.receipts as number,
      shortQuantity: receipts.short as number,
      saleLines: sales.lines as number,
    };
  }

  /** The months an agreement has movements in, oldest first. */
  async activePeriods(agreementId: string): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT DISTINCT period FROM stock_movement WHERE agreement_id = $1
        UNION SELECT DISTINCT received_period FROM dispatch WHERE agreement_id = $1 AND received_period IS NOT NULL ORDER BY 1`,
      [agreementId],
    );
    return rows.map((r: { period: string }) => r.period);
  }

  async closePeriod(
    manager: EntityManager,
    agreementId: string,
    period: string,
    closedAt: Date,
    by: string,
    totals: object,
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO period_close (agreement_id, period, closed_at, closed_by, control_totals) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING period`,
      [agreementId, period, closedAt, by, JSON.stringify(totals)],
    );
    return rows.length > 0;
  }

  /** Closed months of an agreement with their control totals and, once reporting says so, settlement. */
  async closes(agreementId: string) {
    return this.dataSource.query(
      `SELECT c.period, c.closed_at AS "closedAt", c.closed_by AS "closedBy", c.control_totals AS "controlTotals",
              COALESCE(s.status, 'PENDING') AS settlement, s.statement_id AS "statementId", s.proceeds::float8 AS proceeds,
              s.paid_amount::float8 AS "paidAmount"
         FROM period_close c LEFT JOIN period_settlement s USING (agreement_id, period)
        WHERE c.agreement_id = $1 ORDER BY c.period`,
      [agreementId],
    );
  }

  /** Refuses movements dated in a period already closed for the agreement. */
  async assertPeriodsOpen(manager: EntityManager, agreementId: string, periods: string[]): Promise<void> {
    const closed = await this.closedPeriods(manager, agreementId, periods);
    if (closed.length > 0) {
      throw new DomainError('conflict', 'PERIOD_CLOSED', `period ${closed.join(', ')} is closed for this agreement`, { periods: closed });
    }
  }

  async closedPeriods(manager: EntityManager, agreementId: string, periods: string[]): Promise<string[]> {
    const rows = await manager.query(`SELECT period FROM period_close WHERE agreement_id = $1 AND period = ANY($2::text[])`, [
      agreementId,
      [...new Set(periods)],
    ]);
    return rows.map((r: { period: string }) => r.period).sort();
  }

  /** Stock on hand by lot, with what the product is and where it is. */
  async onHand(filter: StockFilter) {
    const { where, params } = equalityWhere(
      [
        ['a.venue_code', filter.venueCode],
        ['a.upt_code', filter.uptCode],
        ['v.kanwil_code', filter.kanwilCode],
        ['b.agreement_id', filter.agreementId],
        ['b.product_id', filter.productId],
        ['b.bucket', filter.bucket],
      ],
      ['b.quantity > 0'],
    );
    const from = `FROM stock_balance b JOIN agreement a ON a.id = b.agreement_id JOIN venue v ON v.code = a.venue_code
                  LEFT JOIN product_replica p ON p.product_id = b.product_id ${where}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.dataSource.query(
      `SELECT b.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", b.product_id AS "productId",
              p.sku, p.name, p.status AS "productStatus", b.lot_code AS "lotCode", to_char(b.expiry_date, 'YYYY-MM-DD') AS "expiryDate",
              b.bucket, b.quantity, v.time_zone AS "timeZone"
         ${from} ORDER BY a.venue_code, a.upt_code, p.sku, b.expiry_date, b.lot_code, b.bucket
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
