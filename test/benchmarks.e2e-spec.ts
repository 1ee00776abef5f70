import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { scratchDir } from './support/clean-up';

const run = promisify(execFile);
const root = join(__dirname, '..');
const results = scratchDir('bench');

/** The benchmarks run here with tiny numbers so they cannot rot; their times are not asserted. */
describe('benchmark scripts (short runs)', () => {
  afterAll(results.remove);
  const bench = (script: string, args: string[]) =>
    run(process.execPath, [join(root, 'node_modules', 'ts-node', 'dist', 'bin.js'), script, ...args], {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json'), BENCH_RESULTS_DIR: results.path },
      timeout: 280_000,
    });

  it('relay: prints latency percentiles', async () => {
    const { stdout } = await bench('bench/relay-latency.ts', ['20']);
    expect(stdout).toMatch(/relay latency, commit -> consumed, 20 events one at a time: p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms/);
  });

  it('npm run bench (short): prints every figure with its target or ceiling, and writes them as JSON', async () => {
    const { stdout } = await bench('bench/run-benchmarks.ts', ['short']);
    const number = '[\\d,.]+';
    for (const row of [
      `1\\. ingestion, batches of 50, 2 s, end to end +${number} lines/s .* >= 2,000 lines/s: (met|MISSED) +${number} % of Postgres inserts`,
      `accepted by consignment \\(HTTP\\) +${number} lines/s`,
      `2\\. single sale at 50/s, HTTP latency +p50 ${number} / p95 ${number} / p99 ${number} ms`,
      `3\\. freshness at 50 sales/s +p50 ${number} / p95 ${number} / p99 ${number} ms`,
      `freshness at the highest rate, ${number} sales/s +p50 ${number}`,
      `4\\. relay drain, 1,000 outbox events +${number} events/s .* ${number} % of kafkajs produce`,
      // the 3,000 events and, at the head of the topic, the activations of the short run's 12 agreements (2 venues,
      // 6 UPTs), which the one reader replays too (decision 0027)
      `5\\. replay, 3,012 events +${number} events/s \\(${number} s, 3,012 applied\\) .* ${number} % of kafkajs consume`,
      `6\\. statement, issued, at 20,000 lines +p50 ${number} / p95 ${number} ms`,
      `national monthly rollup by Kanwil +p50 ${number} / p95 ${number} ms`,
      `ministry dashboard, first view \\(7 views in parallel\\) +p50 ${number} / p95 ${number} ms +p95 < 2,000 ms: (met|MISSED) +SQL alone p50 ${number}`,
      `drill-down, a UPT to its products +p50 ${number} / p95 ${number} ms +p95 < 1,000 ms: (met|MISSED)`,
      `7\\. ceiling: Postgres sale_line inserts +${number} rows/s`,
      `ceiling: kafkajs batched produce +${number} events/s`,
      `ceiling: kafkajs consume +${number} events/s`,
      `2\\. single sales, fixed rate( +${number}){7}`,
      // issue 18's table: this run, target, and the two runs before it
      `CPU per single sale, whole machine +\\| ${number} ms \\(postgres ${number}, consignment ${number}, reporting ${number}, kafka ${number}\\) +\\| <= 4 ms +\\| 9\\.7 ms`,
      `single sales at a fixed 50/s: achieved, p99 +\\| ${number}/s, ${number} ms`,
      `SQL statements per single sale .* \\| ${number} \\(${number} sales; ${number} with the relay and consumers\\)`,
    ]) {
      expect(stdout).toMatch(new RegExp(row));
    }
    const written = JSON.parse(readFileSync(join(results.path, 'bench.json'), 'utf8'));
    expect(written.ingestion.http.acceptedLines).toBeGreaterThan(0);
    expect(written.events.replay.events).toBe(3012);
    expect(written.single.statements.saleTransactions).toBeGreaterThan(0);
  }, 300_000);
});
