import type { DataSource } from 'typeorm';

/** The only code that knows the job_run table (in the service's own schema). */
export class JobRunStore {
  constructor(private readonly dataSource: DataSource) {}

  /** True when this instance took the slot; false when another instance already has it. */
  async claim(job: string, slot: Date, instance: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO job_run (job, slot, instance) VALUES ($1, $2, $3) ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
      [job, slot, instance],
    );
    return rows.length === 1;
  }

  async finish(job: string, slot: Date, outcome: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE job_run SET finished_at = now(), outcome = $3 WHERE job = $1 AND slot = $2`, [
      job,
      slot,
      JSON.stringify(outcome ?? null),
    ]);
  }

  /** Deletes claims older than `before`, at most `limit`; returns how many. */
  async pruneBefore(before: Date, limit: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM job_run WHERE ctid = ANY(ARRAY(SELECT ctid FROM job_run WHERE slot < $1 LIMIT $2))`,
      [before, limit],
    );
    return count;
  }
}
