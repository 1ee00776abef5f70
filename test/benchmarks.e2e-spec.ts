import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..');

/** The benchmarks run here with tiny numbers so they cannot rot; their times are not asserted. */
describe('benchmark scripts (short runs)', () => {
  const bench = (script: string, args: string[]) =>
    run(process.execPath, [join(root, 'node_modules', 'ts-node', 'dist', 'bin.js'), script, ...args], { cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') }, timeout: 180_000 });

  it('relay: prints latency percentiles and the drain rate', async () => {
    const { stdout } = await bench('bench/relay-latency.ts', ['20', '2000']);
    expect(stdout).toMatch(/relay latency, commit -> consumed, 20 events one at a time: p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms/);
    expect(stdout).toMatch(/relay drain: 2000 pending events published in [\d.]+ s = \d+ events\/s/);
  });

  it('reporting: prints statement and rollup percentiles', async () => {
    const { stdout } = await bench('bench/reporting-queries.ts', ['saleLines=20000', 'requests=5']);
    for (const row of ['statement, issued', 'statement, live draft', 'national rollup by Kanwil', 'national rollup by product']) {
      expect(stdout).toMatch(new RegExp(`${row}.*\\s[\\d.]+\\s+[\\d.]+\\s+p95 <=`));
    }
  });
});
