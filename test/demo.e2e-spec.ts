import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { type ServiceName } from '@titipan/platform';
import { runDemo, type DemoResult } from '../tools/demo/run-demo';
import { reconcile } from '../tools/reconcile/reconcile';
import { type RunningService } from '../tools/service-process';
import { TestEnvironment } from './support/test-environment';
import { cleanUp, scratchDir, stopEach } from './support/clean-up';
import { startServices, urlsOf } from './support/stack';

/** The demo against the three services as processes: it completes, and a second run changes nothing. */
describe('demo: a month at the Tangerang lounge', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const scratch = scratchDir('demo');
  const output = scratch.path;
  const lines: string[] = [];
  let first: DemoResult;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
  });
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), scratch.remove));

  const urls = () => urlsOf(services);

  it('runs the whole month and settles every UPT, paid, one PNBP deposited, with exports written', async () => {
    first = await runDemo(urls(), { outputDir: output, log: (l) => lines.push(l) });
    expect(first.statements.map((s) => [s.uptCode, s.status])).toEqual([
      ['LP-TGR-1', 'DEPOSITED'],
      ['LPKA-TGR', 'PAID'],
      ['LPP-TGR', 'PAID'],
      ['RT-TGR-1', 'PAID'],
    ]);
    // the statements, to the rupiah, against what the demo sent and was told was accepted (commission 0 at a
    // government lounge; the unit the count found missing paid by the lounge at its dispatch price; split 15/50/35
    // of the proceeds with the odd rupiah to the largest remainder)
    for (const s of first.statements) {
      const sent = first.sent[s.uptCode];
      expect(sent.units).toBeGreaterThan(0);
      expect(sent.discounts).toBeGreaterThan(0);
      expect(sent.shrinkage).toBeGreaterThan(0);
      const proceeds = sent.gross + sent.shrinkage;
      const exact = [15, 50, 35].map((pct) => (proceeds * pct) / 100);
      const parts = exact.map(Math.floor);
      const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (let k = 0; k < proceeds - parts.reduce((a, b) => a + b, 0); k++) parts[order[k][1]]++;
      expect(s).toMatchObject({
        sold: sent.units,
        grossSales: sent.gross,
        discounts: sent.discounts,
        shrinkageCharge: sent.shrinkage,
        commission: 0,
        proceeds,
        pnbp: parts[0],
        premi: parts[1],
        capital: parts[2],
      });
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

  it('then runs a PIPAS Banten edition with three Banten UPTs and prints its statements of the event period', () => {
    const { exhibition } = first;
    expect(exhibition.period).toMatch(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    expect(exhibition.statements.map((s) => [s.uptCode, s.period, s.status])).toEqual(
      ['LP-SRG', 'LP-TGR-1', 'LPP-TGR'].map((upt) => [upt, exhibition.period, 'ISSUED']),
    );
    // each UPT sold 4 + 3 + 2 units of one product at its catalog price; 10 % commission; nothing left over
    for (const s of exhibition.statements) {
      const t = s.figures.totals;
      expect(t).toMatchObject({ opening: 0, received: 20, sold: 9, returned: 11, closing: 0, discounts: 0 });
      expect(t.grossSales % 9).toBe(0);
      expect(s.figures.commission).toBe(t.grossSales / 10);
      expect(s.figures.proceeds).toBe(t.grossSales - t.grossSales / 10);
    }
    expect(exhibition.report.totals.sold).toBe(27);
    const printed = lines.join('\n');
    expect(printed).toContain(`Settlement statements, ${exhibition.venueCode}, ${exhibition.period} (rupiah)`);
    expect(printed).toMatch(/report: 3 UPTs, 27 units/);
  });

  it('changes nothing when run again', async () => {
    const again = await runDemo(urls(), { outputDir: output });
    expect(again.statements).toEqual(first.statements);
    expect(again.sent).toEqual({});
  });

  it('reconciles the consignment ledger with reporting: no difference, and a planted one is found', async () => {
    const clean = await reconcile(urls());
    // the lounge's four and the exhibition's three
    expect(clean.agreements).toBe(7);
    expect(clean.periods).toBeGreaterThanOrEqual(7);
    expect(clean.differences).toEqual([]);

    const ds = await env.dataSource('reporting');
    await ds.query(`UPDATE stock_on_hand SET quantity = quantity + 1 WHERE lot_code LIKE 'ROTI-MANIS-%'`);
    const planted = await reconcile(urls());
    expect(planted.differences).toEqual([
      expect.objectContaining({ what: expect.stringMatching(/^stock on hand ROTI-MANIS\//), reporting: expect.any(Number) }),
    ]);
    const [d] = planted.differences;
    expect(d.reporting).toBe((d.ledger as number) + 1);
    await ds.query(`UPDATE stock_on_hand SET quantity = quantity - 1 WHERE lot_code LIKE 'ROTI-MANIS-%'`);
  });
});
