import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { NO_EXPIRY } from '@titipan/contracts';
import { isWithinValidity, outsideValidityMessage, type Agreement } from '../../agreement/domain/agreement';
import { listPriceAt, priceUnknownFigures, type PricePoint } from '../../agreement/domain/list-price';
import type { ReplicaProduct } from '../../product-replica/domain/product';
import {
  productOnDateRefusal,
  productRefusal,
  type ProductOnDateRefusalCode,
  type ProductRefusalCode,
} from '../../product-replica/domain/product-rules';
import { isExpired } from '../../stock/domain/fefo';
import type { Dispatch } from './dispatch';

/** Why a dispatch is no longer in transit (received or cancelled), so it neither is cancelled nor received again. */
export type TransitRefusalCode = 'ALREADY_RECEIVED' | 'DISPATCH_CANCELLED';

/** Every reason a dispatch is not created or cancelled. */
export type DispatchRefusalCode =
  | 'DUPLICATE_LINE'
  | 'AGREEMENT_INACTIVE'
  | ProductRefusalCode
  | ProductOnDateRefusalCode
  | 'EXPIRY_REQUIRED'
  | 'LOT_EXPIRED'
  | 'PRICE_UNKNOWN'
  | TransitRefusalCode;

export const DISPATCH_REFUSAL_KIND: Record<DispatchRefusalCode, ErrorKind> = {
  DUPLICATE_LINE: 'validation',
  AGREEMENT_INACTIVE: 'rule',
  PRODUCT_UNKNOWN: 'rule',
  PRODUCT_OF_OTHER_UPT: 'rule',
  PRODUCT_SUSPENDED: 'rule',
  PRODUCT_DISCONTINUED: 'rule',
  PRODUCT_NOT_CONSIGNABLE: 'rule',
  PRODUCT_NOT_YET_APPROVED: 'rule',
  EXPIRY_REQUIRED: 'validation',
  LOT_EXPIRED: 'rule',
  PRICE_UNKNOWN: 'rule',
  ALREADY_RECEIVED: 'conflict',
  DISPATCH_CANCELLED: 'conflict',
};

/** A line of a surat jalan as asked for. */
export interface DispatchLineInput {
  productId: string;
  lotCode: string;
  expiryDate?: string;
  quantity: number;
}

/** Each product and lot goes on one line of a dispatch. */
export const linesDistinct: Rule<readonly DispatchLineInput[], DispatchRefusalCode> = (lines) => {
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const key = `${line.productId}|${line.lotCode}`;
    if (seen.has(key))
      return { code: 'DUPLICATE_LINE', message: `line ${i + 1} repeats product and lot of an earlier line`, details: { line: i + 1 } };
    seen.add(key);
  }
  return undefined;
};

/** The rules of a dispatch's lines taken together, in order (before anything is looked up). */
export const DISPATCH_LINES_RULES: readonly Rule<readonly DispatchLineInput[], DispatchRefusalCode>[] = [linesDistinct];

export function dispatchLinesRefusal(lines: readonly DispatchLineInput[]): Refusal<DispatchRefusalCode> | undefined {
  return firstRefusal(DISPATCH_LINES_RULES, lines);
}

/** Goods only move under an active agreement (checked before the sender's scope, as the agreement is loaded). */
export const agreementActive: Rule<Pick<Agreement, 'id' | 'status'>, DispatchRefusalCode> = ({ id, status }) =>
  status === 'ACTIVE'
    ? undefined
    : { code: 'AGREEMENT_INACTIVE', message: `agreement ${id} is ${status}`, details: { agreementId: id, status } };

/** The rules of the agreement a dispatch goes under, in order. */
export const DISPATCH_AGREEMENT_RULES: readonly Rule<Pick<Agreement, 'id' | 'status'>, DispatchRefusalCode>[] = [agreementActive];

export function dispatchAgreementRefusal(agreement: Pick<Agreement, 'id' | 'status'>): Refusal<DispatchRefusalCode> | undefined {
  return firstRefusal(DISPATCH_AGREEMENT_RULES, agreement);
}

/** The venue-calendar day goods leave on, under their agreement. */
export interface DispatchDay {
  agreement: Pick<Agreement, 'id' | 'validFrom' | 'validTo'>;
  day: string;
}

/** Goods leave on a day the agreement is valid. */
export const withinValidity: Rule<DispatchDay, DispatchRefusalCode> = ({ agreement, day }) =>
  isWithinValidity(agreement, day)
    ? undefined
    : { code: 'AGREEMENT_INACTIVE', message: outsideValidityMessage(agreement, day), details: { agreementId: agreement.id, day } };

/** The rules of the day a dispatch leaves on, in order. */
export const DISPATCH_DAY_RULES: readonly Rule<DispatchDay, DispatchRefusalCode>[] = [withinValidity];

export function dispatchDayRefusal(dispatchDay: DispatchDay): Refusal<DispatchRefusalCode> | undefined {
  return firstRefusal(DISPATCH_DAY_RULES, dispatchDay);
}

/** Everything one line of a dispatch is judged on. */
export interface DispatchLineCandidate {
  lineNo: number;
  line: DispatchLineInput;
  product: ReplicaProduct | undefined;
  agreement: Pick<Agreement, 'uptCode' | 'priceHistory' | 'timeZone'>;
  dispatchedAt: Date;
  /** The venue-calendar day the goods leave on. */
  day: string;
  /** Catalog prices of the product, oldest first. */
  priceHistory: PricePoint[] | undefined;
}

/** A line that passed every rule, as it goes on the surat jalan. */
export interface DispatchedLine {
  lineNo: number;
  productId: string;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  unitPrice: number;
}

// Figures the line rules share; each rule runs only once the rules before it hold (a dispatchable product).
const expiryOf = (c: DispatchLineCandidate) => c.line.expiryDate ?? NO_EXPIRY;
const unitPriceOf = (c: DispatchLineCandidate) => listPriceAt(c.agreement, c.line.productId, c.priceHistory, c.dispatchedAt);

type DispatchLineRule = Rule<DispatchLineCandidate, DispatchRefusalCode>;

export const productDispatchable: DispatchLineRule = (c) => {
  const refusal = productRefusal({ productId: c.line.productId, product: c.product, uptCode: c.agreement.uptCode });
  return (
    refusal && { ...refusal, message: `line ${c.lineNo}: ${refusal.message}`, details: { line: c.lineNo, productId: c.line.productId } }
  );
};

/** The product was approved, and not suspended, at the time the dispatch is dated (a backdated surat jalan is checked then). */
export const productDispatchableThen: DispatchLineRule = (c) => {
  const refusal = productOnDateRefusal({ product: c.product!, at: c.dispatchedAt });
  return (
    refusal && {
      ...refusal,
      message: `line ${c.lineNo}: ${refusal.message}`,
      details: { line: c.lineNo, productId: c.line.productId, ...refusal.details },
    }
  );
};

/** A perishable product's lot says when it expires. */
export const expiryGiven: DispatchLineRule = (c) =>
  c.product!.shelfLifeDays !== null && !c.line.expiryDate
    ? {
        code: 'EXPIRY_REQUIRED',
        message: `line ${c.lineNo}: ${c.product!.sku} is perishable; give the lot's expiry date`,
        details: { line: c.lineNo, field: 'expiryDate' },
      }
    : undefined;

export const lotNotExpired: DispatchLineRule = (c) =>
  isExpired(expiryOf(c), c.day)
    ? { code: 'LOT_EXPIRED', message: `line ${c.lineNo}: lot ${c.line.lotCode} expired on ${expiryOf(c)}`, details: { line: c.lineNo } }
    : undefined;

export const priceKnown: DispatchLineRule = (c) => {
  if (unitPriceOf(c) !== undefined) return undefined;
  const { message, ...figures } = priceUnknownFigures(c.agreement, c.priceHistory, c.dispatchedAt);
  return {
    code: 'PRICE_UNKNOWN',
    message: `line ${c.lineNo}: ${message}`,
    details: { line: c.lineNo, productId: c.line.productId, ...figures },
  };
};

/** The rules of each line of a dispatch, in the order they are applied. */
export const DISPATCH_LINE_RULES: readonly DispatchLineRule[] = [
  productDispatchable,
  productDispatchableThen,
  expiryGiven,
  lotNotExpired,
  priceKnown,
];

export function dispatchLineRefusal(c: DispatchLineCandidate): Refusal<DispatchRefusalCode> | undefined {
  return firstRefusal(DISPATCH_LINE_RULES, c);
}

/** The line as it goes on the surat jalan, once no rule refuses it: its lot's expiry and the price it goes for. */
export function dispatchedLine(c: DispatchLineCandidate): DispatchedLine {
  const unitPrice = unitPriceOf(c);
  if (unitPrice === undefined) throw new Error('priceKnown let a line without a price through'); // unreachable: the rule refuses it
  return {
    lineNo: c.lineNo,
    productId: c.line.productId,
    lotCode: c.line.lotCode,
    expiryDate: expiryOf(c),
    quantity: c.line.quantity,
    unitPrice,
  };
}

/** A dispatch is cancelled or received only while in transit. */
export const stillInTransit: Rule<Pick<Dispatch, 'number' | 'status'>, TransitRefusalCode> = ({ number, status }) =>
  status === 'IN_TRANSIT'
    ? undefined
    : {
        code: status === 'RECEIVED' ? 'ALREADY_RECEIVED' : 'DISPATCH_CANCELLED',
        message: `dispatch ${number} is ${status}`,
        details: { current: status, requested: 'IN_TRANSIT' },
      };

/** The rules of a cancellation, in order. */
export const CANCELLATION_RULES: readonly Rule<Pick<Dispatch, 'number' | 'status'>, DispatchRefusalCode>[] = [stillInTransit];

export function cancellationRefusal(dispatch: Pick<Dispatch, 'number' | 'status'>): Refusal<DispatchRefusalCode> | undefined {
  return firstRefusal(CANCELLATION_RULES, dispatch);
}
