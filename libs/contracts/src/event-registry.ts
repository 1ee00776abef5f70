import { definitionKey, type EventDefinition } from './event-definition';
import {
  KanwilRegistered,
  PersonChanged,
  ProductApproved,
  ProductDiscontinued,
  ProductPriceChanged,
  ProductReinstated,
  ProductRejected,
  ProductSubmitted,
  ProductSuspended,
  UptRegistered,
} from './catalog';
import {
  AgreementActivated,
  AgreementTerminated,
  DispatchCancelled,
  DispatchCreated,
  ExhibitionCreated,
  ReceiptConfirmed,
  LotNearExpiry,
  PeriodClosed,
  ReturnReceived,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  VenueRegistered,
} from './consignment';
import { StatementDeposited, StatementIssued, StatementPaid } from './reporting';

/** Every event type the system knows, at every version still published or stored. */
export const ALL_EVENTS: readonly EventDefinition[] = [
  KanwilRegistered,
  UptRegistered,
  ProductSubmitted,
  ProductApproved,
  ProductRejected,
  ProductSuspended,
  ProductReinstated,
  ProductDiscontinued,
  ProductPriceChanged,
  PersonChanged,
  VenueRegistered,
  AgreementActivated,
  AgreementTerminated,
  DispatchCreated,
  DispatchCancelled,
  ReceiptConfirmed,
  SalesRecorded,
  SaleReversed,
  ReturnShipped,
  ReturnReceived,
  StockAdjusted,
  PeriodClosed,
  LotNearExpiry,
  ExhibitionCreated,
  StatementIssued,
  StatementPaid,
  StatementDeposited,
];

export class EventRegistry {
  private readonly byKey = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = ALL_EVENTS) {
    for (const d of definitions) {
      const key = definitionKey(d.type, d.version);
      if (this.byKey.has(key)) throw new Error(`event ${key} is defined twice`);
      this.byKey.set(key, d);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(definitionKey(type, version));
  }

  all(): EventDefinition[] {
    return [...this.byKey.values()];
  }
}
