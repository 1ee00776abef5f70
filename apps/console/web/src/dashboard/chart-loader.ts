import type { Chart as ChartClass } from 'chart.js';

let loading: Promise<typeof ChartClass> | undefined;

/** Chart.js, fetched the first time a chart is drawn: its own bundle, which the till and the other pages never load. */
export function loadChart(): Promise<typeof ChartClass> {
  loading ??= import('./chart-parts').then((parts) => parts.Chart);
  return loading;
}
