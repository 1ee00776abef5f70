import type { Chart as ChartClass } from 'chart.js';

let loading: Promise<typeof ChartClass> | undefined;

/**
 * Chart.js, fetched the first time a chart is drawn (its own bundle: the till and the other pages never load it),
 * with only the parts the dashboard draws registered, so the rest is left out of the build.
 */
export function loadChart(): Promise<typeof ChartClass> {
  loading ??= import('chart.js').then((c) => {
    c.Chart.register(
      c.BarController,
      c.BarElement,
      c.LineController,
      c.LineElement,
      c.PointElement,
      c.CategoryScale,
      c.LinearScale,
      c.Tooltip,
      c.Legend,
    );
    return c.Chart;
  });
  return loading;
}
