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
  commissionBp: 0,
  validFrom: '2026-01-01',
  validTo: null,
  settlementCycle: 'MONTHLY',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
  activatedAt: '2026-01-01T00:00:00Z',
  terminatedAt: null,
  terminationReason: null,
  prices: [],
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
      'periodOpen',
      'priceKnown',
      'priceNotAboveList',
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
      'PERIOD_CLOSED',
      candidate({ closedPeriods: ['2026-11'] }),
      { message: 'period 2026-11 is closed for this agreement', details: { period: '2026-11' } },
    ],
    ['PRICE_UNKNOWN', candidate({ priceHistory: undefined }), { message: 'no price was in effect at the time of sale', details: {} }],
    [
      'PRICE_ABOVE_LIST',
      candidate({}, { unitPrice: 30_000 }),
      { message: 'unit price 30000 is above the list price 25000', details: { unitPrice: 30_000, listPrice: 25_000 } },
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

  it('refuses a sale dated outside the validity as AGREEMENT_INACTIVE, naming the day', () => {
    expect(refusalOf(candidate({ agreement: { ...agreement, validTo: '2026-11-24' } }))).toEqual({
      code: 'AGREEMENT_INACTIVE',
      message: 'the agreement is valid 2026-01-01 to 2026-11-24, not on 2026-11-25',
      details: { agreementId: 'agreement-1', day: '2026-11-25' },
    });
  });

  it('lets each rule pass when its condition does not hold', () => {
    expect(refusalOf(candidate({ recorded }))).toBeUndefined(); // a resend of the same content is no conflict
    expect(refusalOf(candidate({ agreement: { ...agreement, validTo: '2026-11-25' } }))).toBeUndefined(); // the last valid day
    expect(refusalOf(candidate({}, { soldAt: '2026-11-25T12:04:00+07:00' }))).toBeUndefined(); // within the clock skew
    expect(refusalOf(candidate({ closedPeriods: ['2026-10'] }))).toBeUndefined();
    expect(
      refusalOf(candidate({ priceHistory: undefined, agreement: { ...agreement, prices: [{ productId: 'product-1', price: 20_000 }] } })),
    ).toBeUndefined();
    expect(refusalOf(candidate({}, { unitPrice: 25_000 }))).toBeUndefined(); // a price at the list price, or below it (a discount)
    expect(refusalOf(candidate({}, { quantity: 5 }))).toBeUndefined(); // every sellable unit
    expect(refusalOf(candidate({}, { lotCode: 'L1' }))).toBeUndefined();
  });
});
