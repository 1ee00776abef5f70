import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lots already flagged as near expiry, so each lot's warning is published once. */
export class NearExpiry1700000005000 implements MigrationInterface {
  name = 'NearExpiry1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE near_expiry_flag (
        agreement_id uuid NOT NULL,
        product_id   uuid NOT NULL,
        lot_code     text NOT NULL,
        flagged_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, product_id, lot_code)
      )`);
    await q.query(`CREATE INDEX stock_balance_expiry ON stock_balance (expiry_date) WHERE quantity > 0 AND bucket = 'SELLABLE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_balance_expiry`);
    await q.query(`DROP TABLE near_expiry_flag`);
  }
}
