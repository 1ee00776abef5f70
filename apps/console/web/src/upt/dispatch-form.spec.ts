import {
  dispatchLineProblems,
  dispatchReady,
  dispatchRequest,
  dispatchTotals,
  emptyLine,
  parseQuantity,
  type DispatchLineForm,
  type DispatchProduct,
} from './dispatch-form';

const tempe: DispatchProduct = { id: 'p-tempe', sku: 'KRP-TEMPE-100', name: 'Keripik tempe', shelfLifeDays: 90, price: 25_000 };
const paving: DispatchProduct = { id: 'p-paving', sku: 'PAVING-K100', name: 'Paving block', shelfLifeDays: null, price: 3_000 };
const products = [tempe, paving];
const today = '2026-11-30';
const line = (change: Partial<DispatchLineForm> = {}): DispatchLineForm => ({
  key: 1,
  productId: tempe.id,
  lotCode: 'KT-2611-01',
  expiryDate: '2027-02-20',
  quantity: '40',
  ...change,
});
const problemsOf = (l: DispatchLineForm, lines: DispatchLineForm[] = [l]) => dispatchLineProblems(l, lines, products, today);

describe('the dispatch form', () => {
  it('passes a line of an approved product with a lot, an expiry and a whole quantity', () => {
    expect(problemsOf(line())).toEqual([]);
  });

  it('names every field that is wrong, in the order the service checks', () => {
    expect(problemsOf(emptyLine(1))).toEqual(['PRODUCT', 'LOT_CODE', 'QUANTITY']);
    expect(problemsOf(line({ productId: 'p-other' }))).toEqual(['PRODUCT']);
    expect(problemsOf(line({ lotCode: ' -KT' }))).toEqual(['LOT_CODE']);
    expect(problemsOf(line({ lotCode: 'A'.repeat(41) }))).toEqual(['LOT_CODE']);
    expect(problemsOf(line({ quantity: '0' }))).toEqual(['QUANTITY']);
    expect(problemsOf(line({ quantity: '2,5' }))).toEqual(['QUANTITY']);
    expect(problemsOf(line({ quantity: '1000001' }))).toEqual(['QUANTITY']);
  });

  it('EXPIRY_REQUIRED for a perishable, not for goods that do not expire', () => {
    expect(problemsOf(line({ expiryDate: '' }))).toEqual(['EXPIRY_REQUIRED']);
    expect(problemsOf(line({ productId: paving.id, expiryDate: '' }))).toEqual([]);
    expect(problemsOf(line({ expiryDate: '2027-02-30' }))).toEqual(['EXPIRY_NOT_A_DAY']);
  });

  it('LOT_EXPIRED before the day the goods leave; a lot expiring that day still goes', () => {
    expect(problemsOf(line({ expiryDate: '2026-11-29' }))).toEqual(['LOT_EXPIRED']);
    expect(problemsOf(line({ expiryDate: today }))).toEqual([]);
  });

  it('DUPLICATE on the second line of the same product and lot; another lot is fine', () => {
    const first = line();
    const again = line({ key: 2, quantity: '5' });
    const other = line({ key: 3, lotCode: 'KT-2611-02' });
    expect(problemsOf(first, [first, again, other])).toEqual([]);
    expect(problemsOf(again, [first, again, other])).toEqual(['DUPLICATE']);
    expect(problemsOf(other, [first, again, other])).toEqual([]);
  });

  it('is ready with an agreement and lines without problems only', () => {
    const lines = [line(), line({ key: 2, productId: paving.id, lotCode: 'PV-01', expiryDate: '', quantity: '1.200' })];
    expect(dispatchReady('agreement-1', lines, products, today)).toBe(true);
    expect(dispatchReady('', lines, products, today)).toBe(false);
    expect(dispatchReady('agreement-1', [], products, today)).toBe(false);
    expect(dispatchReady('agreement-1', [...lines, emptyLine(3)], products, today)).toBe(false);
  });

  it('sends the lines as POST /dispatches takes them, without an expiry for goods that do not expire', () => {
    const lines = [
      line({ lotCode: ' KT-2611-01 ' }),
      line({ key: 2, productId: paving.id, lotCode: 'PV-01', expiryDate: '', quantity: '1.200' }),
    ];
    expect(dispatchRequest('agreement-1', lines)).toEqual({
      agreementId: 'agreement-1',
      lines: [
        { productId: tempe.id, lotCode: 'KT-2611-01', expiryDate: '2027-02-20', quantity: 40 },
        { productId: paving.id, lotCode: 'PV-01', quantity: 1200 },
      ],
    });
    expect(dispatchTotals(lines)).toEqual({ lines: 2, units: 1240 });
    expect(parseQuantity(' 12 ')).toBe(12);
  });
});
