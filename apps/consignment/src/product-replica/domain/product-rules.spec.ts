import type { ReplicaProduct } from './product';
import { productRefusal, type ProductRefusalCode } from './product-rules';

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
