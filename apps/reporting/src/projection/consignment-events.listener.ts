import { DomainError } from '@titipan/kernel';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  isEvent,
  AgreementActivated,
  AgreementTerminated,
  DispatchCreated,
  ExhibitionCreated,
  PeriodClosed,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  VenueRegistered,
  type EventEnvelope,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext, type PayloadOf, type Tx } from '@titipan/platform';
import { refusedArrivals } from '../domain/arrival-rules';
import { agreementIdOf } from '../domain/events';
import { factsOf, periodsOf } from '../statement/domain/movement-facts';
import { SourceEventsStore } from '../statement/source-events.store';
import { StatementService } from '../statement/statement.service';
import type { EntityManager } from 'typeorm';
import { CarryOverStore, type CarriedPart } from './carry-over.store';
import { projectionDeltas, type AgreementCalendar } from './domain/projection-deltas';
import { CONSIGNMENT_READER, PROJECTIONS } from './domain/read-models';
import { ProjectionStore } from './projection.store';

/** Every consignment event reporting applies: to the read models, to the statement sources, or both. */
export const CONSIGNMENT_EVENTS = [
  VenueRegistered,
  AgreementActivated,
  AgreementTerminated,
  DispatchCreated,
  ExhibitionCreated,
  ReceiptConfirmed,
  SalesRecorded,
  SaleReversed,
  ReturnShipped,
  StockAdjusted,
  PeriodClosed,
] as const;

type ConsignmentEvent = EventEnvelope<PayloadOf<(typeof CONSIGNMENT_EVENTS)[number]>>;

/** The events statements are computed from, stored once with the periods they touch. */
const MOVEMENT_EVENTS = new Set<string>([
  ReceiptConfirmed.type,
  SalesRecorded.type,
  SaleReversed.type,
  ReturnShipped.type,
  StockAdjusted.type,
]);

/**
 * The one reader of consignment.events in reporting (decision 0027): a batch applies the dimensions, the read models
 * (stock on hand, daily sales, monthly product figures) and the statement sources (stock-moving events by period,
 * period closes, which try to issue) in the transaction that claims it in the inbox.
 */
@EventGroup({ name: CONSIGNMENT_READER, streams: ['consignment'] })
export class ConsignmentEventsListener {
  constructor(
    private readonly projections: ProjectionStore,
    private readonly sources: SourceEventsStore,
    private readonly statements: StatementService,
    private readonly carryOver: CarryOverStore,
  ) {}

  @EventPattern(CONSIGNMENT_EVENTS, { batch: true })
  apply(@Payload() events: ConsignmentEvent[], @Ctx() ctx: EventContext): Promise<void> {
    return this.applyBatch(events, ctx.tx);
  }

  async applyBatch(events: EventEnvelope<unknown>[], tx: Tx): Promise<void> {
    const manager = tx.manager;
    const calendars = await this.sources.calendars(manager, agreementIdsOf(events));
    // a refused event fails the batch: the transport then applies it event by event and dead-letters this one alone
    const refused = refusedArrivals(events, (id) => calendars.has(id));
    if (refused.length > 0) {
      const [first] = refused;
      throw new DomainError('rule', first.code, first.message, { ...first.details, refused: refused.length });
    }
    // the old readers' progress at the merge: an event one of them applied gets only the other part here
    const carried = await this.carryOver.parts(
      manager,
      events.map((e) => e.id),
    );
    await applyConsignmentEvents(manager, events, calendars, {
      projections: this.projections,
      sources: this.sources,
      carried,
      // a close tries to issue live, never in a replay: statements are records, issued once
      closed: (agreementId, period, event) => this.statements.tryIssue(tx, agreementId, period, event),
    });
    const newest = events.reduce((a, b) => (a.time >= b.time ? a : b));
    await this.projections.touch(manager, PROJECTIONS, newest.id, newest.time);
  }
}

/** The agreements a batch names. */
export function agreementIdsOf(events: EventEnvelope<unknown>[]): string[] {
  return [...new Set(events.map(agreementIdOf).filter((id) => id !== undefined))];
}

/** Where a batch goes: the live tables (with the old readers' carry-over and issuing) or a replay's fresh copies. */
export interface ConsignmentEventTargets {
  projections: ProjectionStore;
  sources: SourceEventsStore;
  carried?: Map<string, CarriedPart>;
  closed?: (agreementId: string, period: string, event: EventEnvelope<unknown>) => Promise<void>;
}

/**
 * Applies a batch the arrival rules passed to the dimensions, the read models and the statement sources; the live
 * reader and the replay both apply through here, so a replay rebuilds exactly what the reader built.
 */
export async function applyConsignmentEvents(
  manager: EntityManager,
  events: EventEnvelope<unknown>[],
  calendars: Map<string, AgreementCalendar>,
  to: ConsignmentEventTargets,
): Promise<void> {
  const carried = to.carried ?? new Map<string, CarriedPart>();
  // dimensions first: the projections read the venue's time zone and an exhibition's days, statements the agreement's terms
  for (const e of events) {
    if (carried.has(e.id)) continue;
    if (isEvent(e, VenueRegistered)) await to.sources.upsertVenue(manager, e.data);
    else if (isEvent(e, AgreementActivated)) {
      await to.sources.upsertAgreement(manager, e.data);
      calendars.set(e.data.agreementId, { timeZone: e.data.timeZone, eventDays: e.data.eventPeriod ?? null });
    } else if (isEvent(e, AgreementTerminated)) await to.sources.terminateAgreement(manager, e.data.agreementId);
    else if (isEvent(e, ExhibitionCreated)) await to.sources.upsertExhibition(manager, e.data);
  }
  await to.projections.apply(
    manager,
    projectionDeltas(
      events.filter((e) => carried.get(e.id) !== 'projections'),
      (id) => calendars.get(id),
    ),
  );
  const sourceEvents = events.filter((e) => carried.get(e.id) !== 'statement-sources');
  await to.sources.append(
    manager,
    sourceEvents
      .filter((e) => MOVEMENT_EVENTS.has(e.type))
      .map((event) => ({ event, agreementId: agreementIdOf(event)!, periods: periodsOf(factsOf(event)) })),
  );
  // closes after the movements: events of one agreement arrive in order, so a close comes after its movements
  for (const event of sourceEvents) {
    if (!isEvent(event, PeriodClosed)) continue;
    const { agreementId, period, closedAt, ...controlTotals } = event.data;
    await to.sources.recordClose(manager, { agreementId, period, eventId: event.id, closedAt, controlTotals });
    await to.closed?.(agreementId, period, event);
  }
}
