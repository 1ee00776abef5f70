import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who acted, as a person reads it: the username the identity provider gave beside the token's subject. */
export class AuditActorUsername1700000000300 implements MigrationInterface {
  name = 'AuditActorUsername1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry ADD COLUMN actor_username text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry DROP COLUMN actor_username`);
  }
}
