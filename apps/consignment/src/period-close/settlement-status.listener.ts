import { Injectable } from '@nestjs/common';
import {
  StatementDeposited,
  StatementIssued,
  StatementPaid,
  type EventEnvelope,
  type StatementDepositedV1,
  type StatementIssuedV1,
  type StatementPaidV1,
} from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { nextSettlementStatus, type SettlementCandidate } from './domain/settlement-rules';
import { PeriodCloseStore } from './period-close.store';

type StatementEvent = StatementIssuedV1 | StatementPaidV1 | StatementDepositedV1;

const REPORTED: Record<string, SettlementCandidate['reported']> = {
  [StatementIssued.type]: 'ISSUED',
  [StatementPaid.type]: 'PAID',
  [StatementDeposited.type]: 'DEPOSITED',
};

/** Follows statements on reporting.events, so an agreement shows which of its months are settled. */
@Injectable()
export class SettlementStatusListener implements EventHandler {
  readonly name = 'settlement-status';
  readonly streams = ['reporting'] as const;
  readonly events = [StatementIssued, StatementPaid, StatementDeposited];

  constructor(private readonly periods: PeriodCloseStore) {}

  async handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void> {
    const d = event.data as StatementEvent;
    const current = await this.periods.lockSettlement(tx.manager, d.agreementId, d.period);
    await this.periods.saveSettlement(tx.manager, {
      agreementId: d.agreementId,
      period: d.period,
      statementId: d.statementId,
      status: nextSettlementStatus({ current, reported: REPORTED[event.type] }),
      proceeds: 'proceeds' in d ? d.proceeds : null,
      paidAmount: 'amount' in d ? d.amount : null,
      at: event.time,
    });
  }
}
