import {
  isEvent,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  type EventEnvelope,
} from '@titipan/contracts';

/** The stock-ledger movement kinds, as consignment records them. */
export type MovementKind = 'RECEIVED' | 'RECEIVED_DAMAGED' | 'SOLD' | 'CUSTOMER_RETURN' | 'RETURNED_TO_UPT' | 'ADJUSTMENT';

/**
 * One stock movement read back from an event: the same rows consignment's ledger wrote, so reporting can
 * recompute the control totals of a period close from the events alone.
 */
export interface MovementFact {
  eventId: string;
  period: string;
  productId: string;
  kind: MovementKind;
  /** Signed change of stock at the venue. */
  quantity: number;
  /** Signed value, whole rupiah. */
  amount: number;
  /** Sales only: the signed value at the list price (agreement or catalog price then); above `amount` by the discount. */
  listAmount?: number;
}

/** What a receipt says beyond stock movements: units that never arrived. */
export interface ShortFact {
  eventId: string;
  period: string;
  productId: string;
  quantity: number;
}

export interface SaleLineFact {
  period: string;
  receiptNo: string;
  lineNo: number;
}

export interface EventFacts {
  movements: MovementFact[];
  shorts: ShortFact[];
  saleLines: SaleLineFact[];
  /** Receipt events, counted per period. */
  receipts: { period: string }[];
}

const EMPTY: EventFacts = { movements: [], shorts: [], saleLines: [], receipts: [] };

/** Reads the movements an event of consignment.events stands for; events that move nothing give none. */
export function factsOf(event: EventEnvelope<unknown>): EventFacts {
  const id = event.id;
  if (isEvent(event, ReceiptConfirmed)) {
    const d = event.data;
    const movement = (productId: string, kind: MovementKind, quantity: number, unitPrice: number): MovementFact => ({
      eventId: id,
      period: d.period,
      productId,
      kind,
      quantity,
      amount: quantity * unitPrice,
    });
    return {
      movements: d.lines.flatMap((l) => [
        ...(l.accepted > 0 ? [movement(l.productId, 'RECEIVED', l.accepted, l.unitPrice)] : []),
        ...(l.damaged > 0 ? [movement(l.productId, 'RECEIVED_DAMAGED', l.damaged, l.unitPrice)] : []),
      ]),
      shorts: d.lines.filter((l) => l.short > 0).map((l) => ({ eventId: id, period: d.period, productId: l.productId, quantity: l.short })),
      saleLines: [],
      receipts: [{ period: d.period }],
    };
  }
  if (isEvent(event, SalesRecorded)) {
    const d = event.data;
    return {
      ...EMPTY,
      movements: d.lines.map((l) => ({
        eventId: id,
        period: l.period,
        productId: l.productId,
        kind: 'SOLD' as const,
        quantity: -l.quantity,
        amount: -l.amount,
        listAmount: -l.quantity * l.listPrice,
      })),
      saleLines: d.lines.map((l) => ({ period: l.period, receiptNo: l.receiptNo, lineNo: l.lineNo })),
    };
  }
  if (isEvent(event, SaleReversed)) {
    const d = event.data;
    return {
      ...EMPTY,
      movements: d.lots.map((l) => ({
        eventId: id,
        period: d.period,
        productId: l.productId,
        kind: 'CUSTOMER_RETURN' as const,
        quantity: l.quantity,
        amount: l.quantity * l.unitPrice,
      })),
    };
  }
  if (isEvent(event, ReturnShipped)) {
    const d = event.data;
    return {
      ...EMPTY,
      movements: d.lines.map((l) => ({
        eventId: id,
        period: d.period,
        productId: l.productId,
        kind: 'RETURNED_TO_UPT' as const,
        quantity: -l.quantity,
        amount: -l.quantity * l.unitPrice,
      })),
    };
  }
  if (isEvent(event, StockAdjusted)) {
    const d = event.data;
    return {
      ...EMPTY,
      movements: d.lines.map((l) => ({
        eventId: id,
        period: d.period,
        productId: l.productId,
        kind: 'ADJUSTMENT' as const,
        quantity: l.variance,
        amount: l.variance * l.unitPrice,
      })),
    };
  }
  return EMPTY;
}

/** The periods an event contributes to (a batch of sales may straddle a month end). */
export function periodsOf(facts: EventFacts): string[] {
  return [
    ...new Set([...facts.movements.map((m) => m.period), ...facts.shorts.map((s) => s.period), ...facts.receipts.map((r) => r.period)]),
  ];
}
