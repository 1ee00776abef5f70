import { DomainError } from '@titipan/kernel';
import { ageBucketOf, byAge, everyMonth, monthsBetween, movers, type MoverRow } from './report-rows';

const row = (sku: string, sold: number, received: number): MoverRow => ({ sku, name: sku, uptCode: 'LPP-TGR', sold, received });

describe('movers', () => {
  const rows = [row('B', 5, 10), row('A', 5, 20), row('C', 9, 10), row('D', 0, 0)];

  it('ranks top movers by units sold, SKU breaking ties, and keeps the limit', () => {
    expect(movers(rows, 3).top.map((r) => r.sku)).toEqual(['C', 'A', 'B']);
  });

  it('ranks slow movers by units sold against units received, leaving out products never received', () => {
    expect(movers(rows, 10).slow.map((r) => r.sku)).toEqual(['A', 'B', 'C']);
  });
});

describe('unpaid statements by age', () => {
  it('puts a statement in its bucket by whole days unpaid, the bounds inside the lower bucket', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(ageBucketOf)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '>90', '>90']);
  });

  it('counts and sums every bucket, in order, empty ones included', () => {
    expect(
      byAge([
        { ageBucket: '>90', proceeds: 100 },
        { ageBucket: '0-30', proceeds: 20 },
        { ageBucket: '>90', proceeds: 5 },
      ]),
    ).toEqual([
      { ageBucket: '0-30', statements: 1, proceeds: 20 },
      { ageBucket: '31-60', statements: 0, proceeds: 0 },
      { ageBucket: '61-90', statements: 0, proceeds: 0 },
      { ageBucket: '>90', statements: 2, proceeds: 105 },
    ]);
  });
});

describe('months of sales-monthly', () => {
  it('lists every month of the range across a year end, both ends included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-10', '2026-10')).toEqual(['2026-10']);
  });

  it('refuses a reversed range, and one longer than three years', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(codeOf(() => monthsBetween('2026-10', '2026-09'))).toBe('RANGE_REVERSED');
    expect(codeOf(() => monthsBetween('2024-01', '2026-12'))).toBeUndefined();
    expect(codeOf(() => monthsBetween('2024-01', '2027-01'))).toBe('RANGE_TOO_LONG');
  });

  it('fills months without sales with zeros, keeping the months it has', () => {
    const october = { period: '2026-10', units: 9, netSales: 137_000, pnbp: 20_745 };
    expect(everyMonth(['2026-09', '2026-10', '2026-11'], [october])).toEqual([
      { period: '2026-09', units: 0, netSales: 0, pnbp: 0 },
      october,
      { period: '2026-11', units: 0, netSales: 0, pnbp: 0 },
    ]);
  });
});
