import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail every service keeps in its own schema (search_path picks it): one row per change, written
 * in the changing transaction. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE to everyone,
 * the service's own role included.
 */
export class AuditTrail1700000000200 implements MigrationInterface {
  name = 'AuditTrail1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        position       bigserial PRIMARY KEY,
        at             timestamptz NOT NULL,
        actor_id       text NOT NULL,
        actor_role     text NOT NULL,
        actor_scope    text,
        correlation_id text NOT NULL,
        causation_id   uuid,
        action         text NOT NULL,
        entity         text NOT NULL,
        entity_id      text NOT NULL,
        event_id       uuid,
        before         jsonb,
        after          jsonb,
        venue_code     text,
        upt_code       text,
        kanwil_codes   text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity, entity_id)`);
    await q.query(`CREATE INDEX audit_entry_actor ON audit_entry (actor_id, at)`);
    await q.query(`CREATE INDEX audit_entry_at ON audit_entry (at)`);
    await q.query(`CREATE INDEX audit_entry_venue ON audit_entry (venue_code, at) WHERE venue_code IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entry_upt ON audit_entry (upt_code, at) WHERE upt_code IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entry_kanwil ON audit_entry USING gin (kanwil_codes)`);
    await q.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
  }
}
