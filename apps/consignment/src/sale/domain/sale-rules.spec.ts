import type { Agreement } from '../../agreement/domain/agreement';
import type { ReplicaProduct } from '../../product-replica/domain/product';
import type { RecordedSaleLine } from './sale-line';
import { decideSale, SALE_RULES, type SaleCandidate, type SaleRefusalCode } from './sale-rules';

const agreement: Agreement = {
  id: 'agreement-1',
  uptCode: 'LP-TGR-1',
  venueCode: 'IMI-TGR-LOUNGE',
  venueKanwilCode: 'KW-BANTEN',
  timeZone: 'Asia/Jakarta',
  eventPeriod: null,
  exhibitionId: null,
  commissionBp: 0,
  maxDiscountBp: 1_000,
  shrinkageLiability: 'VENUE',
  validFrom: '2026-01-01',
  validTo: null,
  settlementCycle: 'MONTHLY',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
  activatedAt: '2026-01-01T00:00:00Z',
  terminatedAt: null,
  terminationReason: null,
  prices: [],
  priceHistory: [],
};

const product: ReplicaProduct = {
  productId: 'product-1',
  uptCode: 'LP-TGR-1',
  sku: 'KT-01',
  name: 'Keripik tempe',
  category: 'food',
  unit: 'pack',
  shelfLifeDays: 90,
  consignable: true,
  status: 'APPROVED',
  approvedAt: '2026-01-01T00:00:00.000Z',
  suspensions: [],
};

/** A line every rule lets through: 2 of 5 sellable units at the list price, in an open month. */
const candidate = (change: Partial<SaleCandidate> = {}, line: Partial<SaleCandidate['line']> = {}): SaleCandidate => ({
  line: { receiptNo: 'TGR-0001', lineNo: 1, productId: 'product-1', quantity: 2, soldAt: '2026-11-25T10:00:00+07:00', ...line },
  venueCode: 'IMI-TGR-LOUNGE',
  now: new Date('2026-11-25T12:00:00+07:00'),
  recorded: undefined,
  product,
  agreement,
  closedPeriods: [],
  priceHistory: [{ effectiveFrom: Date.parse('2026-01-01T00:00:00Z'), price: 25_000 }],
  lots: [
    { lotCode: 'OLD', expiryDate: '2026-11-20', available: 3 },
    { lotCode: 'L1', expiryDate: '2027-01-01', available: 5 },
  ],
  ...change,
});

const refusalOf = (c: SaleCandidate) => {
  const decision = decideSale(c);
  return decision.accepted ? undefined : decision.refusal;
};

const recorded: RecordedSaleLine = {
  venueCode: 'IMI-TGR-LOUNGE',
  receiptNo: 'TGR-0001',
  lineNo: 1,
  agreementId: 'agreement-1',
  productId: 'product-1',
  quantity: 2,
  unitPrice: 25_000,
  listPrice: 25_000,
  amount: 50_000,
  discountReason: null,
  soldAt: '2026-11-25T03:00:00.000Z',
  period: '2026-11',
  allocations: [{ lotCode: 'L1', expiryDate: '2027-01-01', quantity: 2 }],
  batchId: 'batch-1',
};

describe('sale rules', () => {
  it('accepts a line every rule lets through: its month, list price and first-expiry lots', () => {
    expect(decideSale(candidate())).toEqual({
      accepted: true,
      agreement,
      soldAt: new Date('2026-11-25T10:00:00+07:00'),
      period: '2026-11',
      listPrice: 25_000,
      unitPrice: 25_000,
      allocations: [{ lotCode: 'L1', expiryDate: '2027-01-01', quantity: 2 }],
    });
  });

  it('applies the rules in order: the first that does not hold is the answer', () => {
    expect(SALE_RULES.map((rule) => rule.name)).toEqual([
      'notRecordedWithOtherContent',
      'productSellable',
      'agreementActive',
      'notInFuture',
      'withinValidity',
      'withinEventDays',
      'periodOpen',
      'priceKnown',
      'priceNotAboveList',
      'discountWithinLimit',
      'discountExplained',
      'stockAvailable',
    ]);
    expect(refusalOf(candidate({ product: undefined, closedPeriods: ['2026-11'] }))?.code).toBe('PRODUCT_UNKNOWN');
  });

  const cases: [SaleRefusalCode, SaleCandidate, { message: string; details: Record<string, unknown> }][] = [
    [
      'SALE_LINE_CONFLICT',
      candidate({ recorded: { ...recorded, quantity: 3 } }),
      {
        message: 'receipt TGR-0001 line 1 was already recorded with other content',
        details: { recorded: expect.objectContaining({ quantity: 3 }) as unknown },
      },
    ],
    [
      'PRODUCT_UNKNOWN',
      candidate({ product: undefined }),
      { message: 'product product-1 is not an approved catalog product', details: { productId: 'product-1' } },
    ],
    [
      'PRODUCT_SUSPENDED',
      candidate({ product: { ...product, status: 'SUSPENDED' } }),
      { message: 'product KT-01 is suspended', details: { productId: 'product-1' } },
    ],
    [
      'PRODUCT_DISCONTINUED',
      candidate({ product: { ...product, status: 'DISCONTINUED' } }),
      { message: 'product KT-01 is discontinued', details: { productId: 'product-1' } },
    ],
    [
      'PRODUCT_NOT_CONSIGNABLE',
      candidate({ product: { ...product, consignable: false } }),
      { message: 'product KT-01 keeps a day or less and is not consigned', details: { productId: 'product-1' } },
    ],
    [
      'AGREEMENT_INACTIVE',
      candidate({ agreement: undefined }),
      { message: 'IMI-TGR-LOUNGE has no active agreement with LP-TGR-1', details: { uptCode: 'LP-TGR-1' } },
    ],
    [
      'SALE_IN_FUTURE',
      candidate({}, { soldAt: '2026-11-25T12:06:00+07:00' }),
      {
        message: 'soldAt 2026-11-25T12:06:00+07:00 is in the future',
        details: { soldAt: '2026-11-25T12:06:00+07:00', now: '2026-11-25T05:00:00.000Z' },
      },
    ],
    [
      'OUTSIDE_EVENT_PERIOD',
      candidate(
        {
          agreement: {
            ...agreement,
            timeZone: 'Asia/Makassar',
            eventPeriod: { first: '2026-11-23', last: '2026-11-24', returnWindowDays: 7 },
          },
        },
        { soldAt: '2026-11-25T00:00:00+08:00' },
      ),
      {
        message: 'the event runs 2026-11-23 to 2026-11-24 at IMI-TGR-LOUNGE, not on 2026-11-25',
        details: {
          period: '2026-11-23..2026-11-24',
          first: '2026-11-23',
          last: '2026-11-24',
          day: '2026-11-25',
          timeZone: 'Asia/Makassar',
        },
      },
    ],
    [
      'PERIOD_CLOSED',
      candidate({ closedPeriods: ['2026-11'] }),
      { message: 'period 2026-11 is closed for this agreement', details: { period: '2026-11' } },
    ],
    [
      'PRICE_UNKNOWN',
      candidate({ priceHistory: [{ effectiveFrom: Date.parse('2026-11-26T00:00:00+07:00'), price: 25_000 }] }),
      {
        message:
          'the catalog price applies from 2026-11-26, not on 2026-11-25, and the agreement has no price on 2026-11-25; ' +
          'set an agreement price from 2026-11-25 (the catalog price was 25000)',
        details: { productId: 'product-1', day: '2026-11-25', catalogPriceFrom: '2026-11-26', suggestedAgreementPrice: 25_000 },
      },
    ],
    [
      'PRICE_ABOVE_LIST',
      candidate({}, { unitPrice: 30_000 }),
      { message: 'unit price 30000 is above the list price 25000', details: { unitPrice: 30_000, listPrice: 25_000 } },
    ],
    [
      // 10 % allowed: 25,000 less 10 % is 22,500; 22,499 is 1,001 bp off (rounded up)
      'DISCOUNT_ABOVE_LIMIT',
      candidate({}, { unitPrice: 22_499, discountReason: 'PROMO' }),
      {
        message: 'unit price 22499 is 1001 bp below the list price 25000; the agreement allows 1000 bp, so the lowest unit price is 22500',
        details: { listPrice: 25_000, unitPrice: 22_499, discountBp: 1_001, maxDiscountBp: 1_000, lowestUnitPrice: 22_500 },
      },
    ],
    [
      'DISCOUNT_REASON_REQUIRED',
      candidate({}, { unitPrice: 24_000 }),
      {
        message: 'unit price 24000 is below the list price 25000; give a discountReason (PROMO, NEAR_EXPIRY, DAMAGED_PACKAGING, BULK)',
        details: {
          field: 'discountReason',
          listPrice: 25_000,
          unitPrice: 24_000,
          reasons: ['PROMO', 'NEAR_EXPIRY', 'DAMAGED_PACKAGING', 'BULK'],
        },
      },
    ],
    [
      'INSUFFICIENT_STOCK',
      candidate({}, { quantity: 6 }),
      { message: '6 requested, 5 sellable (3 more expired)', details: { requested: 6, available: 5, expired: 3 } },
    ],
    [
      'LOT_EXPIRED',
      candidate({}, { lotCode: 'OLD' }),
      { message: 'lot OLD expired on 2026-11-20', details: { lotCode: 'OLD', expiryDate: '2026-11-20' } },
    ],
    ['LOT_UNKNOWN', candidate({}, { lotCode: 'NOPE' }), { message: 'lot NOPE is not at this venue', details: { lotCode: 'NOPE' } }],
  ];

  it.each(cases)('refuses %s with its figures', (code, refused, { message, details }) => {
    expect(refusalOf(refused)).toEqual({ code, message, details });
  });

  it('refuses every discount of an agreement that allows none (the default), reason or not', () => {
    const none = candidate({ agreement: { ...agreement, maxDiscountBp: 0 } }, { unitPrice: 24_999, discountReason: 'BULK' });
    expect(refusalOf(none)).toMatchObject({ code: 'DISCOUNT_ABOVE_LIMIT', details: { maxDiscountBp: 0, lowestUnitPrice: 25_000 } });
    expect(
      refusalOf(candidate({ agreement: { ...agreement, maxDiscountBp: 10_000 } }, { unitPrice: 1, discountReason: 'PROMO' })),
    ).toBeUndefined();
  });

  it("prices a sale by the agreement's price in effect on its day, not a later one", () => {
    const priceHistory = [
      { productId: 'product-1', price: 20_000, effectiveFrom: '2026-01-01', setAt: '2026-01-01T00:00:00Z', setBy: 'admin' },
      { productId: 'product-1', price: 22_000, effectiveFrom: '2026-11-26', setAt: '2026-11-20T00:00:00Z', setBy: 'admin' },
    ];
    const decision = decideSale(candidate({ agreement: { ...agreement, priceHistory } }));
    expect(decision).toMatchObject({ accepted: true, listPrice: 20_000, unitPrice: 20_000 });
  });

  it('refuses a sale dated outside the validity as AGREEMENT_INACTIVE, naming the day', () => {
    expect(refusalOf(candidate({ agreement: { ...agreement, validTo: '2026-11-24' } }))).toEqual({
      code: 'AGREEMENT_INACTIVE',
      message: 'the agreement is valid 2026-01-01 to 2026-11-24, not on 2026-11-25',
      details: { agreementId: 'agreement-1', day: '2026-11-25' },
    });
  });

  describe('at an agreement with an event period (decision 0029)', () => {
    const exhibition = {
      ...agreement,
      timeZone: 'Asia/Makassar',
      eventPeriod: { first: '2026-11-23', last: '2026-11-25', returnWindowDays: 7 },
    };
    const at = (soldAt: string, change: Partial<SaleCandidate> = {}) =>
      decideSale(candidate({ agreement: exhibition, now: new Date('2026-11-26T09:00:00+08:00'), ...change }, { soldAt }));

    it('puts a sale at 23:59 on the last day (WITA) in the event period, and refuses one at 00:00 the next day', () => {
      expect(at('2026-11-25T23:59:00+08:00')).toMatchObject({ accepted: true, period: '2026-11-23..2026-11-25' });
      expect(at('2026-11-26T00:00:00+08:00')).toMatchObject({ accepted: false, refusal: { code: 'OUTSIDE_EVENT_PERIOD' } });
    });

    it('places a booth day uploaded after midnight by its occurredAt, and refuses it once the event period is closed', () => {
      expect(at('2026-11-24T15:00:00+08:00')).toMatchObject({ accepted: true, period: '2026-11-23..2026-11-25' });
      expect(at('2026-11-24T15:00:00+08:00', { closedPeriods: ['2026-11-23..2026-11-25'] })).toMatchObject({
        accepted: false,
        refusal: { code: 'PERIOD_CLOSED', details: { period: '2026-11-23..2026-11-25' } },
      });
    });
  });

  it('lets each rule pass when its condition does not hold', () => {
    expect(refusalOf(candidate({ recorded }))).toBeUndefined(); // a resend of the same content is no conflict
    expect(refusalOf(candidate({ agreement: { ...agreement, validTo: '2026-11-25' } }))).toBeUndefined(); // the last valid day
    expect(refusalOf(candidate({}, { soldAt: '2026-11-25T12:04:00+07:00' }))).toBeUndefined(); // within the clock skew
    expect(refusalOf(candidate({ closedPeriods: ['2026-10'] }))).toBeUndefined();
    const priceHistory = [
      { productId: 'product-1', price: 20_000, effectiveFrom: '2026-11-25', setAt: '2026-11-01T00:00:00Z', setBy: 'admin' },
    ];
    expect(refusalOf(candidate({ priceHistory: undefined, agreement: { ...agreement, priceHistory } }))).toBeUndefined();
    expect(refusalOf(candidate({}, { unitPrice: 25_000 }))).toBeUndefined(); // at the list price
    expect(refusalOf(candidate({}, { unitPrice: 22_500, discountReason: 'NEAR_EXPIRY' }))).toBeUndefined(); // a discount at the limit, with why
    expect(refusalOf(candidate({}, { quantity: 5 }))).toBeUndefined(); // every sellable unit
    expect(refusalOf(candidate({}, { lotCode: 'L1' }))).toBeUndefined();
  });
});
