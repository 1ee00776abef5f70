import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models for the ministry, Kanwil, UPTs and venues, fed by consignment.events. */
export class Projections1700000009000 implements MigrationInterface {
  name = 'Projections1700000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_on_hand (
        agreement_id uuid NOT NULL,
        product_id   uuid NOT NULL,
        lot_code     text NOT NULL,
        expiry_date  date NOT NULL,
        quantity     int NOT NULL,
        PRIMARY KEY (agreement_id, product_id, lot_code)
      )`);
    await q.query(`
      CREATE TABLE sales_daily (
        day          date NOT NULL,
        agreement_id uuid NOT NULL,
        product_id   uuid NOT NULL,
        quantity     int NOT NULL,
        amount       bigint NOT NULL,
        PRIMARY KEY (day, agreement_id, product_id)
      )`);
    // per agreement, product and month: what came in, what went out, for rollups and sell-through
    await q.query(`
      CREATE TABLE monthly_product (
        period            text NOT NULL,
        agreement_id      uuid NOT NULL,
        product_id        uuid NOT NULL,
        dispatched        int NOT NULL DEFAULT 0,
        received          int NOT NULL DEFAULT 0,
        damaged           int NOT NULL DEFAULT 0,
        short             int NOT NULL DEFAULT 0,
        sold              int NOT NULL DEFAULT 0,
        gross_sales       bigint NOT NULL DEFAULT 0,
        customer_returns  int NOT NULL DEFAULT 0,
        returns_value     bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (period, agreement_id, product_id)
      )`);
    await q.query(`CREATE INDEX monthly_product_agreement ON monthly_product (agreement_id, period)`);
    await q.query(`
      CREATE TABLE pnbp_target (
        upt_code text NOT NULL,
        year     int NOT NULL,
        amount   bigint NOT NULL CHECK (amount > 0),
        set_by   text NOT NULL,
        set_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (upt_code, year)
      )`);
    // how fresh each read model is: the time of the last event it applied
    await q.query(`
      CREATE TABLE projection_state (
        name            text PRIMARY KEY,
        last_event_id   uuid NOT NULL,
        last_event_time timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['projection_state', 'pnbp_target', 'monthly_product', 'sales_daily', 'stock_on_hand'])
      await q.query(`DROP TABLE ${t}`);
  }
}
