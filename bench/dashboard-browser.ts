import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { REPORTING_MIGRATIONS } from '../apps/reporting/src/database/migrations';
import { addMonths } from '../apps/console/web/src/dashboard/report-filters';
import { ConsoleStack } from '../test/support/console-stack';
import { startDevIssuer, type RunningDevIssuer } from '../tools/dev-issuer';
import { loadNationalYear, type NationalYear } from './reporting-queries';
import { percentiles } from './statistics';

/**
 * The ministry dashboard in Chromium with a national year in reporting's database (the loader of
 * bench/reporting-queries.ts): the time to the first view rendered and to one drill-down step, each measured
 * `runs` times. Targets (issue 16): first view < 2 s, a drill-down step < 1 s, at 10 million sale lines.
 *   npm run build && npx ts-node bench/dashboard-browser.ts [saleLines=10000000 runs=10]
 * (Kafka and Postgres up; the console and reporting run from dist, Keycloak privately as in the browser tests.)
 */

export interface DashboardBrowserFigures {
  saleLines: number;
  period: string;
  runs: number;
  /** from navigation start to the month's rollup by Kanwil and the monthly series drawn (chart and table) */
  firstViewMs: { p50: number; p95: number; max: number };
  /** from the click on the largest Kanwil to its UPTs drawn (chart and table) */
  drillStepMs: { p50: number; p95: number; max: number };
  /** one more step, from that Kanwil's largest UPT to its products */
  drillToProductsMs: { p50: number; p95: number; max: number };
  loadSeconds: Record<string, number>;
}

/** The rollup drawn at a grouping: its table and its chart. */
async function rollupAt(page: Page, by: string): Promise<void> {
  await page.locator(`[data-testid=rollup-report][data-by=${by}] [data-testid=rollup-table]`).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=rollup-report] .chart-box:not([data-drawn="0"])').waitFor({ timeout: 60_000 });
}

const summary = (times: number[]) => ({ ...percentiles(times), max: Math.round(Math.max(...times)) });

export async function measureDashboard(
  saleLines: number,
  runs: number,
  log: (line: string) => void = (l) => console.error(l),
): Promise<DashboardBrowserFigures> {
  // the services need an issuer besides the stack's Keycloak to load their settings (as the tests' global setup starts)
  let devIssuer: RunningDevIssuer | undefined;
  if (!process.env.DEV_JWKS_URL) {
    devIssuer = await startDevIssuer();
    process.env.DEV_JWKS_URL = devIssuer.jwksUrl;
  }
  let year: NationalYear | undefined;
  const stack = await ConsoleStack.start('dashboard-bench', ['reporting'], {
    prepare: async (env) => {
      year = await loadNationalYear(env, await env.dataSource('reporting', REPORTING_MIGRATIONS), saleLines, log);
    },
    serviceEnv: { DB_MIGRATE_ON_START: 'false', LOG_LEVEL: 'error' },
  });
  try {
    const loaded = year!;
    await stack.addPerson('menteri', 'ministry', null, 'Bench Kementerian');
    // the dashboard opens on the loaded year's settled month, named in the link
    const path = `/dasbor?bulan=${loaded.period}`;
    const { page } = await stack.signIn('menteri', path);
    log(
      `dashboard on ${loaded.period} (${loaded.saleLines.toLocaleString('en')} sale lines; monthly series ${addMonths(loaded.period, -11)}…${loaded.period})`,
    );
    const firstView: number[] = [];
    const drillStep: number[] = [];
    const drillToProducts: number[] = [];
    // one warm-up run (the service's first queries, the browser's first parse), then the measured ones
    for (let run = 0; run <= runs; run++) {
      await page.goto(`${stack.base}${path}`);
      await rollupAt(page, 'kanwil');
      await page.locator('[data-testid=monthly-table]').waitFor({ timeout: 60_000 });
      const first = await page.evaluate(() => performance.now());
      const largestKanwil = page.locator('[data-testid=rollup-table] tbody tr').first();
      let t0 = Date.now();
      await largestKanwil.click();
      await rollupAt(page, 'upt');
      const step = Date.now() - t0;
      t0 = Date.now();
      await page.locator('[data-testid=rollup-table] tbody tr').first().click();
      await rollupAt(page, 'product');
      const toProducts = Date.now() - t0;
      if (run === 0) continue;
      firstView.push(first);
      drillStep.push(step);
      drillToProducts.push(toProducts);
      log(`  run ${run}: first view ${Math.round(first)} ms, Kanwil → UPT ${step} ms, UPT → product ${toProducts} ms`);
    }
    return {
      saleLines: loaded.saleLines,
      period: loaded.period,
      runs,
      firstViewMs: summary(firstView),
      drillStepMs: summary(drillStep),
      drillToProductsMs: summary(drillToProducts),
      loadSeconds: loaded.loadSeconds,
    };
  } finally {
    await stack.dispose();
    await devIssuer?.close();
  }
}

async function main(): Promise<void> {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
  const runs = Number(args.runs ?? 10);
  const figures = await measureDashboard(Number(args.saleLines ?? 10_000_000), runs);
  console.log(`\nministry dashboard in Chromium, ${figures.saleLines.toLocaleString('en')} sale lines, ${figures.period}, ${runs} runs`);
  console.log('step                                p50 ms   p95 ms   max ms   target');
  const row = (name: string, r: { p50: number; p95: number; max: number }, target: string) =>
    console.log(`${name.padEnd(36)}${String(r.p50).padStart(6)}   ${String(r.p95).padStart(6)}   ${String(r.max).padStart(6)}   ${target}`);
  row('first view (rollup by Kanwil)', figures.firstViewMs, '< 2000');
  row('drill-down Kanwil → UPT', figures.drillStepMs, '< 1000');
  row('drill-down UPT → product', figures.drillToProductsMs, '< 1000');
  const dir = process.env.BENCH_RESULTS_DIR ?? 'bench-results';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/dashboard-browser.json`, JSON.stringify(figures, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
