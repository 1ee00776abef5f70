import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nationalDeltas, type ProjectionDeltas } from './domain/projection-deltas';

/** The read-model tables a store writes: the live ones, or a replay's fresh copies. */
export interface ProjectionTables {
  stock: string;
  daily: string;
  monthly: string;
  /** `monthly` summed over agreements: per month and product, the national product rollup */
  monthlyNational: string;
}

export const LIVE_TABLES: ProjectionTables = {
  stock: 'stock_on_hand',
  daily: 'sales_daily',
  monthly: 'monthly_product',
  monthlyNational: 'monthly_product_national',
};

/** The read models: applies summed deltas with one statement per table (the only writer of them); the live ones or a replay's copies. */
@Injectable()
export class ProjectionStore {
  constructor(private readonly tables: ProjectionTables = LIVE_TABLES) {}

  async apply(manager: EntityManager, deltas: ProjectionDeltas): Promise<void> {
    const stock = [...deltas.stock.values()];
    if (stock.length > 0) {
      await manager.query(
        `INSERT INTO ${this.tables.stock} AS stock_on_hand (agreement_id, product_id, lot_code, expiry_date, quantity)
         SELECT a, p, l, COALESCE(e, '9999-12-31'), q FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::int[]) AS t(a, p, l, e, q)
         ON CONFLICT (agreement_id, product_id, lot_code) DO UPDATE SET quantity = stock_on_hand.quantity + EXCLUDED.quantity,
           expiry_date = CASE WHEN stock_on_hand.expiry_date = '9999-12-31' THEN EXCLUDED.expiry_date ELSE stock_on_hand.expiry_date END`,
        [
          stock.map((s) => s.agreementId),
          stock.map((s) => s.productId),
          stock.map((s) => s.lotCode),
          stock.map((s) => s.expiryDate),
          stock.map((s) => s.quantity),
        ],
      );
    }
    const daily = [...deltas.daily.values()];
    if (daily.length > 0) {
      await manager.query(
        `INSERT INTO ${this.tables.daily} AS sales_daily (day, agreement_id, product_id, quantity, amount)
         SELECT * FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::int[], $5::bigint[])
         ON CONFLICT (day, agreement_id, product_id) DO UPDATE SET quantity = sales_daily.quantity + EXCLUDED.quantity, amount = sales_daily.amount + EXCLUDED.amount`,
        [
          daily.map((d) => d.day),
          daily.map((d) => d.agreementId),
          daily.map((d) => d.productId),
          daily.map((d) => d.quantity),
          daily.map((d) => d.amount),
        ],
      );
    }
    const monthly = [...deltas.monthly.values()];
    if (monthly.length > 0) {
      const col = <K extends keyof (typeof monthly)[number]>(k: K) => monthly.map((m) => m[k]);
      await manager.query(
        `INSERT INTO ${this.tables.monthly} AS monthly_product (period, agreement_id, product_id, dispatched, received, damaged, short, sold, gross_sales, customer_returns, returns_value)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bigint[], $10::int[], $11::bigint[])
         ON CONFLICT (period, agreement_id, product_id) DO UPDATE SET
           dispatched = monthly_product.dispatched + EXCLUDED.dispatched, received = monthly_product.received + EXCLUDED.received,
           damaged = monthly_product.damaged + EXCLUDED.damaged, short = monthly_product.short + EXCLUDED.short,
           sold = monthly_product.sold + EXCLUDED.sold, gross_sales = monthly_product.gross_sales + EXCLUDED.gross_sales,
           customer_returns = monthly_product.customer_returns + EXCLUDED.customer_returns, returns_value = monthly_product.returns_value + EXCLUDED.returns_value`,
        [
          col('period'),
          col('agreementId'),
          col('productId'),
          col('dispatched'),
          col('received'),
          col('damaged'),
          col('short'),
          col('sold'),
          col('grossSales'),
          col('customerReturns'),
          col('returnsValue'),
        ],
      );
      await this.applyNational(manager, deltas);
    }
  }

  /** Adds the monthly deltas, summed over agreements, to the national rollup per month and product. */
  private async applyNational(manager: EntityManager, deltas: ProjectionDeltas): Promise<void> {
    // in key order, so two transactions adding to the same products lock them in the same order (no deadlock)
    const national = [...nationalDeltas(deltas).values()].sort((a, b) =>
      a.period === b.period ? (a.productId < b.productId ? -1 : 1) : a.period < b.period ? -1 : 1,
    );
    if (national.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.tables.monthlyNational} AS n (period, product_id, received, sold, gross_sales, returns_value)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
       ON CONFLICT (period, product_id) DO UPDATE SET received = n.received + EXCLUDED.received, sold = n.sold + EXCLUDED.sold,
         gross_sales = n.gross_sales + EXCLUDED.gross_sales, returns_value = n.returns_value + EXCLUDED.returns_value`,
      [
        national.map((n) => n.period),
        national.map((n) => n.productId),
        national.map((n) => n.received),
        national.map((n) => n.sold),
        national.map((n) => n.grossSales),
        national.map((n) => n.returnsValue),
      ],
    );
  }

  /** Holds readers and writers of this store's tables until the caller's transaction ends. */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query(
      `LOCK TABLE ${this.tables.stock}, ${this.tables.daily}, ${this.tables.monthly}, ${this.tables.monthlyNational} IN ACCESS EXCLUSIVE MODE`,
    );
  }

  /** Records the newest event a read model has applied (events may arrive out of time order across partitions). */
  async touch(manager: EntityManager, name: string, lastEventId: string, lastEventTime: string): Promise<void> {
    await manager.query(
      `INSERT INTO projection_state (name, last_event_id, last_event_time) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, last_event_time = EXCLUDED.last_event_time, updated_at = now()
       WHERE projection_state.last_event_time <= EXCLUDED.last_event_time`,
      [name, lastEventId, lastEventTime],
    );
  }
}
