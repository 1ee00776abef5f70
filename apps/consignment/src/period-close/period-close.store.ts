import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClosedPeriod, ControlTotals, SettlementStatus } from './domain/period-close';

type ClosedPeriodRow = Omit<ClosedPeriod, 'closedAt'> & { closedAt: Date };

/** Month closes (period_close) and their settlement as reporting reports it (period_settlement). */
@Injectable()
export class PeriodCloseStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Movement totals of one agreement and period by kind: the control totals of a period close. */
  async periodTotals(manager: EntityManager, agreementId: string, period: string): Promise<ControlTotals> {
    const movements = await manager.query<{ kind: string; count: number; quantity: number; amount: string }[]>(
      `SELECT kind, count(*)::int AS count, sum(quantity)::int AS quantity, sum(amount)::bigint AS amount
         FROM stock_movement WHERE agreement_id = $1 AND period = $2 GROUP BY kind ORDER BY kind`,
      [agreementId, period],
    );
    const [receipts] = await manager.query<{ receipts: number; short: number }[]>(
      `SELECT count(DISTINCT d.id)::int AS receipts, COALESCE(sum(l.short), 0)::int AS short
         FROM dispatch d JOIN dispatch_line l ON l.dispatch_id = d.id
        WHERE d.agreement_id = $1 AND d.received_period = $2`,
      [agreementId, period],
    );
    const [sales] = await manager.query<{ lines: number }[]>(
      `SELECT count(*)::int AS lines FROM sale_line WHERE agreement_id = $1 AND period = $2`,
      [agreementId, period],
    );
    return {
      movements: movements.map((m) => ({ ...m, amount: Number(m.amount) })),
      receipts: receipts.receipts,
      shortQuantity: receipts.short,
      saleLines: sales.lines,
    };
  }

  /** Control totals of every month the agreement has movements in, closed or not, oldest first. */
  async ledgerTotals(agreementId: string): Promise<{ period: string; controlTotals: ControlTotals }[]> {
    const rows = await this.dataSource.query<{ period: string }[]>(
      `SELECT DISTINCT period FROM stock_movement WHERE agreement_id = $1
        UNION SELECT DISTINCT received_period FROM dispatch WHERE agreement_id = $1 AND received_period IS NOT NULL ORDER BY 1`,
      [agreementId],
    );
    const manager = this.dataSource.manager;
    return Promise.all(rows.map(async ({ period }) => ({ period, controlTotals: await this.periodTotals(manager, agreementId, period) })));
  }

  /** Whether a month is closed (read under the agreement's lock, so no close slips in between). */
  async isClosed(manager: EntityManager, agreementId: string, period: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM period_close WHERE agreement_id = $1 AND period = $2`, [
      agreementId,
      period,
    ]);
    return rows.length > 0;
  }

  async close(manager: EntityManager, agreementId: string, period: string, closedAt: Date, by: string, totals: ControlTotals) {
    await manager.query(
      `INSERT INTO period_close (agreement_id, period, closed_at, closed_by, control_totals) VALUES ($1, $2, $3, $4, $5)`,
      [agreementId, period, closedAt, by, JSON.stringify(totals)],
    );
  }

  /** Closed months of an agreement with their control totals and settlement; paged. */
  async closes(agreementId: string, page: { limit: number; offset: number }): Promise<{ items: ClosedPeriod[]; total: number }> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM period_close WHERE agreement_id = $1`,
      [agreementId],
    );
    const rows = await this.dataSource.query<ClosedPeriodRow[]>(
      `SELECT c.period, c.closed_at AS "closedAt", c.closed_by AS "closedBy", c.control_totals AS "controlTotals",
              COALESCE(s.status, 'PENDING') AS settlement, s.statement_id AS "statementId", s.proceeds::float8 AS proceeds,
              s.paid_amount::float8 AS "paidAmount"
         FROM period_close c LEFT JOIN period_settlement s USING (agreement_id, period)
        WHERE c.agreement_id = $1 ORDER BY c.period LIMIT $2 OFFSET $3`,
      [agreementId, page.limit, page.offset],
    );
    return { items: rows.map((r) => ({ ...r, closedAt: r.closedAt.toISOString() })), total };
  }

  /** The settlement status of a month, locked until the transaction ends; PENDING before reporting said anything. */
  async lockSettlement(manager: EntityManager, agreementId: string, period: string): Promise<SettlementStatus> {
    const [row] = await manager.query<{ status: SettlementStatus }[]>(
      `SELECT status FROM period_settlement WHERE agreement_id = $1 AND period = $2 FOR UPDATE`,
      [agreementId, period],
    );
    return row?.status ?? 'PENDING';
  }

  /** Consignment's own figures a reported payment is checked against: the month's close, the statement reported issued, the commission. */
  async paymentFacts(
    manager: EntityManager,
    agreementId: string,
    period: string,
  ): Promise<{ closed: ControlTotals | null; issued: { statementId: string; proceeds: number | null } | null; commissionBp: number }> {
    const [row] = await manager.query<
      { closed: ControlTotals | null; statement_id: string | null; proceeds: string | null; commission_bp: number | null }[]
    >(
      `SELECT c.control_totals AS closed, s.statement_id, s.proceeds, a.commission_bp
         FROM (SELECT $1::uuid AS agreement_id, $2::text AS period) k
         LEFT JOIN period_close c ON c.agreement_id = k.agreement_id AND c.period = k.period
         LEFT JOIN period_settlement s ON s.agreement_id = k.agreement_id AND s.period = k.period
         LEFT JOIN agreement a ON a.id = k.agreement_id`,
      [agreementId, period],
    );
    return {
      closed: row.closed,
      issued: row.statement_id ? { statementId: row.statement_id, proceeds: row.proceeds === null ? null : Number(row.proceeds) } : null,
      commissionBp: row.commission_bp ?? 0,
    };
  }

  /** Records what reporting said of a month's statement; figures it did not give are kept. */
  async saveSettlement(
    manager: EntityManager,
    s: {
      agreementId: string;
      period: string;
      statementId: string;
      status: SettlementStatus;
      proceeds: number | null;
      paidAmount: number | null;
      at: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO period_settlement (agreement_id, period, statement_id, status, proceeds, paid_amount, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (agreement_id, period) DO UPDATE SET
         status = EXCLUDED.status,
         proceeds = COALESCE(EXCLUDED.proceeds, period_settlement.proceeds),
         paid_amount = COALESCE(EXCLUDED.paid_amount, period_settlement.paid_amount),
         statement_id = EXCLUDED.statement_id,
         updated_at = greatest(period_settlement.updated_at, EXCLUDED.updated_at)`,
      [s.agreementId, s.period, s.statementId, s.status, s.proceeds, s.paidAmount, s.at],
    );
  }
}
