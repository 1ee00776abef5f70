/** What a month's rollup is grouped by. */
export const ROLLUP_DIMENSIONS = ['kanwil', 'upt', 'venue', 'category', 'product'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** When the read models last applied an event. */
export interface Freshness {
  lastEventTime: string | null;
  lastEventId: string | null;
}

export interface RollupRow {
  key: string;
  soldQuantity: number;
  grossSales: number;
  netSales: number;
  received: number;
  sellThrough: number | null;
  /** proceeds, pnbp and premi come from statements, so only by Kanwil, UPT and venue (null otherwise) */
  proceeds: number | null;
  pnbp: number | null;
  premi: number | null;
}

export interface MoverRow {
  sku: string;
  name: string;
  uptCode: string;
  sold: number;
  received: number;
}

export interface DiscrepancyRow {
  key: string;
  dispatched: number;
  damaged: number;
  short: number;
  damagedRate: number | null;
  shortRate: number | null;
}

export interface SalesDayRow {
  day: string;
  venueCode: string;
  uptCode: string;
  quantity: number;
  amount: number;
}

export interface StockRow {
  venueCode: string;
  uptCode: string;
  sku: string;
  name: string;
  lotCode: string;
  expiryDate: string | null;
  quantity: number;
  daysLeft: number | null;
}

export interface OutstandingRow {
  id: string;
  period: string;
  uptCode: string;
  venueCode: string;
  proceeds: number;
  issuedAt: string;
  ageDays: number;
  ageBucket: '0-30' | '31-60' | '61-90' | '>90';
}

export interface PnbpProgressRow {
  uptCode: string;
  target: number;
  issued: number;
  deposited: number;
  progress: number;
}

/** Best sellers by units sold, and slowest by units sold against units received, `count` of each. */
export function movers(rows: MoverRow[], count: number): { top: MoverRow[]; slow: MoverRow[] } {
  const top = [...rows].sort((a, b) => b.sold - a.sold || a.sku.localeCompare(b.sku)).slice(0, count);
  const slow = rows
    .filter((r) => r.received > 0)
    .sort((a, b) => a.sold / a.received - b.sold / b.received || a.sku.localeCompare(b.sku))
    .slice(0, count);
  return { top, slow };
}
