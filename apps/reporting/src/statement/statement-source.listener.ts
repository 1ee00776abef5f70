import { Ctx, Payload } from '@nestjs/microservices';
import {
  isEvent,
  AgreementActivated,
  AgreementTerminated,
  PeriodClosed,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  VenueRegistered,
  type EventEnvelope,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext, type PayloadOf } from '@titipan/platform';
import { agreementIdOf } from '../domain/events';
import { factsOf, periodsOf } from './domain/movement-facts';
import { SourceEventsStore } from './source-events.store';
import { StatementService } from './statement.service';

const STATEMENT_SOURCE_EVENTS = [
  VenueRegistered,
  AgreementActivated,
  AgreementTerminated,
  ReceiptConfirmed,
  SalesRecorded,
  SaleReversed,
  ReturnShipped,
  StockAdjusted,
  PeriodClosed,
] as const;

const MOVEMENT_EVENTS = new Set([ReceiptConfirmed.type, SalesRecorded.type, SaleReversed.type, ReturnShipped.type, StockAdjusted.type]);

/**
 * Keeps what statements are computed from: every stock-moving consignment event, stored once with the
 * periods it touches, the agreement and venue dimensions, and period closes (which try to issue).
 * Batches of events are stored with one insert.
 */
@EventGroup({ name: 'statement-source', streams: ['consignment'] })
export class StatementSourceListener {
  constructor(
    private readonly sources: SourceEventsStore,
    private readonly statements: StatementService,
  ) {}

  @EventPattern(STATEMENT_SOURCE_EVENTS, { batch: true })
  async apply(
    @Payload() events: EventEnvelope<PayloadOf<(typeof STATEMENT_SOURCE_EVENTS)[number]>>[],
    @Ctx() { tx }: EventContext,
  ): Promise<void> {
    // movements first, in one insert; events of one agreement arrive in order, so a close comes after its movements
    const movements = events.filter((e) => MOVEMENT_EVENTS.has(e.type));
    await this.sources.append(
      tx.manager,
      movements.map((event) => ({ event, agreementId: agreementIdOf(event)!, periods: periodsOf(factsOf(event)) })),
    );
    for (const event of events) {
      if (isEvent(event, VenueRegistered)) await this.sources.upsertVenue(tx.manager, event.data);
      else if (isEvent(event, AgreementActivated)) await this.sources.upsertAgreement(tx.manager, event.data);
      else if (isEvent(event, AgreementTerminated)) await this.sources.terminateAgreement(tx.manager, event.data.agreementId);
      else if (isEvent(event, PeriodClosed)) {
        const { agreementId, period, closedAt, ...controlTotals } = event.data;
        await this.sources.recordClose(tx.manager, { agreementId, period, eventId: event.id, closedAt, controlTotals });
        await this.statements.tryIssue(tx, agreementId, period, event);
      }
    }
  }
}
