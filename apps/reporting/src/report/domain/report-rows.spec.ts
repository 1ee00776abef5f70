import { movers, type MoverRow } from './report-rows';

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
