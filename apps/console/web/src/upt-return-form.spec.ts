import { lotKey, returnNumber, returnRequests, returnSheet, suggestedReason, type StockLot } from './upt-return-form';

const lot = (lotCode: string, quantity: number, over: Partial<StockLot> = {}): StockLot => ({
  agreementId: 'ag-1',
  productId: `p-${lotCode}`,
  uptCode: 'LP-TGR-1',
  sku: `SKU-${lotCode}`,
  name: null,
  lotCode,
  expiryDate: '2027-01-01',
  bucket: 'SELLABLE',
  quantity,
  ...over,
});
const now = new Date('2026-11-30T03:00:00Z');
const JAKARTA = 'Asia/Jakarta';

describe('the return to the UPT', () => {
  const lots = [
    lot('A', 10),
    lot('A', 2, { bucket: 'QUARANTINE' }),
    lot('B', 4, { expiryDate: '2026-11-29' }),
    lot('C', 3, { agreementId: 'ag-2' }),
  ];
  const keys = lots.map(lotKey);

  it('suggests damaged for quarantined goods, expired for a lot past its date in the venue, unsold otherwise', () => {
    expect(lots.map((l) => suggestedReason(l, now, JAKARTA))).toEqual(['unsold', 'damaged', 'expired', 'unsold']);
    expect(suggestedReason(lot('D', 1, { expiryDate: '2026-11-30' }), now, JAKARTA)).toBe('unsold');
  });

  it('picks the lots with a quantity, and is not ready while a line is not a whole number or above what is on hand', () => {
    const sheet = returnSheet(lots, { [keys[0]]: '1', [keys[1]]: '2', [keys[3]]: '0' }, {}, now, JAKARTA);
    expect(sheet).toMatchObject({ picked: 2, units: 3, ready: true });
    expect(returnSheet(lots, {}, {}, now, JAKARTA).ready).toBe(false);
    const over = returnSheet(lots, { [keys[0]]: '1', [keys[1]]: '3' }, {}, now, JAKARTA);
    expect([over.ready, over.lines[1].problem]).toEqual([false, 'ABOVE_ON_HAND']);
    expect(returnSheet(lots, { [keys[0]]: '-1' }, {}, now, JAKARTA).lines[0].problem).toBe('NOT_A_QUANTITY');
  });

  it('sends one return per agreement and reason, with the bucket of each lot, split at the line limit', () => {
    const sheet = returnSheet(
      lots,
      { [keys[0]]: '1', [keys[1]]: '2', [keys[2]]: '4', [keys[3]]: '3' },
      { [keys[2]]: 'unsold' },
      now,
      JAKARTA,
    );
    expect(returnRequests(sheet)).toEqual([
      {
        agreementId: 'ag-1',
        reason: 'unsold',
        lines: [
          { productId: 'p-A', lotCode: 'A', bucket: 'SELLABLE', quantity: 1 },
          { productId: 'p-B', lotCode: 'B', bucket: 'SELLABLE', quantity: 4 },
        ],
      },
      { agreementId: 'ag-1', reason: 'damaged', lines: [{ productId: 'p-A', lotCode: 'A', bucket: 'QUARANTINE', quantity: 2 }] },
      { agreementId: 'ag-2', reason: 'unsold', lines: [{ productId: 'p-C', lotCode: 'C', bucket: 'SELLABLE', quantity: 3 }] },
    ]);
    expect(returnRequests(sheet, 1).map((r) => r.lines.length)).toEqual([1, 1, 1, 1]);
  });

  it('numbers a return by the end of its id, which differs between returns made in the same moment', () => {
    expect(returnNumber('01a22d07-e833-77fc-b96a-ac2e940068f8')).toBe('940068F8');
    expect(returnNumber('01a22d07-e833-77fc-b96a-ac2e940068f9')).not.toBe(returnNumber('01a22d07-e833-77fc-b96a-ac2e940068f8'));
  });
});
