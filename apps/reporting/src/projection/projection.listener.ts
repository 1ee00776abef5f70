import { Ctx, Payload } from '@nestjs/microservices';
import {
  isEvent,
  AgreementActivated,
  DispatchCreated,
  ExhibitionCreated,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  VenueRegistered,
  type EventEnvelope,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext, type PayloadOf, type Tx } from '@titipan/platform';
import { agreementIdOf } from '../domain/events';
import { SourceEventsStore } from '../statement/source-events.store';
import { projectionDeltas } from './domain/projection-deltas';
import { PROJECTIONS } from './domain/read-models';
import { ProjectionStore } from './projection.store';

/** The events the projections apply (replay reads the same list). */
const PROJECTION_EVENTS = [
  VenueRegistered,
  AgreementActivated,
  DispatchCreated,
  ExhibitionCreated,
  ReceiptConfirmed,
  SalesRecorded,
  SaleReversed,
  ReturnShipped,
  StockAdjusted,
] as const;

type ProjectionEvent = EventEnvelope<PayloadOf<(typeof PROJECTION_EVENTS)[number]>>;

/** Stock on hand, daily sales and monthly product figures from consignment.events, a batch at a time. */
@EventGroup({ name: PROJECTIONS, streams: ['consignment'] })
export class ProjectionListener {
  readonly events = PROJECTION_EVENTS;

  constructor(
    private readonly store: ProjectionStore,
    private readonly dims: SourceEventsStore,
  ) {}

  @EventPattern(PROJECTION_EVENTS, { batch: true })
  apply(@Payload() events: ProjectionEvent[], @Ctx() ctx: EventContext): Promise<void> {
    return this.applyBatch(events, ctx.tx);
  }

  async applyBatch(events: EventEnvelope<unknown>[], tx: Tx): Promise<void> {
    // dimensions first: this consumer group may run ahead of the statement one
    for (const e of events) {
      if (isEvent(e, VenueRegistered)) await this.dims.upsertVenue(tx.manager, e.data);
      if (isEvent(e, AgreementActivated)) await this.dims.upsertAgreement(tx.manager, e.data);
      if (isEvent(e, ExhibitionCreated)) await this.dims.upsertExhibition(tx.manager, e.data);
    }
    const agreementIds = new Set(events.map(agreementIdOf).filter((id) => id !== undefined));
    const calendars = await this.store.calendars(tx.manager, [...agreementIds]);
    await this.store.apply(
      tx.manager,
      projectionDeltas(events, (id) => calendars.get(id)),
    );
    const newest = events.reduce((a, b) => (a.time >= b.time ? a : b));
    await this.store.touch(tx.manager, PROJECTIONS, newest.id, newest.time);
  }
}
