import { localDate } from '@titipan/kernel';
import {
  isEvent,
  DispatchCreated,
  ReceiptConfirmed,
  ReturnShipped,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
  type EventDays,
  type EventEnvelope,
} from '@titipan/contracts';
import { periodOfDay } from '../../statement/domain/period';

/** Changes a batch of consignment events makes to the read models, summed per key. */
export interface ProjectionDeltas {
  stock: Map<string, { agreementId: string; productId: string; lotCode: string; expiryDate: string | null; quantity: number }>;
  daily: Map<string, { day: string; agreementId: string; productId: string; quantity: number; amount: number }>;
  monthly: Map<string, MonthlyDelta>;
}

/** What the projections need of an agreement: its venue's time zone and, for an exhibition's, its event's days. */
export interface AgreementCalendar {
  timeZone: string;
  eventDays: EventDays | null;
}

export interface MonthlyDelta {
  period: string;
  agreementId: string;
  productId: string;
  dispatched: number;
  received: number;
  damaged: number;
  short: number;
  sold: number;
  grossSales: number;
  customerReturns: number;
  returnsValue: number;
}

const localDay = (iso: string, timeZone: string) => localDate(new Date(iso), timeZone);

/**
 * Folds events into deltas. `calendarOf` gives an agreement's venue time zone (days and months are the
 * venue's) and event days (an exhibition's movements are all in its event period). Pure, so a replay of the same
 * events gives the same read models.
 */
export function projectionDeltas(
  events: EventEnvelope<unknown>[],
  calendarOf: (agreementId: string) => AgreementCalendar | undefined,
): ProjectionDeltas {
  const deltas: ProjectionDeltas = { stock: new Map(), daily: new Map(), monthly: new Map() };
  const stock = (agreementId: string, productId: string, lotCode: string, expiryDate: string | null, quantity: number) => {
    const key = `${agreementId}|${productId}|${lotCode}`;
    const d = deltas.stock.get(key) ?? { agreementId, productId, lotCode, expiryDate, quantity: 0 };
    d.quantity += quantity;
    d.expiryDate ??= expiryDate;
    deltas.stock.set(key, d);
  };
  const daily = (day: string, agreementId: string, productId: string, quantity: number, amount: number) => {
    const key = `${day}|${agreementId}|${productId}`;
    const d = deltas.daily.get(key) ?? { day, agreementId, productId, quantity: 0, amount: 0 };
    d.quantity += quantity;
    d.amount += amount;
    deltas.daily.set(key, d);
  };
  const monthly = (
    period: string,
    agreementId: string,
    productId: string,
    change: Partial<Omit<MonthlyDelta, 'period' | 'agreementId' | 'productId'>>,
  ) => {
    const key = `${period}|${agreementId}|${productId}`;
    const d = deltas.monthly.get(key) ?? {
      period,
      agreementId,
      productId,
      dispatched: 0,
      received: 0,
      damaged: 0,
      short: 0,
      sold: 0,
      grossSales: 0,
      customerReturns: 0,
      returnsValue: 0,
    };
    for (const [k, v] of Object.entries(change) as [keyof typeof change, number][]) d[k] += v;
    deltas.monthly.set(key, d);
  };

  // days and months are the venue's; an agreement not known yet counts in WIB
  const zoneOf = (agreementId: string) => calendarOf(agreementId)?.timeZone ?? 'Asia/Jakarta';
  for (const event of events) {
    if (isEvent(event, DispatchCreated)) {
      const d = event.data;
      const period = periodOfDay(localDay(d.dispatchedAt, zoneOf(d.agreementId)), calendarOf(d.agreementId)?.eventDays);
      for (const l of d.lines) monthly(period, d.agreementId, l.productId, { dispatched: l.quantity });
    } else if (isEvent(event, ReceiptConfirmed)) {
      const d = event.data;
      for (const l of d.lines) {
        if (l.accepted + l.damaged > 0) stock(d.agreementId, l.productId, l.lotCode, l.expiryDate, l.accepted + l.damaged);
        monthly(d.period, d.agreementId, l.productId, { received: l.accepted + l.damaged, damaged: l.damaged, short: l.short });
      }
    } else if (isEvent(event, SalesRecorded)) {
      const d = event.data;
      const tz = zoneOf(d.agreementId);
      for (const l of d.lines) {
        stock(d.agreementId, l.productId, l.lotCode, null, -l.quantity);
        daily(localDay(l.soldAt, tz), d.agreementId, l.productId, l.quantity, l.amount);
        monthly(l.period, d.agreementId, l.productId, { sold: l.quantity, grossSales: l.amount });
      }
    } else if (isEvent(event, SaleReversed)) {
      const d = event.data;
      const day = localDay(d.returnedAt, zoneOf(d.agreementId));
      for (const l of d.lots) {
        stock(d.agreementId, l.productId, l.lotCode, l.expiryDate, l.quantity);
        daily(day, d.agreementId, l.productId, -l.quantity, -l.quantity * l.unitPrice);
        monthly(d.period, d.agreementId, l.productId, { customerReturns: l.quantity, returnsValue: l.quantity * l.unitPrice });
      }
    } else if (isEvent(event, ReturnShipped)) {
      const d = event.data;
      for (const l of d.lines) stock(d.agreementId, l.productId, l.lotCode, l.expiryDate, -l.quantity);
    } else if (isEvent(event, StockAdjusted)) {
      const d = event.data;
      for (const l of d.lines) stock(d.agreementId, l.productId, l.lotCode, l.expiryDate, l.variance);
    }
  }
  return deltas;
}

/** What the national rollup per month and product gains from a batch: the monthly deltas summed over agreements. */
export interface NationalDelta {
  period: string;
  productId: string;
  received: number;
  sold: number;
  grossSales: number;
  returnsValue: number;
}

export function nationalDeltas(deltas: ProjectionDeltas): Map<string, NationalDelta> {
  const national = new Map<string, NationalDelta>();
  for (const m of deltas.monthly.values()) {
    const key = `${m.period}|${m.productId}`;
    const n = national.get(key) ?? { period: m.period, productId: m.productId, received: 0, sold: 0, grossSales: 0, returnsValue: 0 };
    n.received += m.received;
    n.sold += m.sold;
    n.grossSales += m.grossSales;
    n.returnsValue += m.returnsValue;
    national.set(key, n);
  }
  return national;
}
