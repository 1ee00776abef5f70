import {
  behindFirst,
  byExpiry,
  byNetSales,
  chartOf,
  expiryBucket,
  formatRate,
  head,
  monthlySeries,
  total,
  worstFirst,
  type StockRow,
} from './report-series';

describe('report series', () => {
  it('fills the months without sales with zero', () => {
    const rows = [{ period: '2026-10', units: 3, netSales: 30_000, pnbp: 4_500 }];
    expect(monthlySeries(rows, '2026-09', '2026-11')).toEqual([
      { period: '2026-09', units: 0, netSales: 0, pnbp: 0 },
      rows[0],
      { period: '2026-11', units: 0, netSales: 0, pnbp: 0 },
    ]);
  });

  it('orders a rollup by net sales and makes one series per column, nulls as zero', () => {
    const rows = byNetSales([
      { key: 'B', netSales: 10, pnbp: null },
      { key: 'A', netSales: 10, pnbp: 2 },
      { key: 'C', netSales: 30, pnbp: 5 },
    ]);
    expect(rows.map((r) => r.key)).toEqual(['C', 'A', 'B']);
    expect(chartOf(rows, (r) => r.key, { net: (r) => r.netSales, pnbp: (r) => r.pnbp })).toEqual({
      labels: ['C', 'A', 'B'],
      keys: ['C', 'A', 'B'],
      series: [
        { name: 'net', values: [30, 10, 10] },
        { name: 'pnbp', values: [5, 2, 0] },
      ],
    });
    expect(total(rows, (r) => r.pnbp)).toBe(7);
    expect(head(rows, 2)).toEqual({ shown: rows.slice(0, 2), more: 1 });
  });

  it('puts near-expiry lots in the windows the chosen days reach', () => {
    expect([-1, 0, 7, 8, 14, 15, 30, 31].map(expiryBucket)).toEqual(['expired', '0-7', '0-7', '8-14', '8-14', '15-30', '15-30', '31+']);
    const lot = (daysLeft: number, quantity: number): StockRow => ({
      venueCode: 'V',
      uptCode: 'U',
      sku: 'S',
      name: 'N',
      lotCode: 'L',
      expiryDate: '2026-12-01',
      quantity,
      daysLeft,
    });
    expect(byExpiry([lot(-2, 1), lot(3, 4), lot(5, 6)], 7)).toEqual([
      { bucket: 'expired', lots: 1, units: 1 },
      { bucket: '0-7', lots: 2, units: 10 },
    ]);
    expect(byExpiry([], 60).map((b) => b.bucket)).toEqual(['expired', '0-7', '8-14', '15-30', '31+']);
  });

  it('shows the worst discrepancy and the furthest-behind UPT first', () => {
    const d = (key: string, damagedRate: number | null, shortRate: number | null) => ({
      key,
      dispatched: 10,
      damaged: 0,
      short: 0,
      damagedRate,
      shortRate,
    });
    expect(worstFirst([d('A', 0.01, 0), d('B', 0.02, 0.05), d('C', null, null)]).map((r) => r.key)).toEqual(['B', 'A', 'C']);
    const p = (uptCode: string, progress: number) => ({ uptCode, target: 100, issued: 0, deposited: 0, progress });
    expect(behindFirst([p('A', 0.5), p('B', 0.1)]).map((r) => r.uptCode)).toEqual(['B', 'A']);
    expect(formatRate(0.0125)).toBe('1,3%');
    expect(formatRate(null)).toBe('–');
  });
});
