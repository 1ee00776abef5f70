import { nationalDeltas, type MonthlyDelta, type ProjectionDeltas } from './projection-deltas';

const month = (change: Partial<MonthlyDelta>): MonthlyDelta => ({
  period: '2026-06',
  agreementId: 'a1',
  productId: 'p1',
  dispatched: 0,
  received: 0,
  damaged: 0,
  short: 0,
  sold: 0,
  grossSales: 0,
  customerReturns: 0,
  returnsValue: 0,
  ...change,
});

const deltasOf = (...rows: MonthlyDelta[]): ProjectionDeltas => ({
  stock: new Map(),
  daily: new Map(),
  monthly: new Map(rows.map((r) => [`${r.period}|${r.agreementId}|${r.productId}`, r])),
});

describe('the national rollup per month and product', () => {
  it('sums the monthly deltas of every agreement per month and product', () => {
    const national = nationalDeltas(
      deltasOf(
        month({ agreementId: 'a1', sold: 2, grossSales: 20_000, received: 5 }),
        month({ agreementId: 'a2', sold: 1, grossSales: 10_000, returnsValue: 3_000 }),
        month({ agreementId: 'a1', productId: 'p2', sold: 4, grossSales: 8_000 }),
        month({ period: '2026-07', agreementId: 'a1', sold: 1, grossSales: 10_000 }),
      ),
    );
    expect([...national.values()]).toEqual([
      { period: '2026-06', productId: 'p1', received: 5, sold: 3, grossSales: 30_000, returnsValue: 3_000 },
      { period: '2026-06', productId: 'p2', received: 0, sold: 4, grossSales: 8_000, returnsValue: 0 },
      { period: '2026-07', productId: 'p1', received: 0, sold: 1, grossSales: 10_000, returnsValue: 0 },
    ]);
  });

  it('keeps a product that was only dispatched, at zero, as monthly_product keeps its row', () => {
    expect([...nationalDeltas(deltasOf(month({ dispatched: 7 }))).values()]).toEqual([
      { period: '2026-06', productId: 'p1', received: 0, sold: 0, grossSales: 0, returnsValue: 0 },
    ]);
  });
});
