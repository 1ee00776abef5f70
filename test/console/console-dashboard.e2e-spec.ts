import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { formatNumber, formatRupiah, localDay } from '../../apps/console/web/src/format';
import { formatRate } from '../../apps/console/web/src/dashboard/report-series';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The Kanwil and ministry dashboard and the ministry's policy pages in Chromium against the whole stack. Last month
 * has sales in two Kanwil: Banten (Lapas Tangerang and Lapas Serang at the Tangerang lounge, Tangerang's month
 * closed so its statement is issued and unpaid) and DKI (Lapas Cipinang at a Jakarta venue). The ministry sets a
 * split policy and a PNBP target and sees their history; its dashboard's Banten figure equals the rollup API's, a
 * drill-down to Lapas Tangerang equals its statement; a Kanwil person sees only Banten; a UPT has no dashboard and
 * the API refuses its national query. Times to the first view and to one drill-down step are printed.
 */
const LOUNGE = TANGERANG_LOUNGE.code;
const JAKARTA = {
  code: 'IMI-JKT-LOUNGE',
  name: 'Gerai UMKM WBP, Kantor Imigrasi Jakarta Selatan',
  partnerAgency: 'Kantor Imigrasi Kelas I Jakarta Selatan',
  type: 'immigration-lounge',
  kanwilCode: 'KW-DKI',
  timeZone: 'Asia/Jakarta',
  collectiveOutlet: true,
};

let stack: ConsoleStack;
const consignment = () => request(stack.url('consignment'));
const reporting = () => request(stack.url('reporting'));
const admin = () => bearer('consignment', 'admin');
const ministry = () => bearer('reporting', 'ministry');
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Last month in WIB (UTC+7), where the dashboard opens, and an instant in it. */
function lastMonth(now = new Date()) {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  const y = wib.getUTCMonth() === 0 ? wib.getUTCFullYear() - 1 : wib.getUTCFullYear();
  const m = wib.getUTCMonth() === 0 ? 12 : wib.getUTCMonth();
  return {
    period: `${y}-${String(m).padStart(2, '0')}`,
    at: (d: number, hour: number) => new Date(Date.UTC(y, m - 1, d, hour - 7)).toISOString(),
  };
}
const { period, at } = lastMonth();
const today = localDay(new Date(), 'Asia/Jakarta');
const year = Number(today.slice(0, 4));

let products: Record<string, { id: string; price: number }>;
let tangerangAgreement: string;

/** An active agreement of a UPT at a venue, a dispatch received on the 1st of last month, and a few sales. */
async function monthOfSales(
  uptCode: string,
  venueCode: string,
  lines: { sku: string; dispatched: number; damaged?: number; short?: number; sold: number }[],
) {
  const agreement = await consignment()
    .post('/agreements')
    .set('Authorization', admin())
    .send({ uptCode, venueCode, commissionBp: 2000, maxDiscountBp: 1000, validFrom: day(-120) });
  expect(agreement.status).toBe(201);
  expect((await consignment().post(`/agreements/${agreement.body.id}/activate`).set('Authorization', admin())).status).toBe(200);
  const dispatch = await consignment()
    .post('/dispatches')
    .set('Authorization', bearer('consignment', 'upt', uptCode))
    .send({
      agreementId: agreement.body.id,
      dispatchedAt: at(1, 8),
      lines: lines.map((l) => ({
        productId: products[l.sku].id,
        lotCode: `${l.sku}-${period}`,
        expiryDate: day(20),
        quantity: l.dispatched,
      })),
    });
  expect(dispatch.status).toBe(201);
  const venue = bearer('consignment', 'venue', venueCode);
  const receipt = await consignment()
    .post(`/dispatches/${dispatch.body.id}/receipt`)
    .set('Authorization', venue)
    .send({
      receivedAt: at(1, 10),
      lines: lines.map((l, i) => ({
        lineNo: i + 1,
        accepted: l.dispatched - (l.damaged ?? 0) - (l.short ?? 0),
        damaged: l.damaged ?? 0,
        short: l.short ?? 0,
        ...(l.damaged || l.short ? { reason: 'rusak dan kurang di jalan' } : {}),
      })),
    });
  expect(receipt.status).toBe(201);
  const sales = await consignment()
    .post('/sales/batches')
    .set('Authorization', venue)
    .send({
      lines: lines.map((l, i) => ({
        receiptNo: `DB-${uptCode}-${period}`,
        lineNo: i + 1,
        productId: products[l.sku].id,
        quantity: l.sold,
        soldAt: at(10 + i, 11),
      })),
    });
  expect([sales.status, sales.body.accepted]).toEqual([201, lines.length]);
  return agreement.body.id as string;
}

async function rollup(query: Record<string, string>, token = ministry()) {
  const res = await reporting()
    .get('/reports/rollup')
    .query({ period, ...query })
    .set('Authorization', token);
  expect(res.status).toBe(200);
  return res.body.rows as { key: string; netSales: number }[];
}

async function issuedStatement() {
  const res = await reporting().get('/statements').query({ venue: LOUNGE, period }).set('Authorization', ministry());
  return (res.body.items as { agreementId: string; status: string; figures: { totals: { netSales: number } } }[]).find(
    (s) => s.agreementId === tangerangAgreement && s.status === 'ISSUED',
  );
}

beforeAll(async () => {
  stack = await ConsoleStack.start('dashboard', ['catalog', 'consignment', 'reporting']);
  await stack.addPerson('menteri', 'ministry', null, 'Dewi Kementerian');
  await stack.addPerson('kanwil.banten', 'kanwil', 'KW-BANTEN', 'Budi Kanwil');
  await stack.addPerson('upt.tgr', 'upt', 'LP-TGR-1', 'Rina UPT');
  const split = await reporting()
    .post('/split-policies')
    .set('Authorization', ministry())
    .send({
      effectiveFrom: '2026-01-01',
      shares: [
        { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
        { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
      ],
    });
  expect(split.status).toBe(201);
  expect((await consignment().post('/venues').set('Authorization', admin()).send(JAKARTA)).status).toBe(201);
  const catalog = await request(stack.url('catalog')).get('/products?limit=200').set('Authorization', bearer('catalog', 'admin'));
  products = Object.fromEntries(catalog.body.items.map((p: { sku: string; id: string; price: number }) => [p.sku, p]));

  tangerangAgreement = await monthOfSales('LP-TGR-1', LOUNGE, [
    { sku: 'KRP-TEMPE-100', dispatched: 40, damaged: 2, short: 1, sold: 12 },
    { sku: 'PAVING-K100', dispatched: 20, sold: 3 },
  ]);
  await monthOfSales('LP-SRG', LOUNGE, [{ sku: 'LIDI-KERANJANG', dispatched: 30, short: 3, sold: 7 }]);
  await monthOfSales('LP-CIPINANG', JAKARTA.code, [{ sku: 'BATIK-CIPINANG', dispatched: 10, sold: 2 }]);
  // Tangerang's month closed at the lounge: its statement is issued, and waits for payment
  const close = await consignment()
    .post(`/agreements/${tangerangAgreement}/periods/${period}/close`)
    .set('Authorization', bearer('consignment', 'venue', LOUNGE));
  expect(close.status).toBe(200);
  await expectSoon(async () => (await issuedStatement()) !== undefined, 'the Tangerang statement issued', 90_000);
  await expectSoon(async () => (await rollup({ by: 'upt' })).length === 3, 'reporting has the three UPTs of the month', 60_000);
}, KEYCLOAK_START_MS + 480_000);

afterAll(() => stack?.dispose());

/** A figure in a report's table: the row of `key`, its net sales cell. */
const netSalesCell = async (page: Page, table: string, key: string) =>
  ((await page.locator(`[data-testid=${table}] tr[data-key="${key}"] [data-col=netSales]`).textContent()) ?? '').trim();

/** The rollup's table drawn at a grouping (and its chart drawn too). */
async function rollupAt(page: Page, by: string) {
  await page.locator(`[data-testid=rollup-report][data-by=${by}] [data-testid=rollup-table]`).waitFor();
  await page.locator('[data-testid=rollup-report] .chart-box:not([data-drawn="0"])').waitFor();
}

describe('the ministry', () => {
  it('sets a split policy and a PNBP target with their legal references and sees their history', async () => {
    const { page, context } = await stack.signIn('menteri', '/kebijakan/bagi-hasil');
    await page.getByTestId('split-history-national').waitFor();
    expect(await page.getByTestId('split-history-national').textContent()).toContain('Berlaku');
    expect(await page.getByTestId('split-history-national').textContent()).toContain('PP 32/1999 pasal 29');

    // Lapas Serang's own split from the first of next month; the shares first typed do not make 100 %
    const from = day(35).slice(0, 8) + '01';
    await page.locator('select[name=uptCode]').selectOption('LP-SRG');
    await page.locator('input[name=effectiveFrom]').fill(from);
    await page.locator('input[name=percent-PNBP]').fill('20');
    await page.locator('input[name=legal-PNBP]').fill('Kepmen M.01-PP.02.01/1990');
    await page.locator('input[name=percent-PREMI]').fill('50');
    await page.locator('input[name=legal-PREMI]').fill('PP 32/1999 pasal 29');
    await page.locator('input[name=percent-CAPITAL]').fill('20');
    await page.getByRole('button', { name: 'Simpan kebijakan' }).click();
    const problems = page.locator('ul.problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Jumlah bagian 90%, harus tepat 100%.');
    expect(await problems.textContent()).toContain('Dasar hukum Modal kerja wajib diisi.');
    await expectAccessible(page, 'kebijakan-bagi-hasil-salah');
    await stack.shoot(page, 'kebijakan-bagi-hasil-salah');
    await page.locator('input[name=percent-CAPITAL]').fill('30');
    await page.locator('input[name=legal-CAPITAL]').fill('Kepmen M.01-PP.02.01/1990');
    await page.getByRole('button', { name: 'Simpan kebijakan' }).click();
    await page.getByRole('status').filter({ hasText: 'Kebijakan untuk LP-SRG' }).waitFor();
    const serang = page.getByTestId('split-history-LP-SRG');
    await serang.waitFor();
    expect(await serang.locator(`[data-effective-from="${from}"]`).textContent()).toContain('Akan berlaku');
    expect(await serang.textContent()).toContain('PNBP 20%');
    const listed = await reporting().get('/split-policies').query({ upt: 'LP-SRG' }).set('Authorization', ministry());
    expect(listed.body.items.find((p: { uptCode: string }) => p.uptCode === 'LP-SRG')).toMatchObject({
      effectiveFrom: from,
      shares: expect.arrayContaining([{ name: 'PNBP', basisPoints: 2000, legalReference: 'Kepmen M.01-PP.02.01/1990' }]),
    });
    await expectAccessible(page, 'kebijakan-bagi-hasil');
    await stack.shoot(page, 'kebijakan-bagi-hasil');

    // Lapas Tangerang's PNBP target of the year, then a revision from today: both kept in the history
    await page.getByRole('link', { name: 'Target PNBP' }).click();
    await page.locator('select[name=uptCode] option[value="LP-TGR-1"]').waitFor({ state: 'attached' });
    await page.locator('select[name=uptCode]').selectOption('LP-TGR-1');
    await page.getByText('Belum ada target untuk UPT dan tahun ini.').waitFor();
    await page.locator('input[name=amount]').fill('50.000.000');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dasar hukum target wajib diisi.' }).waitFor();
    await page.locator('input[name=legalReference]').fill('Surat Dirjenpas PAS-15.PK.01.04/2026');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await page.getByTestId('target-history').waitFor();
    await page.locator('input[name=amount]').fill('60000000');
    await page.locator('input[name=legalReference]').fill('Surat Dirjenpas PAS-88.PK.01.04/2026');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await expectSoon(async () => (await page.locator('[data-testid=target-history] tbody tr').count()) === 2, 'two revisions shown');
    const target = await reporting().get(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', ministry());
    expect(target.body.amount).toBe(60_000_000);
    expect(target.body.history.map((h: { amount: number; legalReference: string }) => [h.amount, h.legalReference])).toEqual([
      [50_000_000, 'Surat Dirjenpas PAS-15.PK.01.04/2026'],
      [60_000_000, 'Surat Dirjenpas PAS-88.PK.01.04/2026'],
    ]);
    const rows = await page.locator('[data-testid=target-history] tbody tr').allTextContents();
    expect(rows[0]).toContain(formatRupiah(60_000_000));
    expect(rows[0]).toContain('Berlaku');
    expect(rows[1]).toContain(formatRupiah(50_000_000));
    expect(rows[1]).toContain('Diganti');
    expect(rows[1]).toContain('Surat Dirjenpas PAS-15.PK.01.04/2026');
    expect(await page.getByTestId('target-current').textContent()).toContain(formatRupiah(60_000_000));
    await expectAccessible(page, 'target-pnbp');
    await stack.shoot(page, 'target-pnbp');
    await context.close();
  }, 180_000);

  it("sees the nation's month: Banten's figure equals the rollup API's, a drill-down to a UPT equals its statement; every view accessible", async () => {
    const { page, context } = await stack.signIn('menteri', '/dasbor');
    // the first view, timed from a fresh navigation to the rollup's table and chart drawn
    await page.goto(`${stack.base}/dasbor`);
    await rollupAt(page, 'kanwil');
    await page.locator('[data-testid=monthly-table]').waitFor();
    const firstView = await page.evaluate(() => performance.now());

    const national = await rollup({ by: 'kanwil' });
    const banten = national.find((r) => r.key === 'KW-BANTEN')!;
    expect(banten.netSales).toBeGreaterThan(0);
    expect(await netSalesCell(page, 'rollup-table', 'KW-BANTEN')).toBe(formatRupiah(banten.netSales));
    expect(await netSalesCell(page, 'rollup-table', 'KW-DKI')).toBe(formatRupiah(national.find((r) => r.key === 'KW-DKI')!.netSales));
    const monthly = await reporting().get('/reports/sales-monthly').query({ from: period, to: period }).set('Authorization', ministry());
    expect(await netSalesCell(page, 'monthly-table', period)).toBe(formatRupiah(monthly.body.rows[0].netSales));
    expect(await page.getByTestId('freshness').textContent()).toMatch(/^Data terbaru per .* WIB$/);
    await expectAccessible(page, 'dasbor');
    await stack.shoot(page, 'dasbor');

    // one drill-down step, timed from the click to the UPTs' table and chart drawn
    const t0 = Date.now();
    await page.locator('[data-testid=rollup-table] tr[data-key="KW-BANTEN"]').click();
    await rollupAt(page, 'upt');
    const drillStep = Date.now() - t0;
    const bantenUpts = await rollup({ by: 'upt', kanwil: 'KW-BANTEN' });
    expect(bantenUpts.map((r) => r.key).sort()).toEqual(['LP-SRG', 'LP-TGR-1']);
    const statement = (await issuedStatement())!;
    expect(await netSalesCell(page, 'rollup-table', 'LP-TGR-1')).toBe(formatRupiah(statement.figures.totals.netSales));
    await stack.shoot(page, 'dasbor-banten');

    // down to Lapas Tangerang's products: their total is the statement's net sales; the breadcrumb leads back
    await page.getByRole('button', { name: 'LP-TGR-1', exact: true }).click();
    await rollupAt(page, 'product');
    const total = await page.locator('[data-testid=rollup-table] tfoot [data-col=netSales]').textContent();
    expect(total).toBe(formatRupiah(statement.figures.totals.netSales));
    expect(await page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(2);
    expect(await page.locator('.breadcrumb [aria-current]').textContent()).toBe('LP-TGR-1');
    await expectAccessible(page, 'dasbor-lp-tgr-1');
    await stack.shoot(page, 'dasbor-lp-tgr-1');
    await page.locator('.breadcrumb').getByRole('button', { name: 'KW-BANTEN' }).click();
    await rollupAt(page, 'upt');
    await page.locator('.breadcrumb').getByRole('button', { name: 'Nasional' }).click();
    await rollupAt(page, 'kanwil');

    // the rollup as XLSX through the console
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh XLSX: penjualan bulan ini' }).click(),
    ]);
    const xlsx = readFileSync(await file.path());
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');

    // every other view: its table beside its chart, its figures as the API's, accessible
    const api = async (view: string, query: Record<string, string | number>) =>
      (await reporting().get(`/reports/${view}`).query(query).set('Authorization', ministry())).body;
    const rates = (await api('discrepancies', { period })).byUpt.find((r: { key: string }) => r.key === 'LP-TGR-1');
    expect(rates.damagedRate).toBeGreaterThan(0);
    const nearExpiry = await api('near-expiry', { days: 30 });
    const nearUnits = nearExpiry.rows.reduce((sum: number, r: { quantity: number }) => sum + r.quantity, 0);
    expect(nearUnits).toBeGreaterThan(0);
    const views: [string, string, (p: Page) => Promise<void>][] = [
      [
        '/dasbor/pnbp',
        'pnbp-table',
        async (p) => expect(await p.locator('tr[data-key="LP-TGR-1"]').textContent()).toContain(formatRupiah(60_000_000)),
      ],
      [
        '/dasbor/tagihan',
        'outstanding-table',
        async (p) =>
          expect(await p.locator('tr[data-key="0-30"] td').allTextContents()).toEqual([
            '1',
            formatRupiah((await api('outstanding', {})).buckets[0].proceeds),
          ]),
      ],
      [
        '/dasbor/selisih',
        'discrepancies-table',
        async (p) =>
          expect((await p.locator('tr[data-key="LP-TGR-1"] td').allTextContents()).slice(3)).toEqual([
            formatRate(rates.damagedRate),
            formatRate(rates.shortRate),
          ]),
      ],
      [
        '/dasbor/kedaluwarsa',
        'near-expiry-windows',
        async (p) =>
          expect(await p.locator('[data-testid=near-expiry-windows] tfoot [data-col=units]').textContent()).toBe(formatNumber(nearUnits)),
      ],
      [
        '/dasbor/laris',
        'movers-top',
        async (p) => expect(await p.locator('[data-testid=movers-top] tbody tr').first().getAttribute('data-key')).toBe('KRP-TEMPE-100'),
      ],
    ];
    for (const [path, table, check] of views) {
      await page.locator(`nav.nav a[href="${path}"]`).click();
      await page.getByTestId(table).waitFor();
      await page.locator('.chart-box:not([data-drawn="0"])').first().waitFor();
      await check(page);
      const name = path.slice(1).replace('/', '-');
      await expectAccessible(page, name);
      await stack.shoot(page, name);
    }
    console.log(
      `console dashboard (${period}, 3 agreements): first view ${Math.round(firstView)} ms, one drill-down step ${drillStep} ms; screenshots in ${stack.shots}`,
    );
    await context.close();
  }, 240_000);
});

describe('a Kanwil person', () => {
  it('sees only its region, and the API refuses another', async () => {
    const { page, context } = await stack.signIn('kanwil.banten', '/dasbor');
    await rollupAt(page, 'upt');
    const kanwil = page.locator('select[name=kanwil]');
    expect(await kanwil.isDisabled()).toBe(true);
    expect(await kanwil.inputValue()).toBe('KW-BANTEN');
    expect(
      await page.locator('[data-testid=rollup-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')).sort()),
    ).toEqual(['LP-SRG', 'LP-TGR-1']);
    expect(await page.locator('.breadcrumb').textContent()).not.toContain('Nasional');
    const banten = (await rollup({ by: 'kanwil' })).find((r) => r.key === 'KW-BANTEN')!;
    const own = await reporting()
      .get('/reports/sales-monthly')
      .query({ from: period, to: period })
      .set('Authorization', bearer('reporting', 'kanwil', 'KW-BANTEN'));
    expect(own.body.rows[0].netSales).toBe(banten.netSales);
    expect(await netSalesCell(page, 'monthly-table', period)).toBe(formatRupiah(banten.netSales));
    const other = await page.evaluate(async (p) => {
      const res = await fetch(`/api/reporting/reports/rollup?period=${p}&by=upt&kanwil=KW-DKI`);
      return [res.status, ((await res.json()) as { code: string }).code];
    }, period);
    expect(other).toEqual([403, 'SCOPE_FORBIDDEN']);
    expect(await page.getByRole('link', { name: 'Kebijakan bagi hasil' }).count()).toBe(0);
    await expectAccessible(page, 'dasbor-kanwil');
    await stack.shoot(page, 'dasbor-kanwil');
    await context.close();
  }, 120_000);
});

describe('a UPT person', () => {
  it('has no dashboard, and the API answers its national query with its own UPT only or refuses it', async () => {
    const { page, context } = await stack.signIn('upt.tgr', '/dasbor');
    await page.locator('main#main').waitFor();
    expect(await page.getByRole('heading', { name: 'Penjualan' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Dasbor penjualan' }).count()).toBe(0);
    const answers = await page.evaluate(async (p) => {
      const ask = async (query: string) => {
        const res = await fetch(`/api/reporting/reports/rollup?period=${p}&${query}`);
        return { status: res.status, body: (await res.json()) as { code?: string; rows?: unknown[] } };
      };
      return { nation: await ask('by=kanwil'), dki: await ask('by=upt&kanwil=KW-DKI'), other: await ask('by=product&upt=LP-SRG') };
    }, period);
    const statement = (await issuedStatement())!;
    expect(answers.nation.status).toBe(200);
    expect(answers.nation.body.rows).toEqual([expect.objectContaining({ key: 'KW-BANTEN', netSales: statement.figures.totals.netSales })]);
    expect([answers.dki.status, answers.dki.body.code]).toEqual([403, 'SCOPE_FORBIDDEN']);
    expect([answers.other.status, answers.other.body.code]).toEqual([403, 'SCOPE_FORBIDDEN']);
    await stack.shoot(page, 'dasbor-upt');
    await context.close();
  }, 120_000);
});
