import { quantile } from 'simple-statistics';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** One decimal: what the benchmark tables and JSON show. */
export const round = (n: number) => Math.round(n * 10) / 10;

/** p50, p95 and p99 of measured times (simple-statistics' quantiles). */
export const percentiles = (values: number[]): Percentiles => ({
  p50: round(quantile(values, 0.5)),
  p95: round(quantile(values, 0.95)),
  p99: round(quantile(values, 0.99)),
});
