import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SERVICES, type ServiceName } from '@titipan/platform';
import { runDemo, type DemoResult } from '../tools/demo/run-demo';
import { startServiceProcess, type RunningService } from '../tools/service-process';
import { freePort } from './support/free-port';
import { TestEnvironment } from './support/test-environment';

/** The demo against the three services as processes: it completes, and a second run changes nothing. */
describe('demo: a month at the Tangerang lounge', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const output = mkdtempSync(join(tmpdir(), 'titipan-demo-'));
  const lines: string[] = [];
  let first: DemoResult;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    for (const service of SERVICES) services[service] = await startServiceProcess(service, env.env(service, await freePort()));
  });
  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await env.dispose();
    rmSync(output, { recursive: true, force: true });
  });

  const urls = () => ({ catalog: services.catalog.url, consignment: services.consignment.url, reporting: services.reporting.url });

  it('runs the whole month and settles every UPT, paid, one PNBP deposited, with exports written', async () => {
    first = await runDemo(urls(), { outputDir: output, log: (l) => lines.push(l) });
    expect(first.statements.map((s) => [s.uptCode, s.status])).toEqual([
      ['LP-TGR-1', 'DEPOSITED'],
      ['LPKA-TGR', 'PAID'],
      ['LPP-TGR', 'PAID'],
      ['RT-TGR-1', 'PAID'],
    ]);
    for (const s of first.statements) {
      expect(s.sold).toBeGreaterThan(0);
      expect(s.proceeds).toBe(s.grossSales - s.commission);
      expect(s.pnbp + s.premi + s.capital).toBe(s.proceeds);
    }
    expect(lines.join('\n')).toMatch(/refused: HALAL_REQUIRED \(rule halal-from-2026-10-17\)/);
    expect(lines.join('\n')).toMatch(/an oversell refused: 9999 requested/);
    expect(lines.join('\n')).toMatch(/sent again: \d+ duplicates, nothing counted twice/);
    expect(first.files).toHaveLength(9);
    for (const file of first.files) expect(existsSync(file)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first.files.find((f) => f.includes('rollup'))!);
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const tangerang = rows.find((r) => r[0] === 'LP-TGR-1')!;
    expect(tangerang[2]).toBe(first.statements.find((s) => s.uptCode === 'LP-TGR-1')!.grossSales);
  });

  it('changes nothing when run again', async () => {
    const again = await runDemo(urls(), { outputDir: output });
    expect(again.statements).toEqual(first.statements);
  });
});
