import { DomainError, notFound, periodOf } from '@titipan/kernel';
import { Controller, Get, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isoWithOffset, PERIOD_FORMAT, PeriodClosed, type Actor } from '@titipan/contracts';
import { Allow, AnyActor, assertMayRead, CurrentActor, UnitOfWork } from '@titipan/platform';
import { DataSource } from 'typeorm';
import { AgreementRepository, type Agreement } from '../agreement/agreement.repository';
import { StockLedger } from '../stock/stock-ledger';

/** Who may close an agreement's month: its venue, its UPT, or an admin. */
function assertMayClose(actor: Actor, agreement: Agreement): void {
  const party =
    (actor.role === 'venue' && actor.scope === agreement.venueCode) || (actor.role === 'upt' && actor.scope === agreement.uptCode);
  if (actor.role !== 'admin' && !party) {
    throw new DomainError('forbidden', 'OUT_OF_SCOPE', `${actor.role} of ${actor.scope} is not a party to agreement ${agreement.id}`, {
      role: actor.role,
      scope: actor.scope,
    });
  }
}

/**
 * Closes a month of an agreement once it has ended in the venue's time zone: from then on no movement
 * may be dated in it, and the close event carries the period's control totals.
 */
@Injectable()
export class PeriodCloseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementRepository,
    private readonly ledger: StockLedger,
    private readonly dataSource: DataSource,
  ) {}

  async close(agreementId: string, period: string, actor: Actor) {
    if (!PERIOD_FORMAT.test(period))
      throw new DomainError('validation', 'VALIDATION_FAILED', 'period must be YYYY-MM', {
        fields: [{ field: 'period', rule: 'matches' }],
      });
    const closedAt = new Date();
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, agreementId);
      assertMayClose(actor, agreement);
      const current = periodOf(closedAt, agreement.timeZone);
      if (period >= current) {
        throw new DomainError('rule', 'PERIOD_NOT_ENDED', `${period} has not ended at ${agreement.venueCode} (it is ${current} there)`, {
          period,
          current,
        });
      }
      const totals = await this.ledger.periodTotals(tx.manager, agreement.id, period);
      if (!(await this.ledger.closePeriod(tx.manager, agreement.id, period, closedAt, actor.id, totals))) {
        throw new DomainError('conflict', 'PERIOD_ALREADY_CLOSED', `${period} is already closed for this agreement`, { period });
      }
      tx.publish(PeriodClosed, { agreementId: agreement.id, period, closedAt: isoWithOffset(closedAt), ...totals });
      return { agreementId: agreement.id, period, closedAt: closedAt.toISOString(), controlTotals: totals };
    });
  }

  /** The ledger's control totals of every month with movements, closed or not: what reconciliation compares. */
  async ledgerTotals(agreementId: string, actor: Actor) {
    const agreement = await this.agreements.find(agreementId);
    if (!agreement) throw notFound('agreement', agreementId);
    assertMayRead(actor, agreement);
    const manager = this.dataSource.manager;
    const periods = await this.ledger.activePeriods(agreementId);
    return Promise.all(
      periods.map(async (period) => ({ period, controlTotals: await this.ledger.periodTotals(manager, agreementId, period) })),
    );
  }

  async list(agreementId: string, actor: Actor) {
    const agreement = await this.agreements.find(agreementId);
    if (!agreement) throw notFound('agreement', agreementId);
    assertMayRead(actor, agreement);
    return this.ledger.closes(agreementId);
  }
}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements/:id/periods')
export class PeriodCloseController {
  constructor(private readonly periods: PeriodCloseService) {}

  @Post(':period/close')
  @Allow('admin', 'venue', 'upt')
  @ApiOperation({ summary: 'Close a month (YYYY-MM, venue time zone) of an agreement; returns its control totals' })
  close(@Param('id', ParseUUIDPipe) id: string, @Param('period') period: string, @CurrentActor() actor: Actor) {
    return this.periods.close(id, period, actor);
  }

  @Get('ledger-totals')
  @AnyActor()
  @ApiOperation({ summary: 'Control totals of every month with movements, from the ledger (open months too), for reconciliation' })
  ledgerTotals(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.periods.ledgerTotals(id, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Closed periods of an agreement with their control totals' })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.periods.list(id, actor);
  }
}
