import { mkdirSync, writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { mintToken } from '@titipan/platform';
import { LOCAL } from '../tools/local-settings';
import { REPORTING_MIGRATIONS } from '../apps/reporting/src/database/migrations';
import { freePort } from '../test/support/free-port';
import { TestEnvironment } from '../test/support/test-environment';
import { startServiceProcess } from '../tools/service-process';
import { percentiles } from './statistics';

/**
 * Statement and national rollup response times with a year of national history loaded
 * (Kafka and Postgres up):  npm run bench:reporting [-- saleLines=10000000 requests=200]
 * Data are generated in SQL at national scale: 33 Kanwil, 630 UPTs, 300 venues, 3,000 agreements,
 * 7,500 products, sales events of 500 lines spread over the 12 months of 2026.
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
  nationalRollupByProduct: QueryTimes;
  loadSeconds: Record<string, number>;
}

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
 * dimensions, `saleLines` sale lines in events of 500, the monthly figures, and the issued statements of the last
 * full month. The reporting service is started afterwards on this database (DB_MIGRATE_ON_START=false).
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
    await (asOwner ? env.queryAsOwner('reporting', sql) : ds.query(sql, params));
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
  // the measured month is settled: every agreement has an issued statement with its split
  await timed(
    'statements',
    `
    INSERT INTO statement (id, agreement_id, period, status, figures, digest, issued_at)
    SELECT gen_random_uuid(), agreement_id, $1, 'ISSUED',
           jsonb_build_object('proceeds', sum(gross_sales)::bigint,
             'lines', jsonb_agg(jsonb_build_object('productId', product_id, 'closing', received - sold)), 'split', jsonb_build_array(
             jsonb_build_object('name', 'PNBP', 'amount', (sum(gross_sales) * 15 / 100)::bigint),
             jsonb_build_object('name', 'PREMI', 'amount', (sum(gross_sales) / 2)::bigint))),
           repeat('0', 64), now()
      FROM monthly_product WHERE period = $1 GROUP BY agreement_id`,
    [PERIOD],
  );
  // only the tables' owner may analyze them; the service's runtime role is not
  await timed('analyze', `ANALYZE`, [], true);
  const [{ lines }] = await ds.query(`SELECT sum(jsonb_array_length(envelope->'data'->'lines'))::bigint AS lines FROM event_log`);
  return {
    saleLines: Number(lines),
    period: PERIOD,
    nextPeriod: NEXT_PERIOD,
    loadSeconds: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v / 1000])),
  };
}

export async function measureReportingQueries(
  saleLines: number,
  requests: number,
  log: (line: string) => void = (l) => console.error(l),
): Promise<ReportingQueryFigures> {
  const env = await TestEnvironment.create(3);
  const ds = await env.dataSource('reporting', REPORTING_MIGRATIONS);
  try {
    const year = await loadNationalYear(env, ds, saleLines, log);
    const { period: PERIOD, nextPeriod: NEXT_PERIOD } = year;

    const reporting = await startServiceProcess(
      'reporting',
      { ...env.env('reporting', await freePort()), DB_MIGRATE_ON_START: 'false', LOG_LEVEL: 'error' },
      { onOutput: (line) => log(`reporting: ${line}`) },
    );
    const token = `Bearer ${mintToken(LOCAL.signingKey, { service: 'reporting', role: 'ministry' })}`;
    const measure = async (path: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < requests + 10; i++) {
        const t = performance.now();
        const response = await fetch(`${reporting.url}${path(i)}`, { headers: { authorization: token } });
        if (response.status !== 200) throw new Error(`${path(i)}: HTTP ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        if (i >= 10) times.push(performance.now() - t); // the first requests warm caches and connections
      }
      const { p50, p95 } = percentiles(times);
      return { p50, p95, requests: times.length };
    };
    const agreement = (i: number) => `00000000-0000-7000-8000-${String((i * 37) % 3000).padStart(12, '0')}`;
    const results: ReportingQueryFigures = {
      saleLines: year.saleLines,
      period: PERIOD,
      issuedStatement: await measure((i) => `/agreements/${agreement(i)}/periods/${PERIOD}/statement`),
      liveStatement: await measure((i) => `/agreements/${agreement(i)}/periods/${NEXT_PERIOD}/statement`),
      nationalRollupByKanwil: await measure(() => `/reports/rollup?period=${PERIOD}&by=kanwil`),
      nationalRollupByProduct: await measure(() => `/reports/rollup?period=${PERIOD}&by=product`),
      loadSeconds: year.loadSeconds,
    };
    await reporting.stop();
    return results;
  } finally {
    await env.dispose();
  }
}

async function main(): Promise<void> {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
  const requests = Number(args.requests ?? 200);
  const results = await measureReportingQueries(Number(args.saleLines ?? 10_000_000), requests);
  console.log(
    `\nreporting queries with ${results.saleLines.toLocaleString('en')} sale lines; statements of ${results.period} issued, the next month live (HTTP, sequential, ${requests} requests each)`,
  );
  console.log('query                               p50 ms   p95 ms   target');
  const row = (name: string, r: QueryTimes, target: string) =>
    console.log(`${name.padEnd(36)}${String(r.p50).padStart(6)}   ${String(r.p95).padStart(6)}   ${target}`);
  row('statement, issued (one agreement)', results.issuedStatement, 'p95 <= 20');
  row('statement, live draft (one agreement)', results.liveStatement, 'p95 <= 20');
  row('national rollup by Kanwil', results.nationalRollupByKanwil, 'p95 <= 100');
  row('national rollup by product', results.nationalRollupByProduct, 'p95 <= 100');
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
