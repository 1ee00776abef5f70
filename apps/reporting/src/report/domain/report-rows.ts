import { DomainError } from '@titipan/kernel';

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

/** How long an issued statement has waited for payment, in days since its issue. */
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '>90'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface OutstandingRow {
  id: string;
  period: string;
  uptCode: string;
  venueCode: string;
  proceeds: number;
  issuedAt: string;
  ageDays: number;
  ageBucket: AgeBucket;
}

/** The unpaid statements of one age bucket: how many, and what they owe. */
export interface AgeBucketRow {
  ageBucket: AgeBucket;
  statements: number;
  proceeds: number;
}

/** One month of net sales: units sold, net sales (after customer returns), and the PNBP of its statements. */
export interface SalesMonthRow {
  period: string;
  units: number;
  netSales: number;
  pnbp: number;
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

/** The bucket of a statement unpaid for `ageDays` days. */
export function ageBucketOf(ageDays: number): AgeBucket {
  return ageDays <= 30 ? '0-30' : ageDays <= 60 ? '31-60' : ageDays <= 90 ? '61-90' : '>90';
}

/** Unpaid statements by age: every bucket, in order, empty ones included (a chart shows all four). */
export function byAge(rows: readonly Pick<OutstandingRow, 'ageBucket' | 'proceeds'>[]): AgeBucketRow[] {
  return AGE_BUCKETS.map((ageBucket) => {
    const of = rows.filter((r) => r.ageBucket === ageBucket);
    return { ageBucket, statements: of.length, proceeds: of.reduce((sum, r) => sum + r.proceeds, 0) };
  });
}

/** The longest range `sales-monthly` answers: three years of months. */
export const MAX_MONTHS = 36;

/** Every month from `from` to `to` (YYYY-MM, both included); refused reversed or longer than MAX_MONTHS. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  const [first, last] = [index(from), index(to)];
  if (last < first) throw new DomainError('validation', 'RANGE_REVERSED', `to ${to} is before from ${from}`, { field: 'to' });
  if (last - first + 1 > MAX_MONTHS)
    throw new DomainError('validation', 'RANGE_TOO_LONG', `${last - first + 1} months asked, at most ${MAX_MONTHS}`, {
      field: 'to',
      max: MAX_MONTHS,
    });
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const month = first + i;
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
}

/** A month's row for every month of the range, zero where nothing was sold (a chart's axis has no gaps). */
export function everyMonth(months: readonly string[], rows: readonly SalesMonthRow[]): SalesMonthRow[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return months.map((period) => byPeriod.get(period) ?? { period, units: 0, netSales: 0, pnbp: 0 });
}
