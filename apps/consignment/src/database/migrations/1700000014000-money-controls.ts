import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money controls (decision 0014): the agreement's discount limit and shrinkage liability, its prices as
 * effective-dated history that is never rewritten, the reason of a discounted sale, and the approval time and
 * suspension periods of each replicated product, so documents are checked as of their own date.
 */
export class MoneyControls1700000014000 implements MigrationInterface {
  name = 'MoneyControls1700000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agreement
        ADD COLUMN max_discount_bp int NOT NULL DEFAULT 0 CHECK (max_discount_bp BETWEEN 0 AND 10000),
        ADD COLUMN shrinkage_liability text NOT NULL DEFAULT 'VENUE' CHECK (shrinkage_liability IN ('VENUE', 'UPT'))`);

    // a price change adds a row effective from a venue-calendar day; rows already there took effect with the agreement
    await q.query(`
      ALTER TABLE agreement_price
        ADD COLUMN effective_from date,
        ADD COLUMN set_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN set_by text NOT NULL DEFAULT 'migration'`);
    await q.query(`UPDATE agreement_price p SET effective_from = a.valid_from FROM agreement a WHERE a.id = p.agreement_id`);
    await q.query(`ALTER TABLE agreement_price ALTER COLUMN effective_from SET NOT NULL, ALTER COLUMN set_by DROP DEFAULT`);
    await q.query(`ALTER TABLE agreement_price DROP CONSTRAINT agreement_price_pkey`);
    await q.query(`ALTER TABLE agreement_price ADD PRIMARY KEY (agreement_id, product_id, effective_from)`);
    await q.query(`
      CREATE FUNCTION agreement_price_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'agreement prices are history; add a row effective from a later day instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER agreement_price_immutable BEFORE UPDATE OR DELETE ON agreement_price
      FOR EACH ROW EXECUTE FUNCTION agreement_price_immutable()`);

    await q.query(`ALTER TABLE sale_line ADD COLUMN discount_reason text`);

    // approval time: the approval price row carries it (the replica wrote it at approvedAt)
    await q.query(`ALTER TABLE product_replica ADD COLUMN approved_at timestamptz`);
    await q.query(`
      UPDATE product_replica p SET approved_at = COALESCE(
        (SELECT min(r.effective_from) FROM product_price_replica r WHERE r.product_id = p.product_id), p.updated_at)`);
    await q.query(`ALTER TABLE product_replica ALTER COLUMN approved_at SET NOT NULL`);
    await q.query(`
      CREATE TABLE product_suspension (
        product_id    uuid NOT NULL REFERENCES product_replica (product_id),
        suspended_at  timestamptz NOT NULL,
        reinstated_at timestamptz CHECK (reinstated_at IS NULL OR reinstated_at >= suspended_at),
        PRIMARY KEY (product_id, suspended_at)
      )`);
    // a product suspended now has been since its last status event
    await q.query(
      `INSERT INTO product_suspension (product_id, suspended_at) SELECT product_id, updated_at FROM product_replica WHERE status = 'SUSPENDED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_suspension`);
    await q.query(`ALTER TABLE product_replica DROP COLUMN approved_at`);
    await q.query(`ALTER TABLE sale_line DROP COLUMN discount_reason`);
    await q.query(`DROP TRIGGER agreement_price_immutable ON agreement_price`);
    await q.query(`DROP FUNCTION agreement_price_immutable()`);
    // keeps the latest row of each product, as the table held before
    await q.query(`
      CREATE TEMP TABLE latest_price AS
        SELECT DISTINCT ON (agreement_id, product_id) agreement_id, product_id, price FROM agreement_price
         ORDER BY agreement_id, product_id, effective_from DESC`);
    await q.query(`TRUNCATE agreement_price`);
    await q.query(`ALTER TABLE agreement_price DROP CONSTRAINT agreement_price_pkey`);
    await q.query(`ALTER TABLE agreement_price DROP COLUMN effective_from, DROP COLUMN set_at, DROP COLUMN set_by`);
    await q.query(`INSERT INTO agreement_price (agreement_id, product_id, price) SELECT agreement_id, product_id, price FROM latest_price`);
    await q.query(`ALTER TABLE agreement_price ADD PRIMARY KEY (agreement_id, product_id)`);
    await q.query(`ALTER TABLE agreement DROP COLUMN max_discount_bp, DROP COLUMN shrinkage_liability`);
  }
}
