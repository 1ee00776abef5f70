import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification service's tables: its replicas of people, venues, agreements, products and statements (from the
 * other services' events; it reads no other schema) and of exhibitions, the notices (one per person, kind and cause), the e-mail
 * outbox, and people's e-mail preferences.
 */
export class NotificationTables1700000019000 implements MigrationInterface {
  name = 'NotificationTables1700000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_replica (
        person_id  text PRIMARY KEY,
        username   text NOT NULL,
        role       text,
        scope      text,
        name       text,
        email      text,
        enabled    boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX person_replica_role_scope ON person_replica (role, scope) WHERE enabled`);
    await q.query(`
      CREATE TABLE venue_replica (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        kanwil_code text NOT NULL,
        time_zone   text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE agreement_replica (
        agreement_id uuid PRIMARY KEY,
        upt_code     text NOT NULL,
        venue_code   text NOT NULL
      )`);
    // exhibitions (consignment.exhibition.created): the UPTs told the day before the last day, in the venue's zone
    await q.query(`
      CREATE TABLE exhibition_replica (
        exhibition_id uuid PRIMARY KEY,
        venue_code    text NOT NULL,
        name          text NOT NULL,
        time_zone     text NOT NULL,
        last_day      date NOT NULL,
        upt_codes     text[] NOT NULL
      )`);
    // products waiting in curation: submitted_at set by a submission, decided_at by the approval or refusal
    await q.query(`
      CREATE TABLE product_replica (
        product_id   uuid PRIMARY KEY,
        upt_code     text NOT NULL,
        name         text,
        submitted_at timestamptz,
        decided_at   timestamptz
      )`);
    await q.query(`
      CREATE TABLE statement_replica (
        statement_id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        period       text NOT NULL,
        proceeds     bigint NOT NULL,
        issued_at    timestamptz NOT NULL,
        paid_at      timestamptz,
        deposited_at timestamptz
      )`);
    // one notice per person, kind and cause: a redelivered or replayed event inserts nothing
    await q.query(`
      CREATE TABLE notice (
        notice_id  uuid PRIMARY KEY,
        person_id  text NOT NULL,
        kind       text NOT NULL,
        cause_key  text NOT NULL,
        rule       text NOT NULL,
        subject    jsonb NOT NULL,
        link       text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz,
        UNIQUE (person_id, kind, cause_key)
      )`);
    await q.query(`CREATE INDEX notice_inbox ON notice (person_id, created_at DESC)`);
    await q.query(`CREATE INDEX notice_unread ON notice (person_id) WHERE read_at IS NULL`);
    // the e-mail outbox: written with the notice, sent by the relay, marked sent after; the key is the notice's id
    await q.query(`
      CREATE TABLE email_outbox (
        notice_id       uuid PRIMARY KEY REFERENCES notice (notice_id),
        to_address      text NOT NULL,
        subject         text NOT NULL,
        body            text NOT NULL,
        attempts        int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        last_error      text
      )`);
    await q.query(`CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE email_preference (
        person_id  text NOT NULL,
        kind       text NOT NULL,
        email      boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'email_preference',
      'email_outbox',
      'notice',
      'statement_replica',
      'product_replica',
      'agreement_replica',
      'exhibition_replica',
      'venue_replica',
      'person_replica',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
