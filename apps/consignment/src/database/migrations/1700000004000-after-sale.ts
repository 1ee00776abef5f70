import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AfterSale1700000004000 implements MigrationInterface {
  name = 'AfterSale1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch ADD COLUMN received_period text`);
    await q.query(`
      CREATE TABLE customer_return (
        venue_code   text NOT NULL,
        return_no    text NOT NULL,
        receipt_no   text NOT NULL,
        line_no      int NOT NULL,
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        quantity     int NOT NULL CHECK (quantity > 0),
        resellable   boolean NOT NULL,
        amount       bigint NOT NULL,
        reason       text NOT NULL,
        returned_at  timestamptz NOT NULL,
        period       text NOT NULL,
        lots         jsonb NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (venue_code, return_no)
      )`);
    await q.query(`CREATE INDEX customer_return_sale ON customer_return (venue_code, receipt_no, line_no)`);
    await q.query(`
      CREATE TABLE upt_return (
        id           uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        reason       text NOT NULL CHECK (reason IN ('unsold', 'expired', 'damaged', 'recall')),
        status       text NOT NULL CHECK (status IN ('SHIPPED', 'RECEIVED')),
        shipped_at   timestamptz NOT NULL,
        shipped_by   text NOT NULL,
        received_at  timestamptz,
        received_by  text,
        lines        jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stock_count (
        id           uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        counted_at   timestamptz NOT NULL,
        counted_by   text NOT NULL,
        reason       text NOT NULL,
        lines        jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_count`);
    await q.query(`DROP TABLE upt_return`);
    await q.query(`DROP TABLE customer_return`);
    await q.query(`ALTER TABLE dispatch DROP COLUMN received_period`);
  }
}
