import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled jobs claim each schedule slot here, so a job runs once per slot however many instances of the
 * service fire it (the first INSERT wins). The indexes let housekeeping prune sent outbox rows and old inbox rows
 * in batches without scanning the tables.
 */
export class JobRuns1700000017000 implements MigrationInterface {
  name = 'JobRuns1700000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_run (
        job         text NOT NULL,
        slot        timestamptz NOT NULL,
        instance    text NOT NULL,
        started_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        outcome     jsonb,
        PRIMARY KEY (job, slot)
      )`);
    await q.query(`CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await q.query(`CREATE INDEX inbox_received ON inbox (topic, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_received`);
    await q.query(`DROP INDEX outbox_sent`);
    await q.query(`DROP TABLE job_run`);
  }
}
