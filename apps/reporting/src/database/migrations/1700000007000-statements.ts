import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Statements1700000007000 implements MigrationInterface {
  name = 'Statements1700000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE venue_dim (
        code           text PRIMARY KEY,
        name           text NOT NULL,
        partner_agency text NOT NULL,
        kanwil_code    text NOT NULL,
        time_zone      text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE agreement_dim (
        agreement_id  uuid PRIMARY KEY,
        upt_code      text NOT NULL,
        venue_code    text NOT NULL,
        commission_bp int NOT NULL,
        time_zone     text NOT NULL,
        valid_from    date NOT NULL,
        valid_to      date,
        status        text NOT NULL
      )`);
    // every consignment event reporting applied, kept so figures can be recomputed and digests verified
    await q.query(`
      CREATE TABLE event_log (
        event_id     uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        type         text NOT NULL,
        envelope     jsonb NOT NULL,
        applied_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE event_period (
        agreement_id uuid NOT NULL,
        period       text NOT NULL,
        event_id     uuid NOT NULL REFERENCES event_log (event_id),
        PRIMARY KEY (agreement_id, period, event_id)
      )`);
    await q.query(`
      CREATE TABLE period_close_log (
        agreement_id   uuid NOT NULL,
        period         text NOT NULL,
        event_id       uuid NOT NULL,
        closed_at      timestamptz NOT NULL,
        control_totals jsonb NOT NULL,
        PRIMARY KEY (agreement_id, period)
      )`);
    await q.query(`
      CREATE TABLE split_policy (
        id             uuid PRIMARY KEY,
        upt_code       text,
        effective_from date NOT NULL,
        shares         jsonb NOT NULL,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX split_policy_once ON split_policy (COALESCE(upt_code, ''), effective_from)`);
    await q.query(`
      CREATE TABLE statement (
        id                   uuid PRIMARY KEY,
        agreement_id         uuid NOT NULL,
        period               text NOT NULL,
        status               text NOT NULL CHECK (status IN ('PENDING', 'ISSUED', 'PAID', 'DEPOSITED')),
        figures              jsonb,
        mismatches           jsonb NOT NULL DEFAULT '[]',
        source_event_ids     jsonb NOT NULL DEFAULT '[]',
        digest               text,
        issued_at            timestamptz,
        paid_amount          bigint,
        paid_on              date,
        transfer_reference   text,
        paid_by              text,
        simponi_billing_code text,
        ntpn                 text,
        deposited_on         date,
        deposited_by         text,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agreement_id, period)
      )`);
    await q.query(`CREATE INDEX statement_status ON statement (status, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['statement', 'split_policy', 'period_close_log', 'event_period', 'event_log', 'agreement_dim', 'venue_dim'])
      await q.query(`DROP TABLE ${t}`);
  }
}
