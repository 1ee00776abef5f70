import type { Freshness } from './report-rows';

/** An exhibition as reporting keeps it (from consignment.exhibition.created). */
export interface ExhibitionRow {
  exhibitionId: string;
  venueCode: string;
  name: string;
  series: string;
  edition: string;
  organiserCode: string;
  location: string;
  timeZone: string;
  first: string;
  last: string;
  /** The settlement period of its agreements, `first..last`. */
  period: string;
  uptCodes: string[];
  /** One per UPT, in the order of uptCodes. */
  agreementIds: string[];
}

/** One UPT's or one product's figures at an exhibition (units, whole rupiah). */
export interface ExhibitionFigureRow {
  uptCode: string;
  /** Product rows only. */
  sku?: string;
  name?: string;
  received: number;
  sold: number;
  grossSales: number;
  netSales: number;
  /** Units sold of units received, 0..1; 0 when nothing was received. */
  sellThrough: number;
  /** UPT rows only: from the issued statement, null until it is issued. */
  proceeds?: number | null;
  pnbp?: number | null;
  statementStatus?: string | null;
}

export interface ExhibitionTotals {
  upts: number;
  sold: number;
  netSales: number;
  proceeds: number;
  pnbp: number;
}

/** This edition's totals against the previous edition's of the same series: the change, and as a share of the previous. */
export interface EditionComparison {
  exhibitionId: string;
  name: string;
  edition: string;
  totals: ExhibitionTotals;
  change: { sold: number; netSales: number; proceeds: number; pnbp: number };
  /** null where the previous edition's figure is zero */
  changeRate: { sold: number | null; netSales: number | null; proceeds: number | null; pnbp: number | null };
}

export interface ExhibitionReport {
  freshness: Freshness;
  exhibition: ExhibitionRow;
  byUpt: ExhibitionFigureRow[];
  byProduct: ExhibitionFigureRow[];
  bestSellers: ExhibitionFigureRow[];
  totals: ExhibitionTotals;
  previous: EditionComparison | null;
}

/** How many best sellers the report names. */
export const BEST_SELLERS = 10;

/** The totals of an exhibition's UPT rows; a statement not issued yet adds nothing to proceeds and PNBP. */
export function exhibitionTotals(byUpt: readonly ExhibitionFigureRow[]): ExhibitionTotals {
  return {
    upts: byUpt.length,
    sold: byUpt.reduce((s, r) => s + r.sold, 0),
    netSales: byUpt.reduce((s, r) => s + r.netSales, 0),
    proceeds: byUpt.reduce((s, r) => s + (r.proceeds ?? 0), 0),
    pnbp: byUpt.reduce((s, r) => s + (r.pnbp ?? 0), 0),
  };
}

/** The products sold most (units, then net sales, then SKU), at most `count`; products that sold nothing are none. */
export function bestSellers(byProduct: readonly ExhibitionFigureRow[], count = BEST_SELLERS): ExhibitionFigureRow[] {
  return byProduct
    .filter((r) => r.sold > 0)
    .sort((a, b) => b.sold - a.sold || b.netSales - a.netSales || (a.sku ?? '').localeCompare(b.sku ?? ''))
    .slice(0, count);
}

const rate = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 10_000) / 10_000);

/** This edition's totals against a previous edition's. */
export function compareEditions(
  current: ExhibitionTotals,
  previous: { exhibitionId: string; name: string; edition: string; totals: ExhibitionTotals },
): EditionComparison {
  const keys = ['sold', 'netSales', 'proceeds', 'pnbp'] as const;
  const change = Object.fromEntries(keys.map((k) => [k, current[k] - previous.totals[k]])) as EditionComparison['change'];
  const changeRate = Object.fromEntries(keys.map((k) => [k, rate(current[k], previous.totals[k])])) as EditionComparison['changeRate'];
  return { ...previous, change, changeRate };
}

/** Sell-through of a row's figures: units sold of units received. */
export function sellThrough(sold: number, received: number): number {
  return received === 0 ? 0 : Math.round((sold / received) * 10_000) / 10_000;
}
