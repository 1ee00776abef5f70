import { Injectable } from '@nestjs/common';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { StatementFigures } from './domain/statement';
import type { Statement, StatementStatus } from './domain/statement-record';

const SELECT = `
  SELECT s.id, s.agreement_id AS "agreementId", s.period, s.status, a.upt_code AS "uptCode", a.venue_code AS "venueCode", v.name AS "venueName", a.time_zone AS "timeZone",
         v.kanwil_code AS "venueKanwilCode", u.kanwil_code AS "uptKanwilCode",
         s.figures, s.mismatches, s.source_event_ids AS "sourceEventIds", s.digest, s.issued_at AS "issuedAt", s.paid_amount::float8 AS "paidAmount",
         to_char(s.paid_on, 'YYYY-MM-DD') AS "paidOn", s.transfer_reference AS "transferReference", s.simponi_billing_code AS "simponiBillingCode",
         s.ntpn, to_char(s.deposited_on, 'YYYY-MM-DD') AS "depositedOn", s.deposited_amount::float8 AS "depositedAmount"
    FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id LEFT JOIN venue_dim v ON v.code = a.venue_code
    LEFT JOIN upt_replica u ON u.code = a.upt_code`;

/** Postgres' code for a unique index refusing a row. */
const UNIQUE_VIOLATION = '23505';

export interface StatementFilter {
  agreementId?: string;
  period?: string;
  status?: StatementStatus;
  uptCode?: string;
  venueCode?: string;
  /** A Kanwil reads statements of its venues and of its UPTs. */
  kanwilCode?: string;
  limit: number;
  offset: number;
}

/** The statement table: one row per agreement and month, pending until issued, then never recomputed. */
@Injectable()
export class StatementStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Statement | undefined> {
    const [row]: Statement[] = await manager.query(`${SELECT} WHERE s.id = $1`, [id]);
    return row;
  }

  async findFor(manager: EntityManager, agreementId: string, period: string): Promise<Statement | undefined> {
    const [row]: Statement[] = await manager.query(`${SELECT} WHERE s.agreement_id = $1 AND s.period = $2`, [agreementId, period]);
    return row;
  }

  async lock(manager: EntityManager, id: string): Promise<Statement | undefined> {
    await manager.query(`SELECT 1 FROM statement WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, manager);
  }

  /** Writes the statement of an agreement-month unless it is already issued (issued figures never change). */
  async save(
    manager: EntityManager,
    s: {
      id: string;
      agreementId: string;
      period: string;
      status: 'PENDING' | 'ISSUED';
      figures: StatementFigures | null;
      mismatches: string[];
      sourceEventIds: string[];
      digest: string | null;
      issuedAt: Date | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO statement (id, agreement_id, period, status, figures, mismatches, source_event_ids, digest, issued_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (agreement_id, period) DO UPDATE SET status = EXCLUDED.status, figures = EXCLUDED.figures, mismatches = EXCLUDED.mismatches,
         source_event_ids = EXCLUDED.source_event_ids, digest = EXCLUDED.digest, issued_at = EXCLUDED.issued_at, updated_at = now()
       WHERE statement.status = 'PENDING'`,
      [
        s.id,
        s.agreementId,
        s.period,
        s.status,
        JSON.stringify(s.figures),
        JSON.stringify(s.mismatches),
        JSON.stringify(s.sourceEventIds),
        s.digest,
        s.issuedAt,
      ],
    );
  }

  /** Closing stock per product of the agreement's issued statement for a month, if there is one. */
  async closingOf(manager: EntityManager, agreementId: string, period: string): Promise<Map<string, number> | undefined> {
    const [row]: { lines: { productId: string; closing: number }[] }[] = await manager.query(
      `SELECT figures->'lines' AS lines FROM statement WHERE agreement_id = $1 AND period = $2 AND status <> 'PENDING' AND figures IS NOT NULL`,
      [agreementId, period],
    );
    if (!row) return undefined;
    return new Map(row.lines.filter((l) => l.closing !== 0).map((l) => [l.productId, l.closing]));
  }

  async pending(manager: EntityManager): Promise<{ agreementId: string; period: string }[]> {
    return manager.query(
      `SELECT agreement_id AS "agreementId", period FROM statement WHERE status = 'PENDING' ORDER BY period, agreement_id`,
    );
  }

  async markPaid(
    manager: EntityManager,
    id: string,
    p: { amount: number; paidOn: string; transferReference: string; by: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE statement SET status = 'PAID', paid_amount = $2, paid_on = $3, transfer_reference = $4, paid_by = $5, updated_at = now() WHERE id = $1`,
      [id, p.amount, p.paidOn, p.transferReference, p.by],
    );
  }

  /** Whether a deposit already records this NTPN. */
  async ntpnUsed(manager: EntityManager, ntpn: string): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM statement WHERE ntpn = $1`, [ntpn])).length > 0;
  }

  /** Records the deposit; false when another deposit took the NTPN meanwhile (its unique index refuses it). */
  async markDeposited(
    manager: EntityManager,
    id: string,
    d: { amount: number; simponiBillingCode: string; ntpn: string; depositedOn: string; by: string },
  ): Promise<boolean> {
    try {
      await manager.query(
        `UPDATE statement SET status = 'DEPOSITED', deposited_amount = $2, simponi_billing_code = $3, ntpn = $4, deposited_on = $5, deposited_by = $6,
                updated_at = now()
          WHERE id = $1`,
        [id, d.amount, d.simponiBillingCode, d.ntpn, d.depositedOn, d.by],
      );
      return true;
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'statement_ntpn_once') return false;
      throw error;
    }
  }

  async list(filter: StatementFilter): Promise<{ items: Statement[]; total: number }> {
    const { where, params } = equalityWhere([
      ['s.agreement_id', filter.agreementId],
      ['s.period', filter.period],
      ['s.status', filter.status],
      ['a.upt_code', filter.uptCode],
      ['a.venue_code', filter.venueCode],
    ]);
    let clause = where;
    if (filter.kanwilCode) {
      params.push(filter.kanwilCode);
      clause = `${where ? `${where} AND` : 'WHERE'} (v.kanwil_code = $${params.length} OR u.kanwil_code = $${params.length})`;
    }
    const from = `FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id LEFT JOIN venue_dim v ON v.code = a.venue_code
                  LEFT JOIN upt_replica u ON u.code = a.upt_code ${clause}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const items: Statement[] = await this.dataSource.query(
      `${SELECT} ${clause} ORDER BY s.period DESC, a.upt_code, a.venue_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
