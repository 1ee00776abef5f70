import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProposalCause, ProposedLine, ProposedReturn } from './domain/proposed-return';

const SELECT = `
  SELECT p.id, p.agreement_id AS "agreementId", a.upt_code AS "uptCode", a.venue_code AS "venueCode", v.kanwil_code AS "venueKanwilCode", p.cause, p.cause_key AS "causeKey",
         p.reason, p.lines, p.status, p.proposed_at AS "proposedAt", p.confirmed_at AS "confirmedAt", p.confirmed_by AS "confirmedBy"
    FROM proposed_return p JOIN agreement a ON a.id = p.agreement_id JOIN venue v ON v.code = a.venue_code`;

/** The proposed_return table: the only code that knows it. */
@Injectable()
export class ProposedReturnStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a proposal unless the agreement already has one for the same cause; answers the one that stands. */
  async propose(
    manager: EntityManager,
    p: { id: string; agreementId: string; cause: ProposalCause; causeKey: string; reason: string; lines: ProposedLine[] },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `WITH inserted AS (
         INSERT INTO proposed_return (id, agreement_id, cause, cause_key, reason, lines) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (agreement_id, cause, cause_key) DO NOTHING RETURNING id)
       SELECT id FROM inserted
       UNION ALL SELECT id FROM proposed_return WHERE agreement_id = $2 AND cause = $3 AND cause_key = $4
       LIMIT 1`,
      [p.id, p.agreementId, p.cause, p.causeKey, p.reason, JSON.stringify(p.lines)],
    );
    return row.id;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProposedReturn | undefined> {
    const [row] = await manager.query<ProposedReturn[]>(`${SELECT} WHERE p.id = $1`, [id]);
    return row;
  }

  /** Reads a proposal under a row lock (the caller holds its agreement's lock too). */
  async lock(manager: EntityManager, id: string): Promise<ProposedReturn | undefined> {
    const [row] = await manager.query<ProposedReturn[]>(`${SELECT} WHERE p.id = $1 FOR UPDATE OF p`, [id]);
    return row;
  }

  /** A page of the proposals of one cause (an exhibition's end), by UPT; with `uptCode`, that UPT's only. */
  async byCause(
    cause: ProposalCause,
    causeKey: string,
    page: { uptCode?: string; limit: number; offset: number },
  ): Promise<{ items: ProposedReturn[]; total: number }> {
    const rows = await this.dataSource.query<(ProposedReturn & { total: number })[]>(
      `SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT} WHERE p.cause = $1 AND p.cause_key = $2 AND ($3::text IS NULL OR a.upt_code = $3)) x
        ORDER BY x."uptCode" LIMIT $4 OFFSET $5`,
      [cause, causeKey, page.uptCode ?? null, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) {
      const [{ total }] = await this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM proposed_return p JOIN agreement a ON a.id = p.agreement_id
          WHERE p.cause = $1 AND p.cause_key = $2 AND ($3::text IS NULL OR a.upt_code = $3)`,
        [cause, causeKey, page.uptCode ?? null],
      );
      return { items: [], total };
    }
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  async markConfirmed(manager: EntityManager, id: string, at: Date, by: string): Promise<void> {
    await manager.query(`UPDATE proposed_return SET status = 'CONFIRMED', confirmed_at = $2, confirmed_by = $3 WHERE id = $1`, [
      id,
      at,
      by,
    ]);
  }
}
