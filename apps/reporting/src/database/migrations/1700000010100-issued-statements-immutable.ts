import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An issued statement is a document the venue pays and the UPT deposits by: below the service, a trigger refuses
 * any change to what it says (its figures, mismatches, sources, digest, issue time and identity), its deletion, and
 * a status going back. Payment and deposit still record their own columns and move the status forward.
 */
export class IssuedStatementsImmutable1700000010100 implements MigrationInterface {
  name = 'IssuedStatementsImmutable1700000010100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION issued_statement_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        statuses CONSTANT text[] := ARRAY['PENDING', 'ISSUED', 'PAID', 'DEPOSITED'];
      BEGIN
        IF OLD.status = 'PENDING' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'statement % is issued and cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (NEW.id, NEW.agreement_id, NEW.period, NEW.figures, NEW.mismatches, NEW.source_event_ids, NEW.digest, NEW.issued_at)
           IS DISTINCT FROM (OLD.id, OLD.agreement_id, OLD.period, OLD.figures, OLD.mismatches, OLD.source_event_ids, OLD.digest, OLD.issued_at) THEN
          RAISE EXCEPTION 'statement % is issued: its figures and digest cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF array_position(statuses, NEW.status) < array_position(statuses, OLD.status) THEN
          RAISE EXCEPTION 'statement % is %: its status cannot go back to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER issued_statement_immutable BEFORE UPDATE OR DELETE ON statement
      FOR EACH ROW EXECUTE FUNCTION issued_statement_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER issued_statement_immutable ON statement`);
    await q.query(`DROP FUNCTION issued_statement_immutable()`);
  }
}
