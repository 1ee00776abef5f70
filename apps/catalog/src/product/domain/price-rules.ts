import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { ProductStatus } from '@titipan/contracts';

/** Every reason a price change is refused. */
export type PriceRefusalCode = 'PRICE_CHANGE_IN_PAST' | 'PRICE_CHANGE_TOO_FAR' | 'PRICE_CHANGE_NOT_ALLOWED' | 'PRICE_UNCHANGED';
export type PriceRefusal = Refusal<PriceRefusalCode>;

/** How far in the past a price change may claim to start: clock skew, never history. */
export const PRICE_CLOCK_SKEW_MS = 60_000;
/** How far ahead a price change may be scheduled: a year (a leap year's worth). */
export const MAX_PRICE_LEAD_MS = 366 * 24 * 3600_000;

export interface PriceTiming {
  effectiveFrom: Date;
  now: Date;
}

/** When a change may take effect: checked before the product is even loaded. */
const TIMING_RULES: Rule<PriceTiming, PriceRefusal>[] = [
  {
    name: 'never-in-the-past',
    check: ({ effectiveFrom, now }) =>
      effectiveFrom.getTime() < now.getTime() - PRICE_CLOCK_SKEW_MS
        ? {
            kind: 'rule',
            code: 'PRICE_CHANGE_IN_PAST',
            message: 'a price change cannot take effect in the past; history is never rewritten',
            details: { field: 'effectiveFrom' },
          }
        : undefined,
  },
  {
    name: 'at-most-a-year-ahead',
    check: ({ effectiveFrom, now }) =>
      effectiveFrom.getTime() > now.getTime() + MAX_PRICE_LEAD_MS
        ? {
            kind: 'rule',
            code: 'PRICE_CHANGE_TOO_FAR',
            message: 'a price change can be scheduled at most a year ahead',
            details: { field: 'effectiveFrom' },
          }
        : undefined,
  },
];

export interface PriceChange {
  status: ProductStatus;
  /** The price in effect just before the change takes effect. */
  oldPrice: number;
  newPrice: number;
}

/** Whether the product's price may change this way at all. */
const CHANGE_RULES: Rule<PriceChange, PriceRefusal>[] = [
  {
    name: 'listed-products-only',
    check: ({ status }) =>
      status === 'DRAFT' || status === 'DISCONTINUED'
        ? {
            kind: 'conflict',
            code: 'PRICE_CHANGE_NOT_ALLOWED',
            message: `the price of a ${status} product is not changed this way${status === 'DRAFT' ? '; edit the draft' : ''}`,
            details: { current: status },
          }
        : undefined,
  },
  {
    name: 'price-differs',
    check: ({ oldPrice, newPrice }) =>
      oldPrice === newPrice
        ? {
            kind: 'rule',
            code: 'PRICE_UNCHANGED',
            message: `the price at that time is already ${oldPrice}`,
            details: { field: 'price', price: oldPrice },
          }
        : undefined,
  },
];

export function priceTimingRefusal(timing: PriceTiming): PriceRefusal | undefined {
  return firstRefusal(TIMING_RULES, timing);
}

export function priceChangeRefusal(change: PriceChange): PriceRefusal | undefined {
  return firstRefusal(CHANGE_RULES, change);
}
