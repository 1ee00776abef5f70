import { countRequests, countSheet, lotKey, lotPrices, type StockLot } from './stock-count-form';

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

describe('the stock count sheet', () => {
  const lots = [lot('A', 10), lot('B', 5), lot('C', 3, { agreementId: 'ag-2' })];
  const prices = lotPrices([
    {
      agreementId: 'ag-1',
      lines: [
        { productId: 'p-A', lotCode: 'A', unitPrice: 25_000 },
        { productId: 'p-B', lotCode: 'B', unitPrice: 10_000 },
      ],
    },
  ]);
  const entered = (a: string, b: string, c: string) => ({ [lotKey(lots[0])]: a, [lotKey(lots[1])]: b, [lotKey(lots[2])]: c });

  it('shows each variance and the totals, in units and in rupiah at the dispatch price', () => {
    const sheet = countSheet(lots, prices, entered('9', '6', '3'));
    expect(sheet.lines.map((l) => [l.variance, l.value])).toEqual([
      [-1, -25_000],
      [1, 10_000],
      [0, null],
    ]);
    expect(sheet).toMatchObject({ totalVariance: 0, totalValue: -15_000, unpriced: false, linesWithVariance: 2, ready: true });
  });

  it('is not ready while a line is not a whole number, and says when a variance has no price', () => {
    expect(countSheet(lots, prices, entered('9', '', '3')).ready).toBe(false);
    expect(countSheet(lots, prices, entered('9', '-1', '3')).lines[1].problem).toBe('NOT_A_COUNT');
    expect(countSheet(lots, prices, entered('10', '5', '2')).unpriced).toBe(true);
  });

  it('sends one count per agreement, split at the line limit', () => {
    const sheet = countSheet(lots, prices, entered('9', '5', '3'));
    expect(countRequests(sheet, ' opname akhir bulan ')).toEqual([
      {
        agreementId: 'ag-1',
        reason: 'opname akhir bulan',
        lines: [
          { productId: 'p-A', lotCode: 'A', bucket: 'SELLABLE', counted: 9 },
          { productId: 'p-B', lotCode: 'B', bucket: 'SELLABLE', counted: 5 },
        ],
      },
      { agreementId: 'ag-2', reason: 'opname akhir bulan', lines: [{ productId: 'p-C', lotCode: 'C', bucket: 'SELLABLE', counted: 3 }] },
    ]);
    expect(countRequests(sheet, 'x', 1).map((r) => r.lines.length)).toEqual([1, 1, 1]);
  });
});
