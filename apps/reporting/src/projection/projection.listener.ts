import { Injectable } from '@nestjs/common';
import {
  AgreementActivated,
  DispatchCreated,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  VenueRegistered,
  type EventEnvelope,
} from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { SourceEventsStore } from '../statement/source-events.store';
import { projectionDeltas } from './domain/projection-deltas';
import { PROJECTIONS } from './domain/read-models';
import { ProjectionStore } from './projection.store';

/** Stock on hand, daily sales and monthly product figures from consignment.events, a batch at a time. */
@Injectable()
export class ProjectionListener implements EventHandler {
  readonly name = PROJECTIONS;
  readonly streams = ['consignment'] as const;
  readonly events = [
    VenueRegistered,
    AgreementActivated,
    DispatchCreated,
    ReceiptConfirmed,
    SalesRecorded,
    SaleReversed,
    ReturnShipped,
    StockAdjusted,
  ];

  constructor(
    private readonly store: ProjectionStore,
    private readonly dims: SourceEventsStore,
  ) {}

  handle(event: EventEnvelope<any>, tx: Tx): Promise<void> {
    return this.handleBatch([event], tx);
  }

  async handleBatch(events: EventEnvelope<any>[], tx: Tx): Promise<void> {
    // dimensions first: this consumer group may run ahead of the statement one
    for (const e of events) {
      if (e.type === VenueRegistered.type) await this.dims.upsertVenue(tx.manager, e.data);
      if (e.type === AgreementActivated.type) await this.dims.upsertAgreement(tx.manager, e.data);
    }
    const zones = await this.store.timeZones(tx.manager, [...new Set(events.map((e) => e.data.agreementId).filter(Boolean))]);
    await this.store.apply(
      tx.manager,
      projectionDeltas(events, (id) => zones.get(id)),
    );
    const newest = events.reduce((a, b) => (a.time >= b.time ? a : b));
    await this.store.touch(tx.manager, PROJECTIONS, newest.id, newest.time);
  }
}
