/**
 * The reports' rows shaped into what a chart and its table show: plain TS, no DOM (report-series.spec.ts).
 * A chart gets labels and one or more series of numbers; the table beside it shows the same rows.
 */
import { monthsBetween } from './report-filters';

export interface Series {
  /** i18n key of the series' name */
  name: string;
  values: number[];
}

export interface ChartData {
  labels: string[];
  /** the row key of each label (what a click on a bar opens) */
  keys: string[];
  series: Series[];
}

export interface Freshness {
  lastEventTime: string | null;
}

export interface MonthRow {
  period: string;
  units: number;
  netSales: number;
  pnbp: number;
}

/** Every month of the range, a month without sales as zero (a gap would hide that nothing sold). */
export function monthlySeries(rows: readonly MonthRow[], from: string, to: string): MonthRow[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return monthsBetween(from, to).map((period) => byPeriod.get(period) ?? { period, units: 0, netSales: 0, pnbp: 0 });
}

export interface RollupRow {
  key: string;
  soldQuantity: number;
  grossSales: number;
  netSales: number;
  received: number;
  sellThrough: number | null;
  proceeds: number | null;
  pnbp: number | null;
  premi: number | null;
}

/** Largest net sales first (then by key, so equal rows keep one order). */
export function byNetSales<T extends { key: string; netSales: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.netSales - a.netSales || a.key.localeCompare(b.key));
}

/** The sum of a numeric column, nulls as zero (a table's total row). */
export function total<T>(rows: readonly T[], pick: (row: T) => number | null | undefined): number {
  return rows.reduce((sum, row) => sum + (pick(row) ?? 0), 0);
}

/** A chart's data from rows: one label per row and one series per named column. */
export function chartOf<T>(rows: readonly T[], key: (row: T) => string, series: Record<string, (row: T) => number | null>): ChartData {
  return {
    labels: rows.map(key),
    keys: rows.map(key),
    series: Object.entries(series).map(([name, pick]) => ({ name, values: rows.map((r) => pick(r) ?? 0) })),
  };
}

/** A chart shows the first `limit` rows (a national product list has thousands); the table says how many more. */
export function head<T>(rows: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

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

/** The unpaid statements of one age bucket (reporting's `buckets`: all four, in order). */
export interface AgeRow {
  ageBucket: AgeBucket;
  statements: number;
  proceeds: number;
}

export interface StockRow {
  venueCode: string;
  uptCode: string;
  sku: string | null;
  name: string | null;
  lotCode: string;
  expiryDate: string | null;
  quantity: number;
  daysLeft: number | null;
}

export const EXPIRY_BUCKETS = ['expired', '0-7', '8-14', '15-30', '31+'] as const;
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];

/** Which window a lot's days left fall in. */
export function expiryBucket(daysLeft: number): ExpiryBucket {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 7) return '0-7';
  if (daysLeft <= 14) return '8-14';
  if (daysLeft <= 30) return '15-30';
  return '31+';
}

/** The first day left of each window. */
const BUCKET_FROM: Readonly<Record<ExpiryBucket, number>> = { expired: -Infinity, '0-7': 0, '8-14': 8, '15-30': 15, '31+': 31 };

/** Units near expiry by window, every window the chosen days reach (an empty one as zero). */
export function byExpiry(rows: readonly StockRow[], days: number): { bucket: ExpiryBucket; lots: number; units: number }[] {
  return EXPIRY_BUCKETS.filter((bucket) => BUCKET_FROM[bucket] <= days).map((bucket) => {
    const inBucket = rows.filter((r) => r.daysLeft !== null && expiryBucket(r.daysLeft) === bucket);
    return { bucket, lots: inBucket.length, units: total(inBucket, (r) => r.quantity) };
  });
}

export interface DiscrepancyRow {
  key: string;
  dispatched: number;
  damaged: number;
  short: number;
  damagedRate: number | null;
  shortRate: number | null;
}

/** Highest combined rate first: the venues and UPTs to look at. */
export function worstFirst(rows: readonly DiscrepancyRow[]): DiscrepancyRow[] {
  const rate = (r: DiscrepancyRow) => (r.damagedRate ?? 0) + (r.shortRate ?? 0);
  return [...rows].sort((a, b) => rate(b) - rate(a) || a.key.localeCompare(b.key));
}

export interface PnbpProgressRow {
  uptCode: string;
  target: number;
  issued: number;
  deposited: number;
  progress: number;
}

/** Furthest behind its target first. */
export function behindFirst(rows: readonly PnbpProgressRow[]): PnbpProgressRow[] {
  return [...rows].sort((a, b) => a.progress - b.progress || a.uptCode.localeCompare(b.uptCode));
}

/** A rate (0.0125) as a percentage with one decimal, Indonesian style: `1,3%`. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '–';
  return `${new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate * 100)}%`;
}
