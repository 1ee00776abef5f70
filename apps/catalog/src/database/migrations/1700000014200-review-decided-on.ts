import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The day a curation decision was taken (decision 0014): the day it was recorded for reviews made before it existed. */
export class ReviewDecidedOn1700000014200 implements MigrationInterface {
  name = 'ReviewDecidedOn1700000014200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE curation_review ADD COLUMN decided_on date`);
    await q.query(`UPDATE curation_review SET decided_on = (reviewed_at AT TIME ZONE 'Asia/Jakarta')::date`);
    await q.query(`ALTER TABLE curation_review ALTER COLUMN decided_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE curation_review DROP COLUMN decided_on`);
  }
}
