import { formatRupiah, type Refusal } from '@titipan/kernel';
import type { DispatchLine } from '../../dispatch/domain/dispatch';
import type { ProductName } from './printed-document';

/**
 * Product labels of a dispatch: one label per unit dispatched, so every item leaves the UPT with its own sticker
 * for the till's scanner. Each label has the product's name, its price and its SKU (printed as Code 128). The
 * price is the line's: the agreement's price of the product when the dispatch was made, else the catalog's.
 */
export interface ProductLabel {
  name: string;
  price: string;
  sku: string;
}

/**
 * A sheet of 14 labels (2 across, 7 down, 99.1 x 38.1 mm as on common A4 label stock) in points. Two across
 * rather than three: a SKU's Code 128 then has room for bars wide enough for a till's scanner.
 */
export const LABEL_GRID = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  columns: 2,
  rows: 7,
  marginX: 14,
  marginY: 43,
} as const;

export const LABELS_PER_SHEET = LABEL_GRID.columns * LABEL_GRID.rows;

/** The most labels one request prints: 100 sheets. A larger dispatch is refused rather than tying up the service. */
export const MAX_LABELS = 100 * LABELS_PER_SHEET;

export function productLabels(lines: readonly DispatchLine[], products: ReadonlyMap<string, ProductName>): ProductLabel[] {
  return lines.flatMap((line) => {
    const product = products.get(line.productId);
    const label = {
      name: product?.name ?? '(produk tidak dikenal)',
      price: formatRupiah(line.unitPrice),
      sku: product?.sku ?? line.productId,
    };
    return Array.from({ length: line.quantity }, () => label);
  });
}

export interface LabelBox {
  /** Sheet index, from 0. */
  sheet: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the n-th label (from 0) goes: across first, then down, then onto the next sheet. */
export function labelBox(index: number): LabelBox {
  const g = LABEL_GRID;
  const width = (g.pageWidth - 2 * g.marginX) / g.columns;
  const height = (g.pageHeight - 2 * g.marginY) / g.rows;
  const onSheet = index % LABELS_PER_SHEET;
  return {
    sheet: Math.floor(index / LABELS_PER_SHEET),
    x: g.marginX + (onSheet % g.columns) * width,
    y: g.marginY + Math.floor(onSheet / g.columns) * height,
    width,
    height,
  };
}

/** A dispatch with more units than one request prints labels for. */
export function labelCountRefusal(units: number): Refusal<'TOO_MANY_LABELS'> | undefined {
  return units > MAX_LABELS
    ? {
        code: 'TOO_MANY_LABELS',
        message: `the dispatch has ${units} units; one label sheet request prints at most ${MAX_LABELS} labels`,
        details: { units, max: MAX_LABELS },
      }
    : undefined;
}
