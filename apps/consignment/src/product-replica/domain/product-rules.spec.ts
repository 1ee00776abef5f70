import type { ReplicaProduct } from './product';
import { PRODUCT_ON_DATE_RULES, productOnDateRefusal, productRefusal, type ProductRefusalCode } from './product-rules';

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

describe('product rules (dispatch and sale)', () => {
  it('lets an approved, consignable product of the agreement UPT through', () => {
    expect(productRefusal({ productId: 'product-1', product, uptCode: 'LP-TGR-1' })).toBeUndefined();
  });

  const cases: [ProductRefusalCode, ReplicaProduct | undefined, string][] = [
    ['PRODUCT_UNKNOWN', undefined, 'product product-1 is not an approved catalog product'],
    ['PRODUCT_OF_OTHER_UPT', { ...product, uptCode: 'RT-SRG-1' }, 'product KT-01 is made by RT-SRG-1, not LP-TGR-1'],
    ['PRODUCT_SUSPENDED', { ...product, status: 'SUSPENDED' }, 'product KT-01 is suspended'],
    ['PRODUCT_DISCONTINUED', { ...product, status: 'DISCONTINUED' }, 'product KT-01 is discontinued'],
    ['PRODUCT_NOT_CONSIGNABLE', { ...product, consignable: false }, 'product KT-01 keeps a day or less and is not consigned'],
  ];

  it.each(cases)('refuses %s', (code, candidate, message) => {
    expect(productRefusal({ productId: 'product-1', product: candidate, uptCode: 'LP-TGR-1' })).toEqual({ code, message });
  });
});

describe('product rules as of a document date (dispatch)', () => {
  const suspended = { ...product, suspensions: [{ from: '2026-03-01T00:00:00.000Z', until: null }] };

  it('applies them in order: approval, then suspensions', () => {
    expect(PRODUCT_ON_DATE_RULES.map((rule) => rule.name)).toEqual(['approvedByThen', 'notSuspendedThen']);
  });

  it('PRODUCT_NOT_YET_APPROVED: a date before the approval', () => {
    expect(productOnDateRefusal({ product, at: new Date('2025-12-31T00:00:00Z') })?.code).toBe('PRODUCT_NOT_YET_APPROVED');
    expect(productOnDateRefusal({ product, at: new Date('2026-01-01T00:00:00Z') })).toBeUndefined();
  });

  it('PRODUCT_SUSPENDED: a date inside a suspension still open', () => {
    expect(productOnDateRefusal({ product: suspended, at: new Date('2026-03-01T00:00:00Z') })).toMatchObject({
      code: 'PRODUCT_SUSPENDED',
      details: { suspendedFrom: '2026-03-01T00:00:00.000Z', suspendedUntil: null },
    });
    expect(productOnDateRefusal({ product: suspended, at: new Date('2026-02-28T23:59:59Z') })).toBeUndefined();
  });
});
