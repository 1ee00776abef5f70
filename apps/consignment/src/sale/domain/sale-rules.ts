import { firstRefusal, localDate, type Refusal, type Rule, type ErrorKind } from '@titipan/kernel';
import { isWithinValidity, outsideValidityMessage, settlementPeriodOf, type Agreement } from '../../agreement/domain/agreement';
import { DISCOUNT_REASONS, eventPeriod } from '@titipan/contracts';
import { listPriceAt, priceUnknownFigures, type PricePoint } from '../../agreement/domain/list-price';
import type { ReplicaProduct } from '../../product-replica/domain/product';
import { productRefusal, type ProductRefusalCode } from '../../product-replica/domain/product-rules';
import { CLOCK_SKEW_MS } from '../../stock/domain/document-time';
import { allocate, isExpired, type Allocation, type SellableLot } from '../../stock/domain/fefo';
import { isResentSale, withoutVenue, type RecordedSaleLine, type SaleLineInput } from './sale-line';

/** Every reason a sale line is refused. */
export type SaleRefusalCode =
  | 'SALE_LINE_CONFLICT'
  | ProductRefusalCode
  | 'AGREEMENT_INACTIVE'
  | 'SALE_IN_FUTURE'
  | 'OUTSIDE_EVENT_PERIOD'
  | 'PERIOD_CLOSED'
  | 'PRICE_UNKNOWN'
  | 'PRICE_ABOVE_LIST'
  | 'DISCOUNT_ABOVE_LIMIT'
  | 'DISCOUNT_REASON_REQUIRED'
  | 'INSUFFICIENT_STOCK'
  | 'LOT_EXPIRED'
  | 'LOT_UNKNOWN';

export type SaleRefusal = Refusal<SaleRefusalCode> & { details: Record<string, unknown> };

/** How a single sale's refusal is answered: a conflict with the state of things (409) or a broken rule (422). */
export const SALE_REFUSAL_KIND: Record<SaleRefusalCode, ErrorKind> = {
  SALE_LINE_CONFLICT: 'conflict',
  PRODUCT_UNKNOWN: 'rule',
  PRODUCT_OF_OTHER_UPT: 'rule',
  PRODUCT_SUSPENDED: 'rule',
  PRODUCT_DISCONTINUED: 'rule',
  PRODUCT_NOT_CONSIGNABLE: 'rule',
  AGREEMENT_INACTIVE: 'rule',
  SALE_IN_FUTURE: 'rule',
  OUTSIDE_EVENT_PERIOD: 'rule',
  PERIOD_CLOSED: 'conflict',
  PRICE_UNKNOWN: 'rule',
  PRICE_ABOVE_LIST: 'rule',
  DISCOUNT_ABOVE_LIMIT: 'rule',
  DISCOUNT_REASON_REQUIRED: 'rule',
  INSUFFICIENT_STOCK: 'conflict',
  LOT_EXPIRED: 'rule',
  LOT_UNKNOWN: 'rule',
};

/** Everything a sale line is judged on. */
export interface SaleCandidate {
  line: SaleLineInput;
  venueCode: string;
  now: Date;
  /** The line recorded earlier under the same receipt number and line, if any (a resend was answered before). */
  recorded: RecordedSaleLine | undefined;
  product: ReplicaProduct | undefined;
  /** The venue's active agreement with the product's UPT. */
  agreement: Agreement | undefined;
  /** Closed periods of that agreement among the ones the upload's lines fall in. */
  closedPeriods: readonly string[];
  /** Catalog prices of the product, oldest first. */
  priceHistory: PricePoint[] | undefined;
  /** Sellable lots of the product under the agreement, with what earlier lines of the upload already took. */
  lots: SellableLot[];
}

/** A line that passed every rule: where it falls, what it goes for and the lots it takes. */
export interface AcceptedSale {
  agreement: Agreement;
  soldAt: Date;
  period: string;
  listPrice: number;
  unitPrice: number;
  allocations: Allocation[];
}

export type SaleDecision = { accepted: false; refusal: SaleRefusal } | ({ accepted: true } & AcceptedSale);

// Figures the rules share; each rule runs only once the rules before it hold (a known product, an agreement, a price).
const soldAtOf = (c: SaleCandidate) => new Date(c.line.soldAt);
const dayOf = (c: SaleCandidate) => localDate(soldAtOf(c), c.agreement!.timeZone);
const periodOfSale = (c: SaleCandidate) => settlementPeriodOf(c.agreement!, soldAtOf(c));
const listPriceOf = (c: SaleCandidate) => listPriceAt(c.agreement!, c.line.productId, c.priceHistory, soldAtOf(c));
const unitPriceOf = (c: SaleCandidate) => c.line.unitPrice ?? listPriceOf(c)!;
const allocationOf = (c: SaleCandidate) => allocate(c.lots, c.line.quantity, dayOf(c), c.line.lotCode);

type SaleRule = Rule<SaleCandidate, SaleRefusalCode>;

export const notRecordedWithOtherContent: SaleRule = (c) =>
  c.recorded && !isResentSale(c.line, c.recorded, c.venueCode)
    ? {
        code: 'SALE_LINE_CONFLICT',
        message: `receipt ${c.line.receiptNo} line ${c.line.lineNo} was already recorded with other content`,
        details: { recorded: withoutVenue(c.recorded) },
      }
    : undefined;

export const productSellable: SaleRule = (c) => {
  const refusal = productRefusal({ productId: c.line.productId, product: c.product, uptCode: c.product?.uptCode ?? '' });
  return refusal && { ...refusal, details: { productId: c.line.productId } };
};

export const agreementActive: SaleRule = (c) =>
  c.agreement
    ? undefined
    : {
        code: 'AGREEMENT_INACTIVE',
        message: `${c.venueCode} has no active agreement with ${c.product!.uptCode}`,
        details: { uptCode: c.product!.uptCode },
      };

export const notInFuture: SaleRule = (c) =>
  soldAtOf(c).getTime() > c.now.getTime() + CLOCK_SKEW_MS
    ? {
        code: 'SALE_IN_FUTURE',
        message: `soldAt ${c.line.soldAt} is in the future`,
        details: { soldAt: c.line.soldAt, now: c.now.toISOString() },
      }
    : undefined;

export const withinValidity: SaleRule = (c) => {
  const day = dayOf(c);
  return isWithinValidity(c.agreement!, day)
    ? undefined
    : {
        code: 'AGREEMENT_INACTIVE',
        message: outsideValidityMessage(c.agreement!, day),
        details: { agreementId: c.agreement!.id, day },
      };
};

/**
 * At an agreement with an event period (an exhibition), a sale happens on the event's days in the venue's zone:
 * whenever it is uploaded, its occurredAt decides (a booth's offline day uploaded after midnight is still in).
 */
export const withinEventDays: SaleRule = (c) => {
  const event = c.agreement!.eventPeriod;
  if (!event) return undefined;
  const day = dayOf(c);
  return day >= event.first && day <= event.last
    ? undefined
    : {
        code: 'OUTSIDE_EVENT_PERIOD',
        message: `the event runs ${event.first} to ${event.last} at ${c.agreement!.venueCode}, not on ${day}`,
        details: { period: eventPeriod(event), first: event.first, last: event.last, day, timeZone: c.agreement!.timeZone },
      };
};

export const periodOpen: SaleRule = (c) => {
  const period = periodOfSale(c);
  return c.closedPeriods.includes(period)
    ? { code: 'PERIOD_CLOSED', message: `period ${period} is closed for this agreement`, details: { period } }
    : undefined;
};

export const priceKnown: SaleRule = (c) => {
  if (listPriceOf(c) !== undefined) return undefined;
  const { message, ...figures } = priceUnknownFigures(c.agreement!, c.priceHistory, soldAtOf(c));
  return { code: 'PRICE_UNKNOWN', message, details: { productId: c.line.productId, ...figures } };
};

export const priceNotAboveList: SaleRule = (c) => {
  const listPrice = listPriceOf(c)!;
  const unitPrice = unitPriceOf(c);
  return unitPrice > listPrice
    ? {
        code: 'PRICE_ABOVE_LIST',
        message: `unit price ${unitPrice} is above the list price ${listPrice}`,
        details: { unitPrice, listPrice },
      }
    : undefined;
};

/** A sale below the list price stays within the agreement's discount limit (none by default). */
export const discountWithinLimit: SaleRule = (c) => {
  const listPrice = listPriceOf(c)!;
  const unitPrice = unitPriceOf(c);
  const { maxDiscountBp } = c.agreement!;
  // in whole numbers: (list − unit) / list ≤ max / 10,000
  if ((listPrice - unitPrice) * 10_000 <= listPrice * maxDiscountBp) return undefined;
  const discountBp = Math.ceil(((listPrice - unitPrice) * 10_000) / listPrice);
  const lowestUnitPrice = Math.max(1, Math.ceil((listPrice * (10_000 - maxDiscountBp)) / 10_000));
  return {
    code: 'DISCOUNT_ABOVE_LIMIT',
    message:
      `unit price ${unitPrice} is ${discountBp} bp below the list price ${listPrice}; the agreement allows ${maxDiscountBp} bp, ` +
      `so the lowest unit price is ${lowestUnitPrice}`,
    details: { listPrice, unitPrice, discountBp, maxDiscountBp, lowestUnitPrice },
  };
};

/** A sale below the list price says why, from the fixed list of reasons. */
export const discountExplained: SaleRule = (c) => {
  const listPrice = listPriceOf(c)!;
  const unitPrice = unitPriceOf(c);
  return unitPrice < listPrice && !c.line.discountReason
    ? {
        code: 'DISCOUNT_REASON_REQUIRED',
        message: `unit price ${unitPrice} is below the list price ${listPrice}; give a discountReason (${DISCOUNT_REASONS.join(', ')})`,
        details: { field: 'discountReason', listPrice, unitPrice, reasons: [...DISCOUNT_REASONS] },
      }
    : undefined;
};

export const stockAvailable: SaleRule = (c) => {
  const allocation = allocationOf(c);
  if (allocation.ok) return undefined;
  switch (allocation.code) {
    case 'INSUFFICIENT_STOCK': {
      const day = dayOf(c);
      const expired = c.lots.filter((l) => isExpired(l.expiryDate, day)).reduce((sum, l) => sum + l.available, 0);
      return {
        code: 'INSUFFICIENT_STOCK',
        message: `${c.line.quantity} requested, ${allocation.available} sellable${expired ? ` (${expired} more expired)` : ''}`,
        details: { requested: allocation.requested, available: allocation.available, expired },
      };
    }
    case 'LOT_EXPIRED':
      return {
        code: 'LOT_EXPIRED',
        message: `lot ${allocation.lotCode} expired on ${allocation.expiryDate}`,
        details: { lotCode: allocation.lotCode, expiryDate: allocation.expiryDate },
      };
    case 'LOT_UNKNOWN':
      return { code: 'LOT_UNKNOWN', message: `lot ${allocation.lotCode} is not at this venue`, details: { lotCode: allocation.lotCode } };
  }
};

/** The rules of a sale line, in the order they are applied: the first that does not hold is the answer. */
export const SALE_RULES: readonly SaleRule[] = [
  notRecordedWithOtherContent,
  productSellable,
  agreementActive,
  notInFuture,
  withinValidity,
  withinEventDays,
  periodOpen,
  priceKnown,
  priceNotAboveList,
  discountWithinLimit,
  discountExplained,
  stockAvailable,
];

/** Judges one sale line: the first refusal of the rules, or where it falls, its prices and the lots it takes. */
export function decideSale(c: SaleCandidate): SaleDecision {
  const refusal = firstRefusal(SALE_RULES, c);
  if (refusal) return { accepted: false, refusal: { ...refusal, details: refusal.details ?? {} } };
  const allocation = allocationOf(c);
  if (!allocation.ok) throw new Error('stockAvailable let an allocation failure through'); // unreachable: a rule above refuses it
  return {
    accepted: true,
    agreement: c.agreement!,
    soldAt: soldAtOf(c),
    period: periodOfSale(c),
    listPrice: listPriceOf(c)!,
    unitPrice: unitPriceOf(c),
    allocations: allocation.allocations,
  };
}
