import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replay runs as a job (issue 18): its record says how far it got, and survives the process, so a replay cut off
 * by a restart shows as interrupted afterwards. At most one runs at a time across every instance of reporting: the
 * job holds an advisory lock for as long as it runs, and the partial unique index refuses a second running row.
 */
export class ReplayJobs1700000018200 implements MigrationInterface {
  name = 'ReplayJobs1700000018200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE replay_job (
        id           uuid PRIMARY KEY,
        state        text NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'interrupted')),
        started_by   text NOT NULL,
        events       bigint NOT NULL DEFAULT 0,
        applied      bigint NOT NULL DEFAULT 0,
        events_total bigint,
        error        text,
        started_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz,
        CHECK ((state = 'running') = (finished_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX replay_job_one_running ON replay_job ((true)) WHERE state = 'running'`);
    await q.query(`CREATE INDEX replay_job_started ON replay_job (started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE replay_job`);
  }
}
