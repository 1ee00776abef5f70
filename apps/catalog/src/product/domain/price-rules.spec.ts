import {
  MAX_PRICE_LEAD_MS,
  PRICE_REFUSAL_KIND,
  PRICE_CLOCK_SKEW_MS,
  priceChangeRefusal,
  priceTimingRefusal,
  type PriceRefusalCode,
} from './price-rules';

const now = new Date('2026-11-25T05:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('price change timing', () => {
  it('PRICE_CHANGE_IN_PAST: refused before now less the clock skew, accepted within it', () => {
    expect(priceTimingRefusal({ effectiveFrom: at(-PRICE_CLOCK_SKEW_MS - 1), now })).toEqual({
      code: 'PRICE_CHANGE_IN_PAST',
      message: 'a price change cannot take effect in the past; history is never rewritten',
      details: { field: 'effectiveFrom' },
    });
    expect(priceTimingRefusal({ effectiveFrom: at(-PRICE_CLOCK_SKEW_MS), now })).toBeUndefined();
    expect(priceTimingRefusal({ effectiveFrom: now, now })).toBeUndefined();
  });

  it('PRICE_CHANGE_TOO_FAR: refused more than a year ahead, accepted at the limit', () => {
    expect(priceTimingRefusal({ effectiveFrom: at(MAX_PRICE_LEAD_MS + 1), now })).toEqual({
      code: 'PRICE_CHANGE_TOO_FAR',
      message: 'a price change can be scheduled at most a year ahead',
      details: { field: 'effectiveFrom' },
    });
    expect(priceTimingRefusal({ effectiveFrom: at(MAX_PRICE_LEAD_MS), now })).toBeUndefined();
  });
});

describe('price change of a product', () => {
  it('PRICE_CHANGE_NOT_ALLOWED: a draft is edited instead, a discontinued product keeps its price (409)', () => {
    expect(priceChangeRefusal({ status: 'DRAFT', oldPrice: 10_000, newPrice: 12_000 })).toEqual({
      code: 'PRICE_CHANGE_NOT_ALLOWED',
      message: 'the price of a DRAFT product is not changed this way; edit the draft',
      details: { current: 'DRAFT' },
    });
    expect(priceChangeRefusal({ status: 'DISCONTINUED', oldPrice: 10_000, newPrice: 12_000 })).toMatchObject({
      code: 'PRICE_CHANGE_NOT_ALLOWED',
      message: 'the price of a DISCONTINUED product is not changed this way',
    });
    for (const status of ['SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const) {
      expect(priceChangeRefusal({ status, oldPrice: 10_000, newPrice: 12_000 })).toBeUndefined();
    }
  });

  it('PRICE_UNCHANGED: refused when the price at that time is already the new one', () => {
    expect(priceChangeRefusal({ status: 'APPROVED', oldPrice: 10_000, newPrice: 10_000 })).toEqual({
      code: 'PRICE_UNCHANGED',
      message: 'the price at that time is already 10000',
      details: { field: 'price', price: 10_000 },
    });
    expect(priceChangeRefusal({ status: 'APPROVED', oldPrice: 10_000, newPrice: 10_001 })).toBeUndefined();
  });

  it('applies the rules in order: a discontinued product is refused as such, whatever the price', () => {
    expect(priceChangeRefusal({ status: 'DISCONTINUED', oldPrice: 10_000, newPrice: 10_000 })?.code).toBe(
      'PRICE_CHANGE_NOT_ALLOWED' satisfies PriceRefusalCode,
    );
  });

  it('answers a product whose state does not allow the change as a conflict (409), every other refusal as a broken rule (422)', () => {
    expect(PRICE_REFUSAL_KIND).toEqual({
      PRICE_CHANGE_IN_PAST: 'rule',
      PRICE_CHANGE_TOO_FAR: 'rule',
      PRICE_CHANGE_NOT_ALLOWED: 'conflict',
      PRICE_UNCHANGED: 'rule',
    });
  });
});
