import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money controls (decision 0014): the agreement's shrinkage liability, the amount each PNBP deposit records and
 * one deposit per NTPN, and PNBP targets as effective-dated history that is never rewritten.
 */
export class MoneyControls1700000014100 implements MigrationInterface {
  name = 'MoneyControls1700000014100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE agreement_dim ADD COLUMN shrinkage_liability text NOT NULL DEFAULT 'VENUE' CHECK (shrinkage_liability IN ('VENUE', 'UPT'))`,
    );

    await q.query(`ALTER TABLE statement ADD COLUMN deposited_amount bigint`);
    // deposits recorded before the amount was asked for deposited the PNBP share (nothing else was accepted)
    await q.query(`
      UPDATE statement SET deposited_amount = (SELECT (p->>'amount')::bigint FROM jsonb_array_elements(figures->'split') p WHERE p->>'name' = 'PNBP')
       WHERE status = 'DEPOSITED'`);
    // an NTPN proves one payment to the state: it settles one deposit, of one statement
    await q.query(`CREATE UNIQUE INDEX statement_ntpn_once ON statement (ntpn) WHERE ntpn IS NOT NULL`);

    // a target change adds a revision effective from a day of its year; the targets there took effect on 1 January
    await q.query(`ALTER TABLE pnbp_target ADD COLUMN effective_from date`);
    await q.query(`UPDATE pnbp_target SET effective_from = make_date(year, 1, 1)`);
    await q.query(`ALTER TABLE pnbp_target ALTER COLUMN effective_from SET NOT NULL`);
    await q.query(`ALTER TABLE pnbp_target DROP CONSTRAINT pnbp_target_pkey`);
    await q.query(`ALTER TABLE pnbp_target ADD PRIMARY KEY (upt_code, year, effective_from)`);
    await q.query(`ALTER TABLE pnbp_target ADD CHECK (extract(year FROM effective_from) = year)`);
    await q.query(`
      CREATE FUNCTION pnbp_target_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'PNBP targets are history; add a revision effective from a later day instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER pnbp_target_immutable BEFORE UPDATE OR DELETE ON pnbp_target
      FOR EACH ROW EXECUTE FUNCTION pnbp_target_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER pnbp_target_immutable ON pnbp_target`);
    await q.query(`DROP FUNCTION pnbp_target_immutable()`);
    await q.query(`
      CREATE TEMP TABLE latest_target AS
        SELECT DISTINCT ON (upt_code, year) upt_code, year, amount, set_by, set_at FROM pnbp_target ORDER BY upt_code, year, effective_from DESC`);
    await q.query(`TRUNCATE pnbp_target`);
    await q.query(`ALTER TABLE pnbp_target DROP CONSTRAINT pnbp_target_pkey`);
    await q.query(`ALTER TABLE pnbp_target DROP COLUMN effective_from`);
    await q.query(`INSERT INTO pnbp_target (upt_code, year, amount, set_by, set_at) SELECT * FROM latest_target`);
    await q.query(`ALTER TABLE pnbp_target ADD PRIMARY KEY (upt_code, year)`);
    await q.query(`DROP INDEX statement_ntpn_once`);
    await q.query(`ALTER TABLE statement DROP COLUMN deposited_amount`);
    await q.query(`ALTER TABLE agreement_dim DROP COLUMN shrinkage_liability`);
  }
}
