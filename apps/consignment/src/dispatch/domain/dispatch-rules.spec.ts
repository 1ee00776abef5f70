import type { ReplicaProduct } from '../../product-replica/domain/product';
import {
  CANCELLATION_RULES,
  cancellationRefusal,
  DISPATCH_AGREEMENT_RULES,
  DISPATCH_DAY_RULES,
  DISPATCH_LINE_RULES,
  DISPATCH_LINES_RULES,
  dispatchAgreementRefusal,
  dispatchDayRefusal,
  dispatchedLine,
  dispatchLineRefusal,
  dispatchLinesRefusal,
  type DispatchLineCandidate,
} from './dispatch-rules';

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
  suspensions: [{ from: '2026-06-01T00:00:00.000Z', until: '2026-07-01T00:00:00.000Z' }],
};

const agreementPrice = (price: number) => ({
  uptCode: 'LP-TGR-1',
  timeZone: 'Asia/Jakarta',
  priceHistory: [{ productId: 'product-1', price, effectiveFrom: '2026-01-01', setAt: '2026-01-01T00:00:00Z', setBy: 'admin' }],
});

/** A line every rule lets through: a perishable lot with its expiry, priced by the catalog. */
const candidate = (
  change: Partial<DispatchLineCandidate> = {},
  line: Partial<DispatchLineCandidate['line']> = {},
): DispatchLineCandidate => ({
  lineNo: 2,
  line: { productId: 'product-1', lotCode: 'KT-2611-01', expiryDate: '2027-02-20', quantity: 10, ...line },
  product,
  agreement: { uptCode: 'LP-TGR-1', timeZone: 'Asia/Jakarta', priceHistory: [] },
  dispatchedAt: new Date('2026-11-03T09:00:00+07:00'),
  day: '2026-11-03',
  priceHistory: [{ effectiveFrom: Date.parse('2026-01-01T00:00:00Z'), price: 25_000 }],
  ...change,
});

describe('dispatch rules', () => {
  it('applies the rules of each decision in order', () => {
    expect(DISPATCH_LINES_RULES.map((rule) => rule.name)).toEqual(['linesDistinct']);
    expect(DISPATCH_AGREEMENT_RULES.map((rule) => rule.name)).toEqual(['agreementActive']);
    expect(DISPATCH_DAY_RULES.map((rule) => rule.name)).toEqual(['withinValidity']);
    expect(DISPATCH_LINE_RULES.map((rule) => rule.name)).toEqual([
      'productDispatchable',
      'productDispatchableThen',
      'expiryGiven',
      'lotNotExpired',
      'priceKnown',
    ]);
    expect(CANCELLATION_RULES.map((rule) => rule.name)).toEqual(['stillInTransit']);
  });

  it('DUPLICATE_LINE: refuses a line repeating the product and lot of an earlier one, passes other lots', () => {
    const line = { productId: 'product-1', lotCode: 'A', quantity: 1 };
    expect(dispatchLinesRefusal([line, { ...line, lotCode: 'B' }])).toBeUndefined();
    expect(dispatchLinesRefusal([line, { ...line, lotCode: 'B' }, { ...line, quantity: 5 }])).toEqual({
      code: 'DUPLICATE_LINE',
      message: 'line 3 repeats product and lot of an earlier line',
      details: { line: 3 },
    });
  });

  it('AGREEMENT_INACTIVE: refuses an agreement that is not active, passes an active one', () => {
    expect(dispatchAgreementRefusal({ id: 'agreement-1', status: 'ACTIVE' })).toBeUndefined();
    expect(dispatchAgreementRefusal({ id: 'agreement-1', status: 'DRAFT' })).toEqual({
      code: 'AGREEMENT_INACTIVE',
      message: 'agreement agreement-1 is DRAFT',
      details: { agreementId: 'agreement-1', status: 'DRAFT' },
    });
  });

  it('AGREEMENT_INACTIVE: refuses a day outside the validity, passes its first and last day', () => {
    const agreement = { id: 'agreement-1', validFrom: '2026-11-01', validTo: '2027-10-31' };
    expect(dispatchDayRefusal({ agreement, day: '2026-11-01' })).toBeUndefined();
    expect(dispatchDayRefusal({ agreement, day: '2027-10-31' })).toBeUndefined();
    expect(dispatchDayRefusal({ agreement, day: '2026-10-31' })).toEqual({
      code: 'AGREEMENT_INACTIVE',
      message: 'the agreement is valid 2026-11-01 to 2027-10-31, not on 2026-10-31',
      details: { agreementId: 'agreement-1', day: '2026-10-31' },
    });
  });

  it('accepts a line every rule lets through, at the catalog price then, or the agreement price', () => {
    expect(dispatchLineRefusal(candidate())).toBeUndefined();
    expect(dispatchedLine(candidate())).toEqual({
      lineNo: 2,
      productId: 'product-1',
      lotCode: 'KT-2611-01',
      expiryDate: '2027-02-20',
      quantity: 10,
      unitPrice: 25_000,
    });
    expect(dispatchedLine(candidate({ agreement: agreementPrice(22_000) })).unitPrice).toBe(22_000);
  });

  it.each([
    ['PRODUCT_UNKNOWN', { product: undefined }, 'product product-1 is not an approved catalog product'],
    ['PRODUCT_OF_OTHER_UPT', { product: { ...product, uptCode: 'LP-SBY-1' } }, 'product KT-01 is made by LP-SBY-1, not LP-TGR-1'],
    ['PRODUCT_SUSPENDED', { product: { ...product, status: 'SUSPENDED' as const } }, 'product KT-01 is suspended'],
    ['PRODUCT_DISCONTINUED', { product: { ...product, status: 'DISCONTINUED' as const } }, 'product KT-01 is discontinued'],
    ['PRODUCT_NOT_CONSIGNABLE', { product: { ...product, consignable: false } }, 'product KT-01 keeps a day or less and is not consigned'],
  ])('%s: refuses the line, naming it and the product', (code, change, message) => {
    expect(dispatchLineRefusal(candidate(change))).toEqual({
      code,
      message: `line 2: ${message}`,
      details: { line: 2, productId: 'product-1' },
    });
  });

  it('EXPIRY_REQUIRED: refuses a perishable lot without an expiry date, passes goods that do not expire', () => {
    expect(dispatchLineRefusal(candidate({}, { expiryDate: undefined }))).toEqual({
      code: 'EXPIRY_REQUIRED',
      message: "line 2: KT-01 is perishable; give the lot's expiry date",
      details: { line: 2, field: 'expiryDate' },
    });
    const lasting = candidate({ product: { ...product, shelfLifeDays: null } }, { expiryDate: undefined });
    expect(dispatchLineRefusal(lasting)).toBeUndefined();
    expect(dispatchedLine(lasting).expiryDate).toBe('9999-12-31');
  });

  it('LOT_EXPIRED: refuses a lot that expired before the day it leaves, passes one expiring that day', () => {
    expect(dispatchLineRefusal(candidate({}, { expiryDate: '2026-11-03' }))).toBeUndefined();
    expect(dispatchLineRefusal(candidate({}, { expiryDate: '2026-11-02' }))).toEqual({
      code: 'LOT_EXPIRED',
      message: 'line 2: lot KT-2611-01 expired on 2026-11-02',
      details: { line: 2 },
    });
  });

  it('PRODUCT_NOT_YET_APPROVED: refuses a line dated before its product was approved, passes one dated at the approval', () => {
    const early = new Date('2025-12-31T23:59:59Z');
    expect(dispatchLineRefusal(candidate({ dispatchedAt: early }))).toEqual({
      code: 'PRODUCT_NOT_YET_APPROVED',
      message: 'line 2: product KT-01 was approved at 2026-01-01T00:00:00.000Z, after 2025-12-31T23:59:59.000Z',
      details: { line: 2, productId: 'product-1', approvedAt: '2026-01-01T00:00:00.000Z', at: '2025-12-31T23:59:59.000Z' },
    });
    expect(dispatchLineRefusal(candidate({ dispatchedAt: new Date('2026-01-01T00:00:00Z') }))).toBeUndefined();
  });

  it('PRODUCT_SUSPENDED: refuses a line dated while its product was suspended, though it is approved today', () => {
    expect(dispatchLineRefusal(candidate({ dispatchedAt: new Date('2026-06-15T00:00:00Z') }))).toEqual({
      code: 'PRODUCT_SUSPENDED',
      message:
        'line 2: product KT-01 was suspended from 2026-06-01T00:00:00.000Z to 2026-07-01T00:00:00.000Z, which includes 2026-06-15T00:00:00.000Z',
      details: {
        line: 2,
        productId: 'product-1',
        suspendedFrom: '2026-06-01T00:00:00.000Z',
        suspendedUntil: '2026-07-01T00:00:00.000Z',
        at: '2026-06-15T00:00:00.000Z',
      },
    });
    expect(dispatchLineRefusal(candidate({ dispatchedAt: new Date('2026-07-01T00:00:00Z') }))).toBeUndefined(); // reinstated then
    expect(dispatchLineRefusal(candidate({ dispatchedAt: new Date('2026-05-31T23:59:59Z') }))).toBeUndefined();
  });

  it('judges the product today before its date: a product suspended now is PRODUCT_SUSPENDED whatever the date', () => {
    const now = { ...product, status: 'SUSPENDED' as const, suspensions: [{ from: '2026-11-01T00:00:00.000Z', until: null }] };
    expect(dispatchLineRefusal(candidate({ product: now, dispatchedAt: new Date('2025-01-01T00:00:00Z') }))).toMatchObject({
      code: 'PRODUCT_SUSPENDED',
      message: 'line 2: product KT-01 is suspended',
    });
  });

  it('PRICE_UNKNOWN: names the day the catalog price applies from and suggests it as an agreement price; passes one the agreement prices', () => {
    expect(
      dispatchLineRefusal(candidate({ priceHistory: [{ effectiveFrom: Date.parse('2026-12-01T00:00:00Z'), price: 25_000 }] })),
    ).toEqual({
      code: 'PRICE_UNKNOWN',
      message:
        'line 2: the catalog price applies from 2026-12-01, not on 2026-11-03, and the agreement has no price on 2026-11-03; ' +
        'set an agreement price from 2026-11-03 (the catalog price was 25000)',
      details: { line: 2, productId: 'product-1', day: '2026-11-03', catalogPriceFrom: '2026-12-01', suggestedAgreementPrice: 25_000 },
    });
    expect(dispatchLineRefusal(candidate({ priceHistory: undefined }))).toMatchObject({
      code: 'PRICE_UNKNOWN',
      details: { catalogPriceFrom: null, suggestedAgreementPrice: null },
    });
    expect(dispatchLineRefusal(candidate({ agreement: agreementPrice(22_000), priceHistory: undefined }))).toBeUndefined();
  });

  it('ALREADY_RECEIVED and DISPATCH_CANCELLED: refuse a dispatch no longer in transit, pass one in transit', () => {
    expect(cancellationRefusal({ number: 'SJ/LP-TGR-1/2026/0001', status: 'IN_TRANSIT' })).toBeUndefined();
    expect(cancellationRefusal({ number: 'SJ/LP-TGR-1/2026/0001', status: 'RECEIVED' })).toEqual({
      code: 'ALREADY_RECEIVED',
      message: 'dispatch SJ/LP-TGR-1/2026/0001 is RECEIVED',
      details: { current: 'RECEIVED', requested: 'IN_TRANSIT' },
    });
    expect(cancellationRefusal({ number: 'SJ/LP-TGR-1/2026/0001', status: 'CANCELLED' })).toEqual({
      code: 'DISPATCH_CANCELLED',
      message: 'dispatch SJ/LP-TGR-1/2026/0001 is CANCELLED',
      details: { current: 'CANCELLED', requested: 'IN_TRANSIT' },
    });
  });
});
