import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { AgreementActivatedV1, EventEnvelope } from '@titipan/contracts';
import { startBenchStack } from './bench-stack';
import { measureClusterIngestion, type ClusterIngestion } from './cluster-ingestion';
import { measureEventThroughput } from './event-throughput';
import { measureHousekeeping } from './housekeeping';
import { measureReportingQueries } from './reporting-queries';
import { startCpuMeter, type CpuByGroup } from './cpu-meter';
import { freshness, runSalesLoad, type SalesLoadResult } from './sales-load';
import { round, type Percentiles } from './statistics';
import { adminClient, VisibilityProbe } from './visibility-probe';
import { trustDevTokens } from './dev-tokens';
import { startStatementCount, type StatementsPerSale } from './statement-count';

/**
 * `npm run bench`: every figure of the benchmark issue, each next to this machine's ceiling measured
 * in the same run. Settings as key=value arguments (defaults are the full run); `short` is CI's run.
 */
const FULL = {
  venues: 8,
  connections: 8,
  batchLines: 200,
  ingestSeconds: 60,
  singleRate: 200,
  singleSeconds: 30,
  maxSeconds: 20,
  drainEvents: 100_000,
  replayEvents: 1_000_000,
  insertSeconds: 15,
  saleLines: 10_000_000,
  requests: 200,
  housekeepingRows: 1_000_000,
};
const SHORT: typeof FULL = {
  venues: 2,
  connections: 2,
  batchLines: 50,
  ingestSeconds: 2,
  singleRate: 50,
  singleSeconds: 2,
  maxSeconds: 2,
  drainEvents: 1000,
  replayEvents: 3000,
  insertSeconds: 1,
  saleLines: 20_000,
  requests: 5,
  housekeepingRows: 20_000,
};

const args = process.argv.slice(2);
const settings = { ...(args.includes('short') ? SHORT : FULL) };
for (const [key, value] of args.filter((a) => a.includes('=')).map((a) => a.split('='))) {
  if (!(key in settings)) throw new Error(`unknown setting ${key}; known: ${Object.keys(FULL).join(', ')}`);
  settings[key as keyof typeof FULL] = Number(value);
}
Logger.overrideLogger(['error']); // the in-process relay and replay (and kafkajs through them) log at warn
const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? 'bench-results';
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface LoadFigures {
  http: Omit<SalesLoadResult, 'answeredAt' | 'startedAt' | 'startedAtMs'>;
  freshnessMs: Percentiles & { requests: number };
  /** from the first request until reporting showed the last sale */
  untilAllVisibleSeconds: number;
  /** CPU seconds by process from the first request until reporting had applied the last sale */
  cpuSeconds: CpuByGroup;
  /** consignment's SQL statements per sale transaction (bench/query-counter.js) */
  statements: StatementsPerSale;
}

async function main(): Promise<void> {
  await trustDevTokens();
  log(`settings ${JSON.stringify(settings)}`);
  log('starting catalog, consignment and reporting on a database and topics of their own, and seeding');
  const stack = await startBenchStack(log, settings.venues);
  const probe = await new VisibilityProbe(stack.env.database).start();
  /** One load run, measured until reporting shows its last sale. */
  const load = async (tag: string, linesPerRequest: number, seconds: number, ratePerSecond?: number): Promise<LoadFigures> => {
    const cpu = startCpuMeter();
    const statements = startStatementCount(stack.statementCountFile);
    const result = await runSalesLoad({
      consignmentUrl: stack.urls.consignment,
      venues: stack.venues,
      linesPerRequest,
      connections: settings.connections,
      seconds,
      ratePerSecond,
      tag,
    });
    const { lastVisibleAt, ...freshnessMs } = await freshness(probe, result);
    const { answeredAt: _, startedAt: __, startedAtMs, ...http } = result;
    return {
      http,
      freshnessMs,
      untilAllVisibleSeconds: round((lastVisibleAt - startedAtMs) / 1000),
      cpuSeconds: cpu(),
      statements: await statements(),
    };
  };
  let ingestion: LoadFigures & { endToEndLinesPerSecond: number };
  let single: LoadFigures;
  let max: LoadFigures;
  let samples: EventEnvelope[];
  let agreements: EventEnvelope<AgreementActivatedV1>[];
  try {
    log('warming up (not measured)');
    await load('W', settings.batchLines, Math.min(5, settings.ingestSeconds));
    await load('V', 1, Math.min(5, settings.singleSeconds));
    await stack.settle();

    log(`1. sale ingestion: batches of ${settings.batchLines} lines, ${settings.connections} venue tills, ${settings.ingestSeconds} s`);
    const batches = await load('I', settings.batchLines, settings.ingestSeconds);
    ingestion = { ...batches, endToEndLinesPerSecond: Math.round(batches.http.acceptedLines / batches.untilAllVisibleSeconds) };

    log(`2-3. single sales at ${settings.singleRate}/s for ${settings.singleSeconds} s`);
    single = await load('S', 1, settings.singleSeconds, settings.singleRate);

    log(`3. single sales as fast as ${settings.connections} tills get answers, ${settings.maxSeconds} s`);
    max = await load('M', 1, settings.maxSeconds);

    // the events the services wrote for single sales: what the relay and replay runs copy
    const db = await adminClient(stack.env.database);
    samples = (
      await db.query(
        `SELECT envelope FROM consignment.outbox WHERE event_type = 'consignment.sales.recorded' AND envelope->'data'->'lines'->0->>'receiptNo' ~ '^[SM]' LIMIT 5000`,
      )
    ).rows.map((r) => r.envelope);
    agreements = (await db.query(`SELECT envelope FROM consignment.outbox WHERE event_type = 'consignment.agreement.activated'`)).rows.map(
      (r) => r.envelope,
    );
    await db.end();
  } finally {
    await probe.stop();
    await stack.stop();
  }

  log(`1c. sale ingestion again on a three-broker cluster with two instances of consignment and reporting`);
  const clusterIngestion = await measureClusterIngestion(settings, log);

  log(
    `4, 5, 7. relay drain of ${settings.drainEvents.toLocaleString('en')}, replay of ${settings.replayEvents.toLocaleString('en')} events, ceilings`,
  );
  const events = await measureEventThroughput({
    samples,
    agreements,
    drainEvents: settings.drainEvents,
    replayEvents: settings.replayEvents,
    insertConnections: settings.connections,
    insertSeconds: settings.insertSeconds,
    log,
  });

  log(`6. reporting queries with ${settings.saleLines.toLocaleString('en')} sale lines`);
  const queries = await measureReportingQueries(settings.saleLines, settings.requests, log);

  log(`8. housekeeping: pruning ${settings.housekeepingRows.toLocaleString('en')} outbox and as many inbox rows, half past retention`);
  const housekeeping = await measureHousekeeping(settings.housekeepingRows);

  const results = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, date: new Date().toISOString() },
    settings,
    ingestion,
    clusterIngestion,
    single,
    max,
    events,
    queries,
    housekeeping,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'bench.json'), JSON.stringify(results, null, 2));
  printTable(results);
  const h = housekeeping;
  console.log(
    `8. housekeeping on ${n(h.rows)} rows each (batches of ${n(h.batchSize)}): outbox ${n(h.outbox.deleted)} deleted in ${h.outbox.seconds} s (${n(h.outbox.rowsPerSecond)} rows/s), inbox ${n(h.inbox.deleted)} deleted in ${h.inbox.seconds} s (${n(h.inbox.rowsPerSecond)} rows/s)`,
  );
}

const n = (x: number) => x.toLocaleString('en');
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)} %`;
const ps = <P extends Partial<Percentiles>>(p: P, keys: (keyof P & keyof Percentiles)[] = ['p50', 'p95', 'p99']) =>
  keys.map((k) => `${k} ${p[k]}`).join(' / ') + ' ms';
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function printTable(r: {
  settings: typeof FULL;
  ingestion: LoadFigures & { endToEndLinesPerSecond: number };
  clusterIngestion: ClusterIngestion;
  single: LoadFigures;
  max: LoadFigures;
  events: Awaited<ReturnType<typeof measureEventThroughput>>;
  queries: Awaited<ReturnType<typeof measureReportingQueries>>;
  machine: { cores: number; cpu?: string; node: string };
}): void {
  const { settings: s, ingestion, clusterIngestion: c, single, max, events: e, queries: q } = r;
  const pg = e.postgresInserts.rowsPerSecond;
  const rows: [string, string, string, string][] = [
    [
      `1. ingestion, batches of ${s.batchLines}, ${s.ingestSeconds} s, end to end`,
      `${n(ingestion.endToEndLinesPerSecond)} lines/s (${n(ingestion.http.acceptedLines)} lines in ${ingestion.untilAllVisibleSeconds} s)`,
      `>= 2,000 lines/s: ${verdict(ingestion.endToEndLinesPerSecond >= 2000)}`,
      `${pct(ingestion.endToEndLinesPerSecond, pg)} of Postgres inserts`,
    ],
    [
      '   accepted by consignment (HTTP)',
      `${n(ingestion.http.acceptedLinesPerSecond)} lines/s, ${n(ingestion.http.requestsPerSecond)} req/s, ${ps(ingestion.http.latencyMs)}`,
      '',
      `${pct(ingestion.http.acceptedLinesPerSecond, pg)} of Postgres inserts`,
    ],
    [
      `   the same on ${c.brokers} brokers (RF 3, min ISR 2), ${c.instances} consignment + ${c.instances} reporting`,
      `${n(c.endToEndLinesPerSecond)} lines/s (${n(c.acceptedLines)} lines in ${c.untilAllVisibleSeconds} s; HTTP ${n(c.acceptedLinesPerSecond)} lines/s)`,
      `>= 2,000 lines/s: ${verdict(c.endToEndLinesPerSecond >= 2000)}`,
      `${pct(c.endToEndLinesPerSecond, ingestion.endToEndLinesPerSecond)} of the single node's`,
    ],
    [
      `2. single sale at ${s.singleRate}/s, HTTP latency`,
      `${ps(single.http.latencyMs)} (${n(single.http.requestsPerSecond)} req/s achieved)`,
      `p99 <= 40 ms: ${verdict(single.http.latencyMs.p99 <= 40)}`,
      '',
    ],
    [
      `3. freshness at ${s.singleRate} sales/s`,
      ps(single.freshnessMs, ['p50', 'p95', 'p99']),
      `p50 <= 25, p99 <= 150: ${verdict(single.freshnessMs.p50 <= 25 && single.freshnessMs.p99 <= 150)}`,
      '',
    ],
    [
      `   freshness at the highest rate, ${n(max.http.requestsPerSecond)} sales/s`,
      `${ps(max.freshnessMs, ['p50', 'p95', 'p99'])} (HTTP ${ps(max.http.latencyMs)})`,
      '',
      '',
    ],
    [`   freshness of ${s.batchLines}-line batches during 1`, ps(ingestion.freshnessMs, ['p50', 'p95', 'p99']), '', ''],
    [
      `4. relay drain, ${n(e.relayDrain.events)} outbox events`,
      `${n(e.relayDrain.perSecond)} events/s (${e.relayDrain.seconds} s)`,
      `>= 10,000/s: ${verdict(e.relayDrain.perSecond >= 10_000)}`,
      `${pct(e.relayDrain.perSecond, e.kafkaProduce.perSecond)} of kafkajs produce`,
    ],
    [
      `5. replay, ${n(e.replay.events)} events`,
      `${n(e.replay.perSecond)} events/s (${e.replay.seconds} s, ${n(e.replay.applied)} applied)`,
      `>= 10,000/s: ${verdict(e.replay.perSecond >= 10_000)}`,
      `${pct(e.replay.perSecond, e.kafkaConsume.perSecond)} of kafkajs consume, ${pct(e.replay.perSecond, e.kafkaProduce.perSecond)} of produce`,
    ],
    [
      `6. statement, issued, at ${n(q.saleLines)} lines`,
      ps(q.issuedStatement, ['p50', 'p95']),
      `p95 <= 20 ms: ${verdict(q.issuedStatement.p95 <= 20)}`,
      '',
    ],
    ['   statement, live draft', ps(q.liveStatement, ['p50', 'p95']), `p95 <= 20 ms: ${verdict(q.liveStatement.p95 <= 20)}`, ''],
    [
      '   national monthly rollup by Kanwil',
      ps(q.nationalRollupByKanwil, ['p50', 'p95']),
      `p95 <= 100 ms: ${verdict(q.nationalRollupByKanwil.p95 <= 100)}`,
      '',
    ],
    [
      '   national monthly rollup by product',
      ps(q.nationalRollupByProduct, ['p50', 'p95']),
      `p95 <= 100 ms: ${verdict(q.nationalRollupByProduct.p95 <= 100)}`,
      '',
    ],
    [
      '   ministry dashboard, first view (7 views in parallel)',
      ps(q.dashboardFirstView, ['p50', 'p95']),
      `p95 < 2,000 ms: ${verdict(q.dashboardFirstView.p95 < 2000)}`,
      `SQL alone ${ps(q.dashboardFirstViewSql, ['p50', 'p95'])}`,
    ],
    [
      '   drill-down, a Kanwil to its UPTs',
      ps(q.drillDownToUpts, ['p50', 'p95']),
      `p95 < 1,000 ms: ${verdict(q.drillDownToUpts.p95 < 1000)}`,
      `SQL alone ${ps(q.drillDownToUptsSql, ['p50', 'p95'])}`,
    ],
    [
      '   drill-down, a UPT to its products',
      ps(q.drillDownToProducts, ['p50', 'p95']),
      `p95 < 1,000 ms: ${verdict(q.drillDownToProducts.p95 < 1000)}`,
      `SQL alone ${ps(q.drillDownToProductsSql, ['p50', 'p95'])}`,
    ],
    [
      `7. ceiling: Postgres sale_line inserts`,
      `${n(pg)} rows/s (${e.postgresInserts.rowsPerCommit} per commit, ${e.postgresInserts.connections} connections)`,
      '',
      '',
    ],
    [
      '   ceiling: kafkajs batched produce',
      `${n(e.kafkaProduce.perSecond)} events/s (${n(e.kafkaProduce.events)} events of ${n(e.averageEventBytes)} B, relay settings)`,
      '',
      '',
    ],
    ['   ceiling: kafkajs consume', `${n(e.kafkaConsume.perSecond)} events/s (${n(e.kafkaConsume.events)} events)`, '', ''],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`\nTitipan benchmarks on ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}; everything on this machine`);
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  const groups = ['consignment', 'reporting', 'catalog', 'postgres', 'kafka', 'load generator (bench)', 'whole machine, busy'];
  console.log('\nCPU ms per accepted sale line, by process, from the first request until reporting showed the last sale');
  console.log(['load'.padEnd(28), ...groups.map((g) => g.padStart(Math.max(9, g.length)))].join(' '));
  for (const [name, f] of [
    ['1. batches', ingestion],
    ['2. single sales, fixed rate', single],
    ['3. single sales, highest', max],
  ] as const) {
    const cells = groups.map((g) => (((f.cpuSeconds[g] ?? 0) * 1000) / f.http.acceptedLines).toFixed(2).padStart(Math.max(9, g.length)));
    console.log([name.padEnd(28), ...cells].join(' '));
  }
  printIssueTable(r);
  console.log(`\nfigures: ${join(RESULTS_DIR, 'bench.json')}`);
}

/** Issue 18's figures, as its table has them: this run next to its target and the two runs before it. */
function printIssueTable(r: Parameters<typeof printTable>[0]): void {
  const { settings: s, ingestion, single, events: e, queries: q } = r;
  const perSale = (group: string) => ((single.cpuSeconds[group] ?? 0) * 1000) / Math.max(1, single.http.acceptedLines);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const cpuBy = ['postgres', 'consignment', 'reporting', 'kafka'].map((g) => `${g} ${perSale(g).toFixed(1)}`).join(', ');
  const rows: [string, string, string, string, string][] = [
    ['what', 'this run', 'target', '2026-11-25', '2026-11-30 (fresh clone)'],
    [
      'CPU per single sale, whole machine',
      `${ms(perSale('whole machine, busy'))} (${cpuBy})`,
      '<= 4 ms',
      '9.7 ms',
      '16.9 ms (postgres 6.9, consignment 4.3, reporting 2.3, kafka 1.9)',
    ],
    [
      `single sales at a fixed ${s.singleRate}/s: achieved, p99`,
      `${n(single.http.requestsPerSecond)}/s, ${single.http.latencyMs.p99} ms`,
      `>= ${n(Math.round(s.singleRate * 0.975))}/s, p99 <= 25 ms`,
      '189/s, 81 ms',
      '114/s, 120 ms',
    ],
    [
      `freshness at ${s.singleRate}/s, p50 / p99`,
      `${single.freshnessMs.p50} / ${single.freshnessMs.p99} ms`,
      '<= 25 / 100 ms',
      '127 / 258 ms',
      '190 / 403 ms',
    ],
    [
      'ingestion end to end, % of bare Postgres inserts',
      `${n(ingestion.endToEndLinesPerSecond)}/s, ${pct(ingestion.endToEndLinesPerSecond, e.postgresInserts.rowsPerSecond)}`,
      '>= 12 %',
      '6,621/s, 8.2 %',
      '4,391/s, 5.7 %',
    ],
    [
      'relay drain, % of a bare kafkajs producer',
      `${n(e.relayDrain.perSecond)}/s, ${pct(e.relayDrain.perSecond, e.kafkaProduce.perSecond)}`,
      '>= 75 %',
      '12,812/s, 46 %',
      '11,191/s, 61 %',
    ],
    [
      'replay, % of a bare kafkajs consumer',
      `${n(e.replay.perSecond)}/s, ${pct(e.replay.perSecond, e.kafkaConsume.perSecond)}`,
      '>= 40 %',
      '10,982/s, 14 %',
      '7,294/s, 12.6 %',
    ],
    [`national product rollup p95 at ${n(q.saleLines)} lines`, `${q.nationalRollupByProduct.p95} ms`, '<= 60 ms', '125 ms', '164 ms'],
    [`issued statement p95 at ${n(q.saleLines)} lines`, `${q.issuedStatement.p95} ms`, '<= 10 ms', '-', '-'],
    [
      'SQL statements per single sale (consignment, BEGIN and COMMIT included)',
      `${single.statements.perSale} (${n(single.statements.saleTransactions)} sales; ${single.statements.allPerSale} with the relay and consumers)`,
      'fewer than before',
      '-',
      'about 14',
    ],
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('\nIssue 18 figures: this run, its target, and the runs before it');
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join(' | ')
        .trimEnd(),
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
