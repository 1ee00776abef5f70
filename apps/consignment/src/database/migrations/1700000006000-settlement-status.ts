import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each agreement month stands in settlement, as reporting.events tell it. */
export class SettlementStatus1700000006000 implements MigrationInterface {
  name = 'SettlementStatus1700000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE period_settlement (
        agreement_id  uuid NOT NULL,
        period        text NOT NULL,
        statement_id  uuid NOT NULL,
        status        text NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'DEPOSITED')),
        proceeds      bigint,
        paid_amount   bigint,
        updated_at    timestamptz NOT NULL,
        PRIMARY KEY (agreement_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE period_settlement`);
  }
}
