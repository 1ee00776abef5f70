import { mkdirSync, writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { mintToken } from '@titipan/platform';
import { LOCAL } from '../tools/local-settings';
import { REPORTING_MIGRATIONS } from '../apps/reporting/src/database/migrations';
import { FILL_MONTHLY_PRODUCT_NATIONAL } from '../apps/reporting/src/database/migrations/1700000019050-monthly-product-national';
import { ReportQueries } from '../apps/reporting/src/report/report.queries';
import { freePort } from '../test/support/free-port';
import { TestEnvironment } from '../test/support/test-environment';
import { startServiceProcess } from '../tools/service-process';
import { trustDevTokens } from './dev-tokens';
import { percentiles } from './statistics';

/**
 * Statement, national rollup and dashboard response times with a year of national history loaded
 * (Kafka and Postgres up):  npm run bench:reporting [-- saleLines=10000000 requests=200]
 * Data are generated in SQL at national scale: 33 Kanwil, 630 UPTs, 300 venues, 3,000 agreements,
 * 7,500 products, sales events of 500 lines spread over the 12 months of 2026; every month up to the
 * measured one settled (a statement per agreement with every line's figures), a PNBP target per UPT, and two
 * lots of each agreement's products at its venue, expiring over the coming year.
 */
const LINES_PER_EVENT = 500;
const AGREEMENTS = 3000;

export interface QueryTimes {
  p50: number;
  p95: number;
  requests: number;
}

export interface ReportingQueryFigures {
  saleLines: number;
  period: string;
  issuedStatement: QueryTimes;
  liveStatement: QueryTimes;
  nationalRollupByKanwil: QueryTimes;
  /** The JSON answer's first page (the default 200 rows, largest gross sales first) with the total. */
  nationalRollupByProduct: QueryTimes;
  /** The ministry dashboard's first view: its seven views fetched in parallel over HTTP, until the last answered. */
  dashboardFirstView: QueryTimes;
  /** The same seven views' SQL run in parallel straight on the database (no HTTP, no JSON): the ceiling of the above. */
  dashboardFirstViewSql: QueryTimes;
  /** One drill-down step over HTTP: a Kanwil's UPTs (by=upt&kanwil=), then a UPT's products (by=product&upt=). */
  drillDownToUpts: QueryTimes;
  drillDownToProducts: QueryTimes;
  /** The same steps' SQL alone. */
  drillDownToUptsSql: QueryTimes;
  drillDownToProductsSql: QueryTimes;
  loadSeconds: Record<string, number>;
}

/** The ministry dashboard's first view (apps/console/web's dashboard asks for these at once): the year, the month. */
export const dashboardFirstView = (period: string): string[] => {
  const year = period.slice(0, 4);
  return [
    `/reports/sales-monthly?from=${year}-01&to=${year}-12`,
    `/reports/rollup?period=${period}&by=kanwil`,
    `/reports/pnbp-progress?year=${year}`,
    '/reports/outstanding',
    `/reports/discrepancies?period=${period}`,
    '/reports/near-expiry?days=30',
    `/reports/movers?period=${period}&top=10`,
  ];
};

/** The national year a benchmark runs on, as loaded: the month measured (settled) and the month after it (live). */
export interface NationalYear {
  saleLines: number;
  period: string;
  nextPeriod: string;
  /** seconds each loading step took */
  loadSeconds: Record<string, number>;
}

/**
 * Loads a year of national history into reporting's database, generated in SQL (see the top of this file): the
 * dimensions, `saleLines` sale lines in events of 500, the monthly figures, the statements of every month up to
 * the measured one, PNBP targets and stock lots. The reporting service is started afterwards on this database
 * (DB_MIGRATE_ON_START=false).
 */
export async function loadNationalYear(
  env: TestEnvironment,
  ds: DataSource,
  saleLines: number,
  log: (line: string) => void = (l) => console.error(l),
): Promise<NationalYear> {
  const EVENTS = Math.ceil(saleLines / LINES_PER_EVENT);
  // events fill month after month, one per agreement; measure the last full month (the longest history behind it)
  const MONTHS = Math.max(1, Math.min(12, Math.floor(EVENTS / AGREEMENTS)));
  const PERIOD = `2026-${String(MONTHS).padStart(2, '0')}`;
  const NEXT_PERIOD = `2026-${String(Math.min(12, MONTHS + 1)).padStart(2, '0')}`;
  const timings: Record<string, number> = {};
  const timed = async (name: string, sql: string, params: unknown[] = [], asOwner = false) => {
    const t = performance.now();
    // loading steps may outlast the service's statement timeout on a busy machine
    await (asOwner
      ? env.queryAsOwner('reporting', sql)
      : ds.transaction(async (m) => {
          await m.query(`SET LOCAL statement_timeout = 0`);
          await m.query(sql, params);
        }));
    timings[name] = Math.round(performance.now() - t);
    log(`  ${name}: ${(timings[name] / 1000).toFixed(1)} s`);
  };
  log(`loading ${saleLines.toLocaleString('en')} sale lines…`);
  await timed(
    'dimensions',
    `
    INSERT INTO upt_replica (code, name, type, class, kanwil_code, satker_code, last_event_id, updated_at)
      SELECT 'UPT-' || i, 'UPT ' || i, 'LAPAS', 'IIA', 'KW-' || (i % 33), lpad(i::text, 6, '0'), gen_random_uuid(), now() FROM generate_series(0, 629) i;
    INSERT INTO venue_dim (code, name, partner_agency, kanwil_code, time_zone)
      SELECT 'VEN-' || i, 'Venue ' || i, 'Imigrasi', 'KW-' || (i % 33), 'Asia/Jakarta' FROM generate_series(0, 299) i;
    INSERT INTO agreement_dim (agreement_id, upt_code, venue_code, commission_bp, time_zone, valid_from, status)
      SELECT ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, 'UPT-' || (i % 630), 'VEN-' || (i % 300), (i % 3) * 500, 'Asia/Jakarta', '2026-01-01', 'ACTIVE'
        FROM generate_series(0, 2999) i;
    INSERT INTO product_dim (product_id, upt_code, sku, name, category, unit)
      SELECT ('10000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, 'UPT-' || (i % 630), 'SKU-' || i, 'Product ' || i,
             (ARRAY['food','beverage','craft','textile','footwear'])[1 + i % 5], 'piece' FROM generate_series(0, 7499) i`,
  );
  // each sales event: one agreement, one month, 500 lines of that UPT's products; in chunks under the statement timeout
  for (let from = 0; from < EVENTS; from += 1000)
    await timed(
      `sale events ${from}-${Math.min(EVENTS, from + 1000) - 1}`,
      `
    INSERT INTO event_log (event_id, agreement_id, type, envelope)
    SELECT id, agreement_id, 'consignment.sales.recorded',
           jsonb_build_object('id', id, 'type', 'consignment.sales.recorded', 'version', 1, 'data', jsonb_build_object('agreementId', agreement_id, 'lines',
             (SELECT jsonb_agg(jsonb_build_object('receiptNo', 'R' || e || '-' || l, 'lineNo', 1,
                      'productId', ('10000000-0000-7000-8000-' || lpad(((e * 7 + l) % 12 * 630 + (agreement_no % 630))::text, 12, '0'))::uuid,
                      'lotCode', 'L1', 'quantity', 1 + l % 3, 'unitPrice', 10000, 'listPrice', 10000, 'amount', (1 + l % 3) * 10000,
                      'soldAt', period || '-15T10:00:00+07:00', 'period', period))
                FROM generate_series(1, $2::int) l)))
      FROM (SELECT e, gen_random_uuid() AS id, e % 3000 AS agreement_no,
                   ('00000000-0000-7000-8000-' || lpad((e % 3000)::text, 12, '0'))::uuid AS agreement_id,
                   '2026-' || lpad((1 + (e / 3000) % 12)::text, 2, '0') AS period
              FROM generate_series($3::int, least($1::int, $3::int + 1000) - 1) e) s`,
      [EVENTS, LINES_PER_EVENT, from],
    );
  await timed(
    'event periods',
    `
    INSERT INTO event_period (agreement_id, period, event_id)
    SELECT agreement_id, envelope->'data'->'lines'->0->>'period', event_id FROM event_log`,
  );
  for (let month = 1; month <= 12; month++) {
    const period = `2026-${String(month).padStart(2, '0')}`;
    await timed(
      `monthly figures ${period}`,
      `
      INSERT INTO monthly_product (period, agreement_id, product_id, sold, gross_sales, received)
      SELECT l->>'period', e.agreement_id, (l->>'productId')::uuid, sum((l->>'quantity')::int), sum((l->>'amount')::bigint), sum((l->>'quantity')::int) * 2
        FROM event_period p JOIN event_log e USING (event_id), jsonb_array_elements(e.envelope->'data'->'lines') l
       WHERE p.period = $1 GROUP BY 1, 2, 3`,
      [period],
    );
  }
  // the projection keeps the national rollup per month and product beside monthly_product; filled here as the migration does
  await timed('national product rollup', FILL_MONTHLY_PRODUCT_NATIONAL);
  // every month up to the measured one is settled: each agreement has a statement with every line's figures and its split
  await timed(
    'statements',
    `
    INSERT INTO statement (id, agreement_id, period, status, figures, digest, issued_at)
    SELECT gen_random_uuid(), agreement_id, period,
           -- the measured month waits for payment; a quarter of the month before too, and one agreement in fifty pays late
           CASE WHEN period = $1 OR (substr(period, 6, 2)::int = $2::int - 1 AND hashtext(agreement_id::text) % 4 = 0)
                     OR hashtext(agreement_id::text) % 50 = 0 THEN 'ISSUED'
                WHEN substr(period, 6, 2)::int = $2::int - 1 THEN 'PAID' ELSE 'DEPOSITED' END,
           jsonb_build_object('proceeds', sum(gross_sales)::bigint, 'commissionBp', 1000, 'commission', (sum(gross_sales) / 10)::bigint,
             'lines', jsonb_agg(jsonb_build_object('productId', product_id, 'opening', 0, 'received', received, 'damaged', 0, 'short', 0,
               'sold', sold, 'grossAtListPrice', gross_sales, 'discounts', 0, 'grossSales', gross_sales, 'customerReturns', 0,
               'customerReturnsValue', 0, 'netSales', gross_sales, 'returned', 0, 'returnedValue', 0, 'adjusted', 0, 'adjustedValue', 0,
               'shrinkageCharge', 0, 'closing', received - sold)),
             'split', jsonb_build_array(
               jsonb_build_object('name', 'PNBP', 'basisPoints', 1500, 'amount', (sum(gross_sales) * 15 / 100)::bigint, 'legalReference', 'Kepmen M.01-PP.02.01/1990'),
               jsonb_build_object('name', 'PREMI', 'basisPoints', 5000, 'amount', (sum(gross_sales) / 2)::bigint, 'legalReference', 'PP 32/1999 pasal 29'))),
           repeat('0', 64), now() - (($2::int - substr(period, 6, 2)::int) * interval '30 days')
      FROM monthly_product WHERE period <= $1 GROUP BY agreement_id, period`,
    [PERIOD, MONTHS],
  );
  await timed(
    'pnbp targets',
    `INSERT INTO pnbp_target (upt_code, year, amount, set_by, effective_from)
     SELECT 'UPT-' || i, 2026, 50000000, 'bench', '2026-01-01' FROM generate_series(0, 629) i`,
  );
  // two lots of each of an agreement's twelve products at its venue, expiring from ten days ago to a year ahead
  await timed(
    'stock',
    `INSERT INTO stock_on_hand (agreement_id, product_id, lot_code, expiry_date, quantity)
     SELECT ('00000000-0000-7000-8000-' || lpad(a::text, 12, '0'))::uuid,
            ('10000000-0000-7000-8000-' || lpad((p * 630 + a % 630)::text, 12, '0'))::uuid,
            'L' || lot, current_date - 10 + ((a * 12 + p) * 7 + lot * 180) % 375, 1 + (a + p) % 40
       FROM generate_series(0, 2999) a, generate_series(0, 11) p, generate_series(1, 2) lot`,
  );
  // only the tables' owner may vacuum and analyze them; the service's runtime role is not. Vacuum, as autovacuum
  // would have over a year, so index-only scans (a month's statements) find their pages all-visible
  await timed('vacuum analyze', `VACUUM ANALYZE`, [], true);
  const [{ lines }] = await ds.query(`SELECT sum(jsonb_array_length(envelope->'data'->'lines'))::bigint AS lines FROM event_log`);
  return {
    saleLines: Number(lines),
    period: PERIOD,
    nextPeriod: NEXT_PERIOD,
    loadSeconds: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v / 1000])),
  };
}

/** The national rollup by product as it was summed before the rollup table (decision 0022), every row. */
const NATIONAL_PRODUCT_ROLLUP_FROM_AGREEMENT_ROWS = `
  WITH per_product AS (
    SELECT x.product_id, sum(x.sold) AS sold, sum(x.gross_sales) AS gross_sales, sum(x.returns_value) AS returns_value, sum(x.received) AS received
      FROM monthly_product x WHERE x.period = $1 GROUP BY 1)
  SELECT COALESCE(p.sku, x.product_id::text) AS key, sum(x.sold)::int AS "soldQuantity", sum(x.gross_sales)::float8 AS "grossSales",
         sum(x.gross_sales - x.returns_value)::float8 AS "netSales", sum(x.received)::int AS received
    FROM per_product x LEFT JOIN product_dim p ON p.product_id = x.product_id GROUP BY 1 ORDER BY 3 DESC, 1`;

/** What the issued statement's request reads (StatementStore.findFor), for its plan. */
const STATEMENT_FOR_PERIOD = `
  SELECT s.*, a.upt_code, a.venue_code, v.name, v.kanwil_code, u.kanwil_code
    FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id LEFT JOIN venue_dim v ON v.code = a.venue_code
    LEFT JOIN upt_replica u ON u.code = a.upt_code WHERE s.agreement_id = $1 AND s.period = $2`;

/** Fails unless the rollup table answers the national rollup by product with the same rows as summing monthly_product. */
async function sameNationalProductRows(ds: DataSource, period: string, log: (line: string) => void): Promise<void> {
  const before: { key: string }[] = await ds.query(NATIONAL_PRODUCT_ROLLUP_FROM_AGREEMENT_ROWS, [period]);
  const { rows: after } = await new ReportQueries(ds).rollup(period, 'product', { scope: {}, region: {} });
  const pick = (r: Record<string, unknown>) => JSON.stringify([r.key, r.soldQuantity, r.grossSales, r.netSales, r.received]);
  const differ = before.length !== after.length || before.some((r, i) => pick(r) !== pick(after[i] as unknown as Record<string, unknown>));
  if (differ)
    throw new Error(
      `the national product rollup differs from monthly_product's sums (${before.length} rows, ${after.length} from the rollup)`,
    );
  log(`  national product rollup: the same ${after.length} rows as summing monthly_product`);
}

export async function measureReportingQueries(
  saleLines: number,
  requests: number,
  log: (line: string) => void = (l) => console.error(l),
): Promise<ReportingQueryFigures> {
  const env = await TestEnvironment.create(3);
  const ds = await env.dataSource('reporting', REPORTING_MIGRATIONS);
  try {
    const { period: PERIOD, nextPeriod: NEXT_PERIOD, saleLines: lines, loadSeconds } = await loadNationalYear(env, ds, saleLines, log);

    await sameNationalProductRows(ds, PERIOD, log);
    for (const line of await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${STATEMENT_FOR_PERIOD}`, [
      `00000000-0000-7000-8000-${String(37).padStart(12, '0')}`,
      PERIOD,
    ]))
      log(`  issued statement plan: ${line['QUERY PLAN']}`);

    const reporting = await startServiceProcess(
      'reporting',
      { ...env.env('reporting', await freePort()), DB_MIGRATE_ON_START: 'false', LOG_LEVEL: 'error' },
      { onOutput: (line) => log(`reporting: ${line}`) },
    );
    const token = `Bearer ${mintToken(LOCAL.signingKey, { service: 'reporting', role: 'ministry' })}`;
    const get = async (path: string) => {
      const response = await fetch(`${reporting.url}${path}`, { headers: { authorization: token } });
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    /** Times `count` runs of `run` after `warm` unmeasured ones (which warm caches and connections). */
    const timesOf = async (count: number, run: (i: number) => Promise<unknown>, warm = 10): Promise<QueryTimes> => {
      const times: number[] = [];
      for (let i = 0; i < count + warm; i++) {
        const t = performance.now();
        await run(i);
        if (i >= warm) times.push(performance.now() - t);
      }
      const { p50, p95 } = percentiles(times);
      return { p50, p95, requests: times.length };
    };
    const measure = (path: (i: number) => string) => timesOf(requests, (i) => get(path(i)));
    const agreement = (i: number) => `00000000-0000-7000-8000-${String((i * 37) % 3000).padStart(12, '0')}`;
    const kanwil = (i: number) => `KW-${(i * 7) % 33}`;
    const upt = (i: number) => `UPT-${(i * 37) % 630}`;
    const year = Number(PERIOD.slice(0, 4));
    // the same SQL the service runs, straight on the database, national scope
    const sql = new ReportQueries(ds);
    const national = (region: { kanwil?: string; upt?: string } = {}) => ({ scope: {}, region });
    // a round of the first view is seven requests at once: a quarter as many rounds as single requests
    const rounds = Math.max(10, Math.round(requests / 4));
    const results: ReportingQueryFigures = {
      saleLines: lines,
      period: PERIOD,
      issuedStatement: await measure((i) => `/agreements/${agreement(i)}/periods/${PERIOD}/statement`),
      liveStatement: await measure((i) => `/agreements/${agreement(i)}/periods/${NEXT_PERIOD}/statement`),
      nationalRollupByKanwil: await measure(() => `/reports/rollup?period=${PERIOD}&by=kanwil`),
      nationalRollupByProduct: await measure(() => `/reports/rollup?period=${PERIOD}&by=product`),
      dashboardFirstView: await timesOf(rounds, () => Promise.all(dashboardFirstView(PERIOD).map(get)), 3),
      dashboardFirstViewSql: await timesOf(
        rounds,
        () =>
          Promise.all([
            sql.salesMonthly(`${year}-01`, `${year}-12`, national()),
            sql.rollup(PERIOD, 'kanwil', national()),
            sql.pnbpProgress(year, `${year}-${PERIOD.slice(5)}-15`, national()),
            sql.outstanding(national()),
            sql.discrepancies(PERIOD, national()),
            sql.stock(national(), 30),
            sql.sellers(PERIOD, national()),
            sql.freshness(),
          ]),
        3,
      ),
      drillDownToUpts: await measure((i) => `/reports/rollup?period=${PERIOD}&by=upt&kanwil=${kanwil(i)}`),
      drillDownToProducts: await measure((i) => `/reports/rollup?period=${PERIOD}&by=product&upt=${upt(i)}`),
      drillDownToUptsSql: await timesOf(requests, (i) => sql.rollup(PERIOD, 'upt', national({ kanwil: kanwil(i) }))),
      drillDownToProductsSql: await timesOf(requests, (i) => sql.rollup(PERIOD, 'product', national({ upt: upt(i) }))),
      loadSeconds,
    };
    await reporting.stop();
    return results;
  } finally {
    await env.dispose();
  }
}

async function main(): Promise<void> {
  await trustDevTokens();
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
  const requests = Number(args.requests ?? 200);
  const results = await measureReportingQueries(Number(args.saleLines ?? 10_000_000), requests);
  console.log(
    `\nreporting queries with ${results.saleLines.toLocaleString('en')} sale lines; statements of ${results.period} issued, the next month live (HTTP, sequential, ${requests} requests each)`,
  );
  console.log('query                                        p50 ms   p95 ms   target            ceiling: the SQL alone, p50 / p95 ms');
  const row = (name: string, r: QueryTimes, target: string, ceiling?: QueryTimes) =>
    console.log(
      `${name.padEnd(45)}${String(r.p50).padStart(6)}   ${String(r.p95).padStart(6)}   ${target.padEnd(18)}${ceiling ? `${ceiling.p50} / ${ceiling.p95}` : ''}`,
    );
  row('statement, issued (one agreement)', results.issuedStatement, 'p95 <= 10');
  row('statement, live draft (one agreement)', results.liveStatement, 'p95 <= 20');
  row('national rollup by Kanwil', results.nationalRollupByKanwil, 'p95 <= 100');
  row('national rollup by product (a page)', results.nationalRollupByProduct, 'p95 <= 60');
  row('dashboard first view (7 views in parallel)', results.dashboardFirstView, 'p95 < 2000', results.dashboardFirstViewSql);
  row('drill-down: a Kanwil to its UPTs', results.drillDownToUpts, 'p95 < 1000', results.drillDownToUptsSql);
  row('drill-down: a UPT to its products', results.drillDownToProducts, 'p95 < 1000', results.drillDownToProductsSql);
  console.log(
    `\nloaded in ${Object.values(results.loadSeconds)
      .reduce((a, b) => a + b, 0)
      .toFixed(0)} s: ${Object.entries(results.loadSeconds)
      .filter(([step]) => !step.startsWith('sale events ') && !step.startsWith('monthly figures '))
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(', ')}`,
  );
  const dir = process.env.BENCH_RESULTS_DIR ?? 'bench-results';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/reporting-queries.json`, JSON.stringify(results, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
