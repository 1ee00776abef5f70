import { Injectable } from '@nestjs/common';
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
import type { EventHandler, Tx } from '@titipan/platform';
import { agreementIdOf } from '../domain/events';
import { factsOf, periodsOf } from './domain/movement-facts';
import { SourceEventsStore } from './source-events.store';
import { StatementService } from './statement.service';

const MOVEMENT_EVENTS = new Set([ReceiptConfirmed.type, SalesRecorded.type, SaleReversed.type, ReturnShipped.type, StockAdjusted.type]);

/**
 * Keeps what statements are computed from: every stock-moving consignment event, stored once with the
 * periods it touches, the agreement and venue dimensions, and period closes (which try to issue).
 * Batches of events are stored with one insert.
 */
@Injectable()
export class StatementSourceListener implements EventHandler {
  readonly name = 'statement-source';
  readonly streams = ['consignment'] as const;
  readonly events = [
    VenueRegistered,
    AgreementActivated,
    AgreementTerminated,
    ReceiptConfirmed,
    SalesRecorded,
    SaleReversed,
    ReturnShipped,
    StockAdjusted,
    PeriodClosed,
  ];

  constructor(
    private readonly sources: SourceEventsStore,
    private readonly statements: StatementService,
  ) {}

  handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void> {
    return this.handleBatch([event], tx);
  }

  async handleBatch(events: EventEnvelope<unknown>[], tx: Tx): Promise<void> {
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
