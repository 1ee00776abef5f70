import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A PNBP target revision names the decree or letter that set it, as a split policy's shares do (issue 16: the
 * ministry sets targets with their legal references). Revisions set before have none.
 */
export class PnbpTargetLegalReference1700000016400 implements MigrationInterface {
  name = 'PnbpTargetLegalReference1700000016400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pnbp_target ADD COLUMN legal_reference text CHECK (length(legal_reference) BETWEEN 1 AND 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pnbp_target DROP COLUMN legal_reference`);
  }
}
