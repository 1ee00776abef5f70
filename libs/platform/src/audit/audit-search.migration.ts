import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_SEARCH_DOCUMENT } from './audit-search';

/**
 * What `GET /audit-entries` searches by: the subject alone (the older index leads with the entity kind), the
 * username beside the subject, the action, and the entries' text (a GIN index of their words).
 */
export class AuditSearch1700000000430 implements MigrationInterface {
  name = 'AuditSearch1700000000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_entry_subject ON audit_entry (entity_id)`);
    await q.query(`CREATE INDEX audit_entry_username ON audit_entry (actor_username) WHERE actor_username IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entry_action ON audit_entry (action)`);
    await q.query(`CREATE INDEX audit_entry_words ON audit_entry USING gin ((${AUDIT_SEARCH_DOCUMENT}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['audit_entry_words', 'audit_entry_action', 'audit_entry_username', 'audit_entry_subject'])
      await q.query(`DROP INDEX ${index}`);
  }
}
