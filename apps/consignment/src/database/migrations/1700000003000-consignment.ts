import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Consignment1700000003000 implements MigrationInterface {
  name = 'Consignment1700000003000';

  async up(q: QueryRunner): Promise<void> {
    // what consignment knows of the catalog: approved products and their effective-dated prices
    await q.query(`
      CREATE TABLE product_replica (
        product_id      uuid PRIMARY KEY,
        upt_code        text NOT NULL,
        sku             text NOT NULL,
        name            text NOT NULL,
        category        text NOT NULL,
        unit            text NOT NULL,
        shelf_life_days int,
        consignable     boolean NOT NULL,
        status          text NOT NULL CHECK (status IN ('APPROVED', 'SUSPENDED', 'DISCONTINUED')),
        last_event_id   uuid NOT NULL,
        updated_at      timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE product_price_replica (
        product_id     uuid NOT NULL REFERENCES product_replica (product_id),
        effective_from timestamptz NOT NULL,
        price          bigint NOT NULL CHECK (price > 0),
        PRIMARY KEY (product_id, effective_from)
      )`);
    await q.query(`
      CREATE TABLE venue (
        code              text PRIMARY KEY,
        name              text NOT NULL,
        partner_agency    text NOT NULL,
        type              text NOT NULL,
        kanwil_code       text NOT NULL,
        time_zone         text NOT NULL,
        collective_outlet boolean NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        created_by        text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE agreement (
        id                 uuid PRIMARY KEY,
        upt_code           text NOT NULL,
        venue_code         text NOT NULL REFERENCES venue (code),
        commission_bp      int NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
        valid_from         date NOT NULL,
        valid_to           date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        settlement_cycle   text NOT NULL DEFAULT 'MONTHLY' CHECK (settlement_cycle = 'MONTHLY'),
        status             text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'TERMINATED')),
        created_at         timestamptz NOT NULL DEFAULT now(),
        created_by         text NOT NULL,
        activated_at       timestamptz,
        terminated_at      timestamptz,
        termination_reason text
      )`);
    // one UPT x one venue: at most one agreement in force at a time
    await q.query(`CREATE UNIQUE INDEX agreement_one_active ON agreement (upt_code, venue_code) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX agreement_venue ON agreement (venue_code, status)`);
    await q.query(`
      CREATE TABLE agreement_price (
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        product_id   uuid NOT NULL,
        price        bigint NOT NULL CHECK (price > 0),
        PRIMARY KEY (agreement_id, product_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch_counter (
        upt_code text NOT NULL,
        year     int NOT NULL,
        last     int NOT NULL,
        PRIMARY KEY (upt_code, year)
      )`);
    await q.query(`
      CREATE TABLE dispatch (
        id            uuid PRIMARY KEY,
        number        text NOT NULL UNIQUE,
        agreement_id  uuid NOT NULL REFERENCES agreement (id),
        upt_code      text NOT NULL,
        venue_code    text NOT NULL,
        status        text NOT NULL CHECK (status IN ('IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
        dispatched_at timestamptz NOT NULL,
        created_by    text NOT NULL,
        received_at   timestamptz,
        received_by   text,
        cancelled_at  timestamptz,
        cancel_reason text
      )`);
    await q.query(`CREATE INDEX dispatch_agreement ON dispatch (agreement_id, dispatched_at)`);
    await q.query(`
      CREATE TABLE dispatch_line (
        dispatch_id uuid NOT NULL REFERENCES dispatch (id),
        line_no     int NOT NULL,
        product_id  uuid NOT NULL,
        lot_code    text NOT NULL,
        expiry_date date NOT NULL,
        quantity    int NOT NULL CHECK (quantity > 0),
        unit_price  bigint NOT NULL CHECK (unit_price > 0),
        accepted    int,
        damaged     int,
        short       int,
        reason      text,
        PRIMARY KEY (dispatch_id, line_no),
        CHECK (accepted IS NULL OR accepted + damaged + short = quantity)
      )`);
    // the ledger: every movement an immutable row; quantity is the signed change of its bucket
    await q.query(`
      CREATE TABLE stock_movement (
        id           bigserial PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        product_id   uuid NOT NULL,
        lot_code     text NOT NULL,
        expiry_date  date NOT NULL,
        bucket       text NOT NULL CHECK (bucket IN ('SELLABLE', 'QUARANTINE')),
        kind         text NOT NULL,
        quantity     int NOT NULL CHECK (quantity <> 0),
        unit_price   bigint NOT NULL,
        amount       bigint NOT NULL,
        occurred_at  timestamptz NOT NULL,
        period       text NOT NULL,
        document     text NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stock_movement_agreement_period ON stock_movement (agreement_id, period, kind)`);
    await q.query(`
      CREATE FUNCTION stock_movement_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock movements are immutable; record a correcting movement instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_movement_immutable BEFORE UPDATE OR DELETE ON stock_movement
      FOR EACH ROW EXECUTE FUNCTION stock_movement_immutable()`);
    // balances derived from the ledger, kept in the same transaction; the check makes overselling impossible
    await q.query(`
      CREATE TABLE stock_balance (
        agreement_id uuid NOT NULL,
        product_id   uuid NOT NULL,
        lot_code     text NOT NULL,
        bucket       text NOT NULL,
        expiry_date  date NOT NULL,
        quantity     int NOT NULL CONSTRAINT stock_never_negative CHECK (quantity >= 0),
        PRIMARY KEY (agreement_id, product_id, lot_code, bucket)
      )`);
    await q.query(`
      CREATE TABLE sale_line (
        venue_code   text NOT NULL,
        receipt_no   text NOT NULL,
        line_no      int NOT NULL,
        agreement_id uuid NOT NULL,
        product_id   uuid NOT NULL,
        quantity     int NOT NULL,
        unit_price   bigint NOT NULL,
        list_price   bigint NOT NULL,
        amount       bigint NOT NULL,
        sold_at      timestamptz NOT NULL,
        period       text NOT NULL,
        allocations  jsonb NOT NULL,
        batch_id     uuid NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (venue_code, receipt_no, line_no)
      )`);
    await q.query(`
      CREATE TABLE period_close (
        agreement_id   uuid NOT NULL REFERENCES agreement (id),
        period         text NOT NULL,
        closed_at      timestamptz NOT NULL,
        closed_by      text NOT NULL,
        control_totals jsonb NOT NULL,
        PRIMARY KEY (agreement_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'period_close',
      'sale_line',
      'stock_balance',
      'stock_movement',
      'dispatch_line',
      'dispatch',
      'dispatch_counter',
      'agreement_price',
      'agreement',
      'venue',
      'product_price_replica',
      'product_replica',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION stock_movement_immutable()`);
  }
}
