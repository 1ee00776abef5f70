import { agreementProblems, agreementRequest, emptyAgreement, priceChangeProblems, typedPrices } from './agreement-form';

const ready = {
  ...emptyAgreement('2026-12-01'),
  uptCode: 'LP-TGR-1',
  venueCode: 'IMI-KPG',
  commission: '12,5',
  maxDiscount: '10',
  validTo: '2027-11-30',
  prices: { 'p-1': '15.000', 'p-2': '' },
};

describe('the agreement form', () => {
  it('needs a UPT and a venue, and starts today with no commission, no discount, shrinkage on the venue', () => {
    const empty = emptyAgreement('2026-12-01');
    expect(empty).toMatchObject({ commission: '0', maxDiscount: '0', shrinkageLiability: 'VENUE', validFrom: '2026-12-01', validTo: '' });
    expect(agreementProblems(empty).map((p) => `${p.field}:${p.problem}`)).toEqual(['uptCode:choose', 'venueCode:choose']);
  });

  it('sends percentages as basis points, the validity and only the prices typed', () => {
    expect(agreementProblems(ready)).toEqual([]);
    expect(agreementRequest(ready)).toEqual({
      uptCode: 'LP-TGR-1',
      venueCode: 'IMI-KPG',
      commissionBp: 1250,
      maxDiscountBp: 1000,
      shrinkageLiability: 'VENUE',
      validFrom: '2026-12-01',
      validTo: '2027-11-30',
      prices: [{ productId: 'p-1', price: 15_000 }],
    });
    expect(agreementRequest({ ...ready, validTo: '', prices: {} })).not.toHaveProperty('validTo');
    expect(agreementRequest({ ...ready, prices: {} })).not.toHaveProperty('prices');
  });

  it('refuses a percentage above the limit, a reversed validity and a price that is no rupiah', () => {
    const problems = agreementProblems({
      ...ready,
      commission: '101',
      maxDiscount: 'sepuluh',
      validTo: '2026-11-30',
      prices: { 'p-1': '15,5', 'p-2': '0' },
    });
    expect(problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'commission:percentMax',
      'maxDiscount:percent',
      'validTo:reversed',
      'price-p-1:rupiah',
      'price-p-2:priceRange',
    ]);
  });

  it('changes prices from a day, at least one price given', () => {
    expect(priceChangeProblems({ 'p-1': '' }, '')).toEqual([{ field: 'prices', problem: 'noPrice' }]);
    expect(priceChangeProblems({ 'p-1': '17.500' }, '2027-01-01')).toEqual([]);
    expect(typedPrices({ 'p-1': '17.500', 'p-2': ' ' }, '2027-01-01')).toEqual([
      { productId: 'p-1', price: 17_500, effectiveFrom: '2027-01-01' },
    ]);
  });
});
