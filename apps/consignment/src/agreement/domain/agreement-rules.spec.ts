import {
  ACTIVATION_RULES,
  activationRefusal,
  CREATION_RULES,
  creationRefusal,
  PRICE_CHANGE_RULES,
  priceChangeRefusal,
  TRANSITION_RULES,
  transitionRefusal,
  AGREEMENT_REFUSAL_KIND,
  type AgreementDraft,
  type PriceChange,
} from './agreement-rules';
import { agreementPriceOn, pricesInEffect } from './agreement';

const draft = (change: Partial<AgreementDraft> = {}): AgreementDraft => ({
  uptCode: 'LP-TGR-1',
  venueCode: 'IMI-TGR-LOUNGE',
  validFrom: '2026-11-01',
  validTo: '2027-10-31',
  venueKnown: true,
  uptKnown: true,
  ...change,
});

describe('agreement rules', () => {
  it('applies the rules of each decision in order', () => {
    expect(CREATION_RULES.map((rule) => rule.name)).toEqual(['validityInOrder', 'venueKnown', 'uptKnown']);
    expect(TRANSITION_RULES.map((rule) => rule.name)).toEqual(['inStatusToLeave']);
    expect(ACTIVATION_RULES.map((rule) => rule.name)).toEqual(['onlyActiveAtVenue']);
    expect(PRICE_CHANGE_RULES.map((rule) => rule.name)).toEqual([
      'notTerminated',
      'oncePerProductAndDay',
      'withinValidity',
      'notRewritingHistory',
    ]);
  });

  it('creates an agreement with a known venue and UPT, open-ended or not', () => {
    expect(creationRefusal(draft())).toBeUndefined();
    expect(creationRefusal(draft({ validTo: undefined }))).toBeUndefined();
    expect(creationRefusal(draft({ validTo: '2026-11-01' }))).toBeUndefined();
  });

  it('VALIDITY_REVERSED: refuses an agreement ending before it starts, before looking at venue or UPT', () => {
    expect(creationRefusal(draft({ validTo: '2026-10-31', venueKnown: false }))).toEqual({
      code: 'VALIDITY_REVERSED',
      message: 'validTo is before validFrom',
      details: { field: 'validTo' },
    });
  });

  it('VENUE_UNKNOWN: refuses an unregistered venue', () => {
    expect(creationRefusal(draft({ venueKnown: false, uptKnown: false }))).toEqual({
      code: 'VENUE_UNKNOWN',
      message: 'venue IMI-TGR-LOUNGE is not registered',
      details: { field: 'venueCode' },
    });
  });

  it('UPT_UNKNOWN: refuses a UPT catalog has not announced', () => {
    expect(creationRefusal(draft({ uptKnown: false }))).toEqual({
      code: 'UPT_UNKNOWN',
      message: 'UPT LP-TGR-1 is not known (from catalog.events)',
      details: { field: 'uptCode' },
    });
  });

  it('ILLEGAL_TRANSITION: refuses a change from a status the agreement is not in, passes from the one it is in', () => {
    expect(transitionRefusal({ agreement: { status: 'DRAFT' }, from: 'DRAFT' })).toBeUndefined();
    expect(transitionRefusal({ agreement: { status: 'ACTIVE' }, from: 'ACTIVE' })).toBeUndefined();
    expect(transitionRefusal({ agreement: { status: 'TERMINATED' }, from: 'ACTIVE' })).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'the agreement is TERMINATED, not ACTIVE',
      details: { current: 'TERMINATED', expected: 'ACTIVE' },
    });
  });

  it('AGREEMENT_EXISTS: refuses a second active agreement of the UPT at the venue, passes the first', () => {
    const agreement = { uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE' };
    expect(activationRefusal({ agreement, otherActive: false })).toBeUndefined();
    expect(activationRefusal({ agreement, otherActive: true })).toEqual({
      code: 'AGREEMENT_EXISTS',
      message: 'LP-TGR-1 already has an active agreement at IMI-TGR-LOUNGE',
      details: { uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE' },
    });
  });

  const history = [{ productId: 'p-1', price: 10_000, effectiveFrom: '2026-01-01', setAt: '2026-01-01T00:00:00Z', setBy: 'admin' }];
  const change = (prices: PriceChange['prices'], agreement: Partial<PriceChange['agreement']> = {}): PriceChange => ({
    agreement: { status: 'ACTIVE', validFrom: '2026-01-01', validTo: '2026-12-31', priceHistory: history, ...agreement },
    prices,
  });

  it('adds prices from new days, and takes a price already there again (a retry)', () => {
    expect(priceChangeRefusal(change([{ productId: 'p-1', price: 12_000, effectiveFrom: '2026-07-01' }]))).toBeUndefined();
    expect(priceChangeRefusal(change([{ productId: 'p-1', price: 10_000, effectiveFrom: '2026-01-01' }]))).toBeUndefined();
    expect(priceChangeRefusal(change([{ productId: 'p-2', price: 10_000, effectiveFrom: '2026-12-31' }]))).toBeUndefined(); // last valid day
  });

  it('AGREEMENT_TERMINATED: refuses new prices on a terminated agreement, passes draft and active ones', () => {
    const prices = [{ productId: 'p-1', price: 12_000, effectiveFrom: '2026-07-01' }];
    expect(priceChangeRefusal(change(prices, { status: 'DRAFT' }))).toBeUndefined();
    expect(priceChangeRefusal(change(prices, { status: 'TERMINATED' }))).toEqual({
      code: 'AGREEMENT_TERMINATED',
      message: 'a terminated agreement does not change',
      details: { current: 'TERMINATED' },
    });
  });

  it('DUPLICATE_LINE: refuses two prices of a product for one day in one request (400)', () => {
    const refusal = priceChangeRefusal(
      change([
        { productId: 'p-1', price: 12_000, effectiveFrom: '2026-07-01' },
        { productId: 'p-1', price: 13_000, effectiveFrom: '2026-07-01' },
      ]),
    );
    expect(refusal).toEqual({
      code: 'DUPLICATE_LINE',
      message: 'price 2 repeats the product and day of an earlier one',
      details: { line: 2, productId: 'p-1', effectiveFrom: '2026-07-01' },
    });
    expect(AGREEMENT_REFUSAL_KIND.DUPLICATE_LINE).toBe('validation');
  });

  it('PRICE_OUTSIDE_VALIDITY: refuses a price from a day the agreement is not valid (422)', () => {
    expect(priceChangeRefusal(change([{ productId: 'p-1', price: 12_000, effectiveFrom: '2027-01-01' }]))).toEqual({
      code: 'PRICE_OUTSIDE_VALIDITY',
      message: "a price from 2027-01-01 lies outside the agreement's validity, 2026-01-01 to 2026-12-31",
      details: { productId: 'p-1', effectiveFrom: '2027-01-01', validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expect(priceChangeRefusal(change([{ productId: 'p-1', price: 12_000, effectiveFrom: '2025-12-31' }]))?.code).toBe(
      'PRICE_OUTSIDE_VALIDITY',
    );
    expect(AGREEMENT_REFUSAL_KIND.PRICE_OUTSIDE_VALIDITY).toBe('rule');
  });

  it('PRICE_ALREADY_SET: refuses another price on a day that has one: history is not rewritten (409)', () => {
    expect(priceChangeRefusal(change([{ productId: 'p-1', price: 11_000, effectiveFrom: '2026-01-01' }]))).toEqual({
      code: 'PRICE_ALREADY_SET',
      message: 'product p-1 already has the price 10000 from 2026-01-01; set a new price from another day',
      details: { productId: 'p-1', effectiveFrom: '2026-01-01', price: 10_000, requested: 11_000 },
    });
    expect(AGREEMENT_REFUSAL_KIND.PRICE_ALREADY_SET).toBe('conflict');
  });
});

describe('agreement price history', () => {
  const history = [
    { productId: 'p-1', price: 10_000, effectiveFrom: '2026-01-01' },
    { productId: 'p-1', price: 12_000, effectiveFrom: '2026-12-01' },
    { productId: 'p-2', price: 5_000, effectiveFrom: '2026-03-01' },
  ];

  it('prices a product on a day by the row in effect then', () => {
    expect(agreementPriceOn(history, 'p-1', '2025-12-31')).toBeUndefined();
    expect(agreementPriceOn(history, 'p-1', '2026-11-30')).toBe(10_000);
    expect(agreementPriceOn(history, 'p-1', '2026-12-01')).toBe(12_000);
    expect(agreementPriceOn([...history].reverse(), 'p-1', '2027-01-01')).toBe(12_000);
    expect(agreementPriceOn(history, 'p-3', '2027-01-01')).toBeUndefined();
  });

  it("shows the prices in effect today in the venue's calendar, or on the first day of an agreement that starts later", () => {
    const midnightWit = new Date('2026-11-30T15:00:00Z'); // 1 December 00:00 WIT, still 30 November 22:00 WIB
    expect(pricesInEffect({ validFrom: '2026-01-01', timeZone: 'Asia/Jayapura' }, history, midnightWit)).toEqual([
      { productId: 'p-1', price: 12_000, effectiveFrom: '2026-12-01' },
      { productId: 'p-2', price: 5_000, effectiveFrom: '2026-03-01' },
    ]);
    expect(pricesInEffect({ validFrom: '2026-01-01', timeZone: 'Asia/Jakarta' }, history, midnightWit)[0]).toEqual({
      productId: 'p-1',
      price: 10_000,
      effectiveFrom: '2026-01-01',
    });
    const beforeItStarts = new Date('2026-06-01T00:00:00Z');
    expect(pricesInEffect({ validFrom: '2026-12-01', timeZone: 'Asia/Jakarta' }, history, beforeItStarts)[0].price).toBe(12_000);
  });
});
