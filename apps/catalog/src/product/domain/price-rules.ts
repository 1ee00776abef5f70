import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { ProductStatus } from '@titipan/contracts';

/** Every reason a price change is refused. */
export type PriceRefusalCode = 'PRICE_CHANGE_IN_PAST' | 'PRICE_CHANGE_TOO_FAR' | 'PRICE_CHANGE_NOT_ALLOWED' | 'PRICE_UNCHANGED';
export type PriceRefusal = Refusal<PriceRefusalCode>;

/** How a price change's refusal is answered: a broken rule (422) or a product whose state does not allow it (409). */
export const PRICE_REFUSAL_KIND: Record<PriceRefusalCode, ErrorKind> = {
  PRICE_CHANGE_IN_PAST: 'rule',
  PRICE_CHANGE_TOO_FAR: 'rule',
  PRICE_CHANGE_NOT_ALLOWED: 'conflict',
  PRICE_UNCHANGED: 'rule',
};

/** How far in the past a price change may claim to start: clock skew, never history. */
export const PRICE_CLOCK_SKEW_MS = 60_000;
/** How far ahead a price change may be scheduled: a year (a leap year's worth). */
export const MAX_PRICE_LEAD_MS = 366 * 24 * 3600_000;

export interface PriceTiming {
  effectiveFrom: Date;
  now: Date;
}

const neverInThePast: Rule<PriceTiming, PriceRefusalCode> = ({ effectiveFrom, now }) =>
  effectiveFrom.getTime() < now.getTime() - PRICE_CLOCK_SKEW_MS
    ? {
        code: 'PRICE_CHANGE_IN_PAST',
        message: 'a price change cannot take effect in the past; history is never rewritten',
        details: { field: 'effectiveFrom' },
      }
    : undefined;

const atMostAYearAhead: Rule<PriceTiming, PriceRefusalCode> = ({ effectiveFrom, now }) =>
  effectiveFrom.getTime() > now.getTime() + MAX_PRICE_LEAD_MS
    ? { code: 'PRICE_CHANGE_TOO_FAR', message: 'a price change can be scheduled at most a year ahead', details: { field: 'effectiveFrom' } }
    : undefined;

/** When a change may take effect: checked before the product is even loaded. */
const TIMING_RULES = [neverInThePast, atMostAYearAhead];

export interface PriceChange {
  status: ProductStatus;
  /** The price in effect just before the change takes effect. */
  oldPrice: number;
  newPrice: number;
}

const listedProductsOnly: Rule<PriceChange, PriceRefusalCode> = ({ status }) =>
  status === 'DRAFT' || status === 'DISCONTINUED'
    ? {
        code: 'PRICE_CHANGE_NOT_ALLOWED',
        message: `the price of a ${status} product is not changed this way${status === 'DRAFT' ? '; edit the draft' : ''}`,
        details: { current: status },
      }
    : undefined;

const priceDiffers: Rule<PriceChange, PriceRefusalCode> = ({ oldPrice, newPrice }) =>
  oldPrice === newPrice
    ? { code: 'PRICE_UNCHANGED', message: `the price at that time is already ${oldPrice}`, details: { field: 'price', price: oldPrice } }
    : undefined;

/** Whether the product's price may change this way at all. */
const CHANGE_RULES = [listedProductsOnly, priceDiffers];

export function priceTimingRefusal(timing: PriceTiming): PriceRefusal | undefined {
  return firstRefusal(TIMING_RULES, timing);
}

export function priceChangeRefusal(change: PriceChange): PriceRefusal | undefined {
  return firstRefusal(CHANGE_RULES, change);
}
