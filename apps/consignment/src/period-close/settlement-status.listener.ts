import { Ctx, Payload } from '@nestjs/microservices';
import {
  isEvent,
  StatementDeposited,
  StatementIssued,
  StatementPaid,
  type EventEnvelope,
  type StatementDepositedV1,
  type StatementIssuedV1,
  type StatementPaidV1,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext } from '@titipan/platform';
import { refuse } from '@titipan/kernel';
import { nextSettlementStatus, paymentRefusal, type PaymentRefusalCode, type SettlementCandidate } from './domain/settlement-rules';
import { PeriodCloseStore } from './period-close.store';

const REPORTED: Record<string, SettlementCandidate['reported']> = {
  [StatementIssued.type]: 'ISSUED',
  [StatementPaid.type]: 'PAID',
  [StatementDeposited.type]: 'DEPOSITED',
};

const PAYMENT_REFUSAL_KINDS: Record<PaymentRefusalCode, 'rule'> = {
  PAYMENT_MONTH_NOT_CLOSED: 'rule',
  PAYMENT_STATEMENT_NOT_ISSUED: 'rule',
  PAYMENT_AMOUNT_MISMATCH: 'rule',
  PAYMENT_BELOW_CLOSED_SALES: 'rule',
};

/** Follows statements on reporting.events, so an agreement shows which of its months are settled. */
@EventGroup({ name: 'settlement-status', streams: ['reporting'] })
export class SettlementStatusListener {
  constructor(private readonly periods: PeriodCloseStore) {}

  @EventPattern([StatementIssued, StatementPaid, StatementDeposited])
  async statementChanged(
    @Payload() event: EventEnvelope<StatementIssuedV1 | StatementPaidV1 | StatementDepositedV1>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const d = event.data;
    // a payment must match consignment's own figures of the month; a refusal is lasting, so the transport dead-letters it
    if (isEvent(event, StatementPaid)) {
      const facts = await this.periods.paymentFacts(ctx.tx.manager, d.agreementId, d.period);
      const refusal = paymentRefusal({ statementId: d.statementId, amount: event.data.amount, ...facts });
      if (refusal) refuse(refusal, PAYMENT_REFUSAL_KINDS);
    }
    const current = await this.periods.lockSettlement(ctx.tx.manager, d.agreementId, d.period);
    await this.periods.saveSettlement(ctx.tx.manager, {
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
