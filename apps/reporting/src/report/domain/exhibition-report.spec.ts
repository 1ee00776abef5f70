import { bestSellers, compareEditions, exhibitionTotals, sellThrough, type ExhibitionFigureRow } from './exhibition-report';

const upt = (uptCode: string, sold: number, netSales: number, proceeds: number | null, pnbp: number | null): ExhibitionFigureRow => ({
  uptCode,
  received: 10,
  sold,
  grossSales: netSales,
  netSales,
  sellThrough: sellThrough(sold, 10),
  proceeds,
  pnbp,
});

describe('the exhibition report', () => {
  it('sums the UPTs; a statement not yet issued adds no proceeds or PNBP', () => {
    expect(exhibitionTotals([upt('A', 3, 30_000, 27_000, 27_000), upt('B', 2, 15_000, null, null)])).toEqual({
      upts: 2,
      sold: 5,
      netSales: 45_000,
      proceeds: 27_000,
      pnbp: 27_000,
    });
  });

  it('names the best sellers by units, then net sales, then SKU, leaving out what sold nothing', () => {
    const product = (sku: string, sold: number, netSales: number) => ({ ...upt('A', sold, netSales, null, null), sku, name: sku });
    const rows = [product('C', 2, 10), product('A', 5, 10), product('B', 2, 20), product('D', 0, 0)];
    expect(bestSellers(rows).map((r) => r.sku)).toEqual(['A', 'B', 'C']);
    expect(bestSellers(rows, 1).map((r) => r.sku)).toEqual(['A']);
  });

  it('compares totals with the previous edition: the change and its rate, none where the previous was zero', () => {
    const previous = {
      exhibitionId: 'p',
      name: 'PIPAS Banten 2025',
      edition: '2025',
      totals: { upts: 2, sold: 4, netSales: 40_000, proceeds: 0, pnbp: 36_000 },
    };
    const c = compareEditions({ upts: 3, sold: 5, netSales: 30_000, proceeds: 27_000, pnbp: 27_000 }, previous);
    expect(c.change).toEqual({ sold: 1, netSales: -10_000, proceeds: 27_000, pnbp: -9_000 });
    expect(c.changeRate).toEqual({ sold: 0.25, netSales: -0.25, proceeds: null, pnbp: -0.25 });
  });

  it('sell-through is units sold of units received, zero when none were received', () => {
    expect(sellThrough(1, 3)).toBe(0.3333);
    expect(sellThrough(0, 0)).toBe(0);
  });
});
