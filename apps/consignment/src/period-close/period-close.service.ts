import { DomainError, notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, PeriodClosed, tryParsePeriod, type Actor } from '@titipan/contracts';
import { assertMayRead, UnitOfWork, type Page, type PageQueryDto } from '@titipan/platform';
import { AgreementStore } from '../agreement/agreement.store';
import { PERIOD_CLOSE_REFUSAL_KIND, periodCloseRefusal } from './domain/close-rules';
import type { ClosedPeriod, ControlTotals } from './domain/period-close';
import { PeriodCloseStore } from './period-close.store';

/**
 * Closes a period of an agreement (a month, or an exhibition's event period) once it has ended in the venue's
 * time zone: from then on no movement may be dated in it, and the close event carries the period's control totals.
 */
@Injectable()
export class PeriodCloseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly periods: PeriodCloseStore,
  ) {}

  async close(agreementId: string, period: string, actor: Actor, closedAt = new Date()) {
    if (!tryParsePeriod(period))
      throw new DomainError('validation', 'VALIDATION_FAILED', 'period must be YYYY-MM or YYYY-MM-DD..YYYY-MM-DD', {
        fields: [{ field: 'period', rule: 'matches' }],
      });
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, agreementId);
      const refusal = periodCloseRefusal({
        actor,
        agreement,
        period,
        now: closedAt,
        alreadyClosed: await this.periods.isClosed(tx.manager, agreement.id, period),
      });
      if (refusal) refuse(refusal, PERIOD_CLOSE_REFUSAL_KIND);
      const totals = await this.periods.periodTotals(tx.manager, agreement.id, period);
      await this.periods.close(tx.manager, agreement.id, period, closedAt, actor.id, totals);
      tx.publish(PeriodClosed, { agreementId: agreement.id, period, closedAt: isoWithOffset(closedAt), ...totals });
      return { agreementId: agreement.id, period, closedAt: closedAt.toISOString(), controlTotals: totals };
    });
  }

  /** The ledger's control totals of every month with movements, closed or not: what reconciliation compares. */
  async ledgerTotals(agreementId: string, actor: Actor): Promise<{ period: string; controlTotals: ControlTotals }[]> {
    await this.readable(agreementId, actor);
    return this.periods.ledgerTotals(agreementId);
  }

  /** Closed months of an agreement; paged. */
  async list(agreementId: string, page: PageQueryDto, actor: Actor): Promise<Page<ClosedPeriod>> {
    await this.readable(agreementId, actor);
    const { items, total } = await this.periods.closes(agreementId, page);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** Refuses an unknown agreement (404) or one outside the caller's read scope (403). */
  private async readable(agreementId: string, actor: Actor): Promise<void> {
    const agreement = await this.agreements.find(agreementId);
    if (!agreement) throw notFound('agreement', agreementId);
    assertMayRead(actor, agreement);
  }
}
