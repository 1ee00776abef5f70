import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Products1700000002000 implements MigrationInterface {
  name = 'Products1700000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product (
        id              uuid PRIMARY KEY,
        upt_code        text NOT NULL REFERENCES upt (code),
        sku             text NOT NULL,
        name            text NOT NULL,
        description     text NOT NULL DEFAULT '',
        category        text NOT NULL,
        unit            text NOT NULL,
        shelf_life_days int CHECK (shelf_life_days >= 0),
        status          text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED', 'DISCONTINUED')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        created_by      text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT product_sku_per_upt UNIQUE (upt_code, sku)
      )`);
    await q.query(`CREATE INDEX product_status ON product (status, upt_code)`);
    await q.query(`CREATE INDEX product_name ON product (lower(name) text_pattern_ops)`);
    await q.query(`
      CREATE TABLE product_certificate (
        product_id uuid NOT NULL REFERENCES product (id),
        kind       text NOT NULL CHECK (kind IN ('PIRT', 'BPOM_MD', 'HALAL')),
        number     text NOT NULL,
        issued_on  date NOT NULL,
        PRIMARY KEY (product_id, kind, number)
      )`);
    // effective-dated: a change adds a row from its effective time; past rows are never updated
    await q.query(`
      CREATE TABLE product_price (
        product_id     uuid NOT NULL REFERENCES product (id),
        effective_from timestamptz NOT NULL,
        price          bigint NOT NULL CHECK (price > 0),
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        recorded_by    text NOT NULL,
        PRIMARY KEY (product_id, effective_from)
      )`);
    await q.query(`
      CREATE TABLE curation_review (
        id                  uuid PRIMARY KEY,
        product_id          uuid NOT NULL REFERENCES product (id),
        decision            text NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
        score_quality       smallint NOT NULL CHECK (score_quality BETWEEN 1 AND 5),
        score_packaging     smallint NOT NULL CHECK (score_packaging BETWEEN 1 AND 5),
        score_compliance    smallint NOT NULL CHECK (score_compliance BETWEEN 1 AND 5),
        score_market        smallint NOT NULL CHECK (score_market BETWEEN 1 AND 5),
        notes               text NOT NULL DEFAULT '',
        reviewer            text NOT NULL,
        reviewed_at         timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX curation_review_product ON curation_review (product_id, reviewed_at)`);
    await q.query(`
      CREATE TABLE product_status_change (
        product_id uuid NOT NULL REFERENCES product (id),
        at         timestamptz NOT NULL,
        from_status text,
        to_status  text NOT NULL,
        actor      text NOT NULL,
        reason     text NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX product_status_change_product ON product_status_change (product_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['product_status_change', 'curation_review', 'product_price', 'product_certificate', 'product']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
