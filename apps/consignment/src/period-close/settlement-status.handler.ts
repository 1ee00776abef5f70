import { Injectable } from '@nestjs/common';
import { StatementDeposited, StatementIssued, StatementPaid, type EventEnvelope } from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';

const RANK = { ISSUED: 1, PAID: 2, DEPOSITED: 3 } as const;

/** Follows statements on reporting.events, so an agreement shows which of its months are settled. */
@Injectable()
export class SettlementStatusHandler implements EventHandler {
  readonly name = 'settlement-status';
  readonly streams = ['reporting'] as const;
  readonly events = [StatementIssued, StatementPaid, StatementDeposited];

  async handle(event: EventEnvelope<any>, tx: Tx): Promise<void> {
    const status = event.type === StatementIssued.type ? 'ISSUED' : event.type === StatementPaid.type ? 'PAID' : 'DEPOSITED';
    const d = event.data;
    // a status only moves forward, whatever order a replay delivers in
    await tx.manager.query(
      `INSERT INTO period_settlement (agreement_id, period, statement_id, status, proceeds, paid_amount, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (agreement_id, period) DO UPDATE SET
         status = CASE WHEN $8 > (CASE period_settlement.status WHEN 'ISSUED' THEN 1 WHEN 'PAID' THEN 2 ELSE 3 END) THEN EXCLUDED.status ELSE period_settlement.status END,
         proceeds = COALESCE(EXCLUDED.proceeds, period_settlement.proceeds),
         paid_amount = COALESCE(EXCLUDED.paid_amount, period_settlement.paid_amount),
         statement_id = EXCLUDED.statement_id,
         updated_at = greatest(period_settlement.updated_at, EXCLUDED.updated_at)`,
      [d.agreementId, d.period, d.statementId, status, d.proceeds ?? null, d.amount ?? null, event.time, RANK[status]],
    );
  }
}
