import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SplitPolicy } from './domain/split-policy';

const COLUMNS = `id, upt_code AS "uptCode", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", shares`;

/** The split_policy table: policies are added, never rewritten. */
@Injectable()
export class SplitPolicyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the policy; false when one of the same UPT (or national) and start day exists. */
  async insert(manager: EntityManager, policy: SplitPolicy, createdBy: string): Promise<boolean> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO split_policy (id, upt_code, effective_from, shares, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [policy.id, policy.uptCode, policy.effectiveFrom, JSON.stringify(policy.shares), createdBy],
    );
    return rows.length > 0;
  }

  /** The UPT's own policy in effect on a day, else the national default then. */
  async effective(manager: EntityManager, uptCode: string, day: string): Promise<SplitPolicy | undefined> {
    const [row]: SplitPolicy[] = await manager.query(
      `SELECT ${COLUMNS} FROM split_policy
        WHERE (upt_code = $1 OR upt_code IS NULL) AND effective_from <= $2
        ORDER BY (upt_code IS NULL), effective_from DESC LIMIT 1`,
      [uptCode, day],
    );
    return row;
  }

  /** A UPT's own policies and the national defaults (all policies without a UPT), a page of them. */
  async list(filter: { uptCode?: string; limit: number; offset: number }): Promise<{ items: SplitPolicy[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR upt_code = $1 OR upt_code IS NULL)`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM split_policy ${where}`, [
      filter.uptCode ?? null,
    ]);
    const items: SplitPolicy[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM split_policy ${where} ORDER BY upt_code NULLS FIRST, effective_from LIMIT $2 OFFSET $3`,
      [filter.uptCode ?? null, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
