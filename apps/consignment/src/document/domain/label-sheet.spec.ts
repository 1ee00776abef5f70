import type { DispatchLine } from '../../dispatch/domain/dispatch';
import { LABEL_GRID, labelBox, labelCountRefusal, LABELS_PER_SHEET, MAX_LABELS, productLabels } from './label-sheet';

const line = (lineNo: number, productId: string, quantity: number, unitPrice: number): DispatchLine => ({
  lineNo,
  productId,
  lotCode: 'L',
  expiryDate: '2027-01-01',
  quantity,
  unitPrice,
  accepted: null,
  damaged: null,
  short: null,
  reason: null,
});

describe('product labels of a dispatch', () => {
  const products = new Map([['p-1', { name: 'Keripik Tempe 100 g', sku: 'KRP-TEMPE-100', unit: 'pcs' }]]);

  it("prints one label per unit, with the line's price as rupiah and the SKU", () => {
    const labels = productLabels([line(1, 'p-1', 2, 1_234_567), line(2, 'p-1', 1, 10_000)], products);
    expect(labels).toEqual([
      { name: 'Keripik Tempe 100 g', price: 'Rp 1.234.567', sku: 'KRP-TEMPE-100' },
      { name: 'Keripik Tempe 100 g', price: 'Rp 1.234.567', sku: 'KRP-TEMPE-100' },
      { name: 'Keripik Tempe 100 g', price: 'Rp 10.000', sku: 'KRP-TEMPE-100' },
    ]);
  });

  it('fills a sheet across, then down, then starts the next sheet', () => {
    expect(LABELS_PER_SHEET).toBe(14);
    const first = labelBox(0);
    expect(first).toMatchObject({ sheet: 0, x: LABEL_GRID.marginX, y: LABEL_GRID.marginY });
    expect(labelBox(1).x).toBeCloseTo(first.x + first.width);
    expect(labelBox(2)).toMatchObject({ x: first.x, y: first.y + first.height });
    expect(labelBox(14)).toMatchObject({ sheet: 1, x: first.x, y: first.y });
  });

  it('keeps the last label of a sheet on the page', () => {
    const last = labelBox(13);
    expect(last.x + last.width).toBeCloseTo(LABEL_GRID.pageWidth - LABEL_GRID.marginX);
    expect(last.y + last.height).toBeCloseTo(LABEL_GRID.pageHeight - LABEL_GRID.marginY);
  });

  it('refuses more labels than one request prints', () => {
    expect(labelCountRefusal(MAX_LABELS)).toBeUndefined();
    expect(labelCountRefusal(MAX_LABELS + 1)).toMatchObject({ code: 'TOO_MANY_LABELS', details: { max: MAX_LABELS } });
  });
});
