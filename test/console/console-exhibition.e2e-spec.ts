import type { Page } from 'playwright-core';
import request from 'supertest';
import { formatRate } from '../../apps/console/web/src/dashboard/report-series';
import { addDays } from '../../apps/console/web/src/exhibition/exhibition-form';
import type { ExhibitionFigureRow, ExhibitionReport } from '../../apps/console/web/src/exhibition/exhibition-report';
import { formatNumber, formatRupiah, localDay } from '../../apps/console/web/src/format';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * Pameran in Chromium against the whole stack (issue 19): a Kanwil person sets up an exhibition with two of its UPTs
 * in one action and sees it listed; the exhibition's staff, at its venue, confirm the return of a UPT's unsold goods
 * the system proposed, in one action; the UPT sees it shipped. The event lies in the recent past (WIB), so it has
 * ended and its return window is still open. Stock, receipt and the booth's sales are set up through the API.
 * Once the event periods are closed and their statements issued, the Kanwil person opens the exhibition's report
 * from the list: every figure on the page equals reporting's answer, to the rupiah, against an earlier edition of
 * the series set up through the API; a UPT's report holds its own row; one outside the reader's scope is refused.
 */
const CODE = 'PIPAS-BTN-WEB';
const NAME = 'PIPAS Banten (web)';
const today = localDay(new Date(), 'Asia/Jakarta');
const first = addDays(today, -3);
const last = addDays(today, -2);
const wib = (day: string, time: string) => `${day}T${time}+07:00`;

let stack: ConsoleStack;
let page: Page;
const consignment = () => request(stack.url('consignment'));
const reporting = () => request(stack.url('reporting'));
const kanwilReporting = () => bearer('reporting', 'kanwil', 'KW-BANTEN');

beforeAll(async () => {
  stack = await ConsoleStack.start('exhibition', ['catalog', 'consignment', 'reporting']);
  await stack.addPerson('kanwil.banten', 'kanwil', 'KW-BANTEN', 'Rina Kanwil');
  await stack.addPerson('upt.tangerang', 'upt', 'LP-TGR-1', 'Budi UPT');
  // the national split the statements apply: PNBP 15 %
  const split = await reporting()
    .post('/split-policies')
    .set('Authorization', bearer('reporting', 'ministry'))
    .send({
      effectiveFrom: '2026-01-01',
      shares: [
        { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
        { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
      ],
    });
  expect(split.status).toBe(201);
}, KEYCLOAK_START_MS + 480_000);

afterAll(() => stack?.dispose());

describe('Pameran in the console', () => {
  it('lets a Kanwil set up an exhibition with its UPTs in one action, and lists it', async () => {
    ({ page } = await stack.signIn('kanwil.banten', '/pameran'));
    await page.getByRole('heading', { name: 'Pameran', level: 1 }).waitFor();
    await page.getByLabel('Kode gerai pameran').fill(CODE.toLowerCase());
    await page.getByLabel('Nama pameran').fill(NAME);
    await page.getByLabel('Seri', { exact: true }).fill('PIPAS Banten');
    await page.getByLabel('Edisi', { exact: true }).fill('web');
    await page.getByLabel('Lokasi', { exact: true }).fill('Alun-alun Kota Serang');
    await page.getByLabel('Hari pertama').fill(first);
    await page.getByLabel('Hari terakhir').fill(last);
    await page.getByLabel('Masa retur (hari)').fill('5');
    await page.getByLabel('Komisi gerai (%)').fill('10');
    const create = page.getByRole('button', { name: 'Daftarkan pameran dan perjanjiannya' });

    // no UPT chosen yet: the form says so before sending anything
    await page.getByRole('checkbox', { name: /\(LP-TGR-1\)$/ }).waitFor();
    await create.click();
    await page.getByText('Pilih setidaknya satu UPT.').waitFor();
    await page.getByRole('checkbox', { name: /\(LP-TGR-1\)$/ }).check();
    await page.getByRole('checkbox', { name: /\(LP-SRG\)$/ }).check();
    await expectAccessible(page, 'pameran');
    await stack.shoot(page, 'pameran-baru');
    await create.click();
    const created = page.getByRole('status').filter({ hasText: `${NAME} terdaftar` });
    await created.waitFor();
    expect(await created.textContent()).toMatch(
      /^PIPAS Banten \(web\) terdaftar, \d+ \w+ \d{4} – \d+ \w+ \d{4} \(WIB\): 2 perjanjian aktif\.$/,
    );

    const row = page.locator(`[data-testid=exhibition-table] tr[data-code=${CODE}]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('LP-SRG, LP-TGR-1');
    expect(await row.locator('.badge').textContent()).toMatch(/^Masa retur sampai /);
    await stack.shoot(page, 'pameran-daftar');

    // consignment made one active agreement per UPT, settling the event period
    const { items } = (await consignment().get('/exhibitions').set('Authorization', bearer('consignment', 'admin'))).body;
    const detail = (await consignment().get(`/exhibitions/${items[0].id}`).set('Authorization', bearer('consignment', 'admin'))).body;
    expect(detail).toMatchObject({ code: CODE, organiserCode: 'KW-BANTEN', period: `${first}..${last}`, returnWindowDays: 5 });
    expect(
      detail.agreements.map((a: { uptCode: string; status: string; commissionBp: number }) => [a.uptCode, a.status, a.commissionBp]),
    ).toEqual(
      expect.arrayContaining([
        ['LP-TGR-1', 'ACTIVE', 1_000],
        ['LP-SRG', 'ACTIVE', 1_000],
      ]),
    );
  }, 300_000);

  it("lets the exhibition's staff confirm a UPT's proposed return in one action, and the UPT see it shipped", async () => {
    const admin = bearer('consignment', 'admin');
    const booth = bearer('consignment', 'venue', CODE);
    const [exhibition] = (await consignment().get('/exhibitions').set('Authorization', admin)).body.items;
    const agreement = (await consignment().get(`/exhibitions/${exhibition.id}`).set('Authorization', admin)).body.agreements.find(
      (a: { uptCode: string }) => a.uptCode === 'LP-TGR-1',
    );
    const products = await request(stack.url('catalog'))
      .get('/products?upt=LP-TGR-1&sku=KRP-TEMPE-100')
      .set('Authorization', bearer('catalog', 'admin'));
    const productId = products.body.items[0].id;
    // 10 sent and received before the first day; 3 sold at the booth on it: 7 unsold
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', bearer('consignment', 'upt', 'LP-TGR-1'))
      .send({
        agreementId: agreement.id,
        dispatchedAt: wib(first, '06:00:00'),
        lines: [{ productId, lotCode: 'KT-WEB', expiryDate: addDays(today, 90), quantity: 10 }],
      });
    expect(dispatch.status).toBe(201);
    const receipt = await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', booth)
      .send({ receivedAt: wib(first, '07:00:00'), lines: [{ lineNo: 1, accepted: 10, damaged: 0, short: 0 }] });
    expect(receipt.status).toBe(201);
    const sold = await consignment()
      .post('/sales')
      .set('Authorization', booth)
      .send({ receiptNo: 'WEB-1', lineNo: 1, productId, quantity: 3, soldAt: wib(first, '10:00:00') });
    expect(sold.status).toBe(201);

    await stack.addPerson('petugas.pipas', 'venue', CODE, 'Sari Petugas');
    ({ page } = await stack.signIn('petugas.pipas', '/retur-upt'));
    const proposals = page.getByTestId('exhibition-proposals');
    await proposals.getByRole('heading', { name: `Usulan retur ${NAME}` }).waitFor();
    await proposals.getByText('LP-TGR-1: 7 unit tidak terjual').waitFor();
    expect(await proposals.textContent()).toContain('7 × ');
    expect(await proposals.textContent()).not.toContain('LP-SRG'); // nothing on hand, nothing proposed
    await expectAccessible(page, 'usulan-retur');
    await stack.shoot(page, 'usulan-retur');
    await proposals.getByRole('button', { name: 'Konfirmasi dan kirim retur ke LP-TGR-1' }).click();
    await proposals.getByRole('status').getByText('Retur ke LP-TGR-1 dikirim: 7 unit.').waitFor();
    await proposals.getByTestId('exhibition-proposals-confirmed').waitFor();
    expect(await proposals.getByTestId('exhibition-proposals-confirmed').textContent()).toBe('Sudah dikirim: LP-TGR-1.');
    await stack.shoot(page, 'usulan-retur-dikirim');

    // the return consignment shipped: the proposal's lines, unsold, on its way to the UPT
    const returns = (await consignment().get(`/returns?venue=${CODE}`).set('Authorization', admin)).body;
    expect(returns.total).toBe(1);
    expect(returns.items[0]).toMatchObject({ uptCode: 'LP-TGR-1', reason: 'unsold', status: 'SHIPPED' });
    expect(returns.items[0].lines).toEqual([expect.objectContaining({ lotCode: 'KT-WEB', bucket: 'SELLABLE', quantity: 7 })]);

    ({ page } = await stack.signIn('upt.tangerang', '/pameran'));
    const mine = page.locator(`[data-testid=upt-exhibitions] li[data-code=${CODE}]`);
    await mine.waitFor();
    await expectSoon(async () => (await mine.locator('[data-status=CONFIRMED]').count()) === 1, 'the shipped return shown');
    expect(await mine.textContent()).toContain('Retur 7 unit sudah dikonfirmasi dan dikirim; terima di Retur masuk.');
    await expectAccessible(page, 'pameran-upt');
    await stack.shoot(page, 'pameran-upt');
  }, 300_000);

  it("shows a Kanwil the exhibition's report, every figure as reporting answers it, against the previous edition", async () => {
    const admin = bearer('consignment', 'admin');
    const exhibitions: { id: string; code: string }[] = (await consignment().get('/exhibitions').set('Authorization', admin)).body.items;
    const exhibitionId = exhibitions.find((e) => e.code === CODE)!.id;
    const agreements: { id: string; uptCode: string }[] = (
      await consignment().get(`/exhibitions/${exhibitionId}`).set('Authorization', admin)
    ).body.agreements;
    const productId = (
      await request(stack.url('catalog')).get('/products?upt=LP-TGR-1&sku=KRP-TEMPE-100').set('Authorization', bearer('catalog', 'admin'))
    ).body.items[0].id;

    // an earlier edition of the series, a week before: LP-TGR-1 sold 1 of 5 keripik tempe there, its period closed
    const earlierFirst = addDays(first, -7);
    const earlierLast = addDays(first, -6);
    const earlier = await consignment()
      .post('/exhibitions')
      .set('Authorization', bearer('consignment', 'kanwil', 'KW-BANTEN'))
      .send({
        code: 'PIPAS-BTN-WEB-0',
        name: 'PIPAS Banten (web, sebelumnya)',
        series: 'PIPAS Banten',
        edition: 'lalu',
        location: 'Alun-alun Kota Serang',
        timeZone: 'Asia/Jakarta',
        first: earlierFirst,
        last: earlierLast,
        returnWindowDays: 1,
        commissionBp: 1_000,
        maxDiscountBp: 0,
        uptCodes: ['LP-TGR-1'],
      });
    expect(earlier.status).toBe(201);
    const earlierBooth = bearer('consignment', 'venue', 'PIPAS-BTN-WEB-0');
    const earlierAgreement = earlier.body.agreements[0].id;
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', bearer('consignment', 'upt', 'LP-TGR-1'))
      .send({
        agreementId: earlierAgreement,
        dispatchedAt: wib(earlierFirst, '06:00:00'),
        lines: [{ productId, lotCode: 'KT-WEB-0', expiryDate: addDays(today, 90), quantity: 5 }],
      });
    expect(dispatch.status).toBe(201);
    const receipt = await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', earlierBooth)
      .send({ receivedAt: wib(earlierFirst, '07:00:00'), lines: [{ lineNo: 1, accepted: 5, damaged: 0, short: 0 }] });
    expect(receipt.status).toBe(201);
    const sold = await consignment()
      .post('/sales')
      .set('Authorization', earlierBooth)
      .send({ receiptNo: 'WEB-0-1', lineNo: 1, productId, quantity: 1, soldAt: wib(earlierFirst, '10:00:00') });
    expect(sold.status).toBe(201);

    // the event periods closed at their venues: each UPT's statement is issued
    const closes = [
      { agreementId: earlierAgreement, period: `${earlierFirst}..${earlierLast}`, venue: earlierBooth },
      ...agreements.map((a) => ({ agreementId: a.id, period: `${first}..${last}`, venue: bearer('consignment', 'venue', CODE) })),
    ];
    for (const c of closes) {
      const closed = await consignment().post(`/agreements/${c.agreementId}/periods/${c.period}/close`).set('Authorization', c.venue);
      expect(closed.status).toBe(200);
    }
    const ask = async (id = exhibitionId, token = kanwilReporting()) =>
      (await reporting().get(`/reports/exhibitions/${id}`).set('Authorization', token)) as { status: number; body: ExhibitionReport };
    await expectSoon(
      async () => {
        const report = (await ask()).body;
        return (
          report.byUpt?.length === 2 &&
          report.byUpt.every((r) => r.statementStatus === 'ISSUED') &&
          report.previous?.totals.proceeds === 9_000
        );
      },
      'every statement of both editions issued, in the report',
      90_000,
    );
    const api = (await ask()).body;
    // by hand: 3 keripik tempe at Rp 10.000, commission 10 %: proceeds 27.000, PNBP 15 % of it; the earlier edition 1 sold
    expect(api.totals).toEqual({ upts: 2, sold: 3, netSales: 30_000, proceeds: 27_000, pnbp: 4_050 });
    expect(api.previous).toMatchObject({
      edition: 'lalu',
      totals: { upts: 1, sold: 1, netSales: 10_000, proceeds: 9_000, pnbp: 1_350 },
      change: { sold: 2, netSales: 20_000, proceeds: 18_000, pnbp: 2_700 },
      changeRate: { sold: 2, netSales: 2, proceeds: 2, pnbp: 2 },
    });

    // from the list to the report, in the console
    ({ page } = await stack.signIn('kanwil.banten', '/pameran'));
    await page.locator(`[data-testid=exhibition-table] tr[data-code=${CODE}] [data-testid=exhibition-report-link]`).click();
    await page.waitForURL(`${stack.base}/pameran/${exhibitionId}`);
    const report = page.getByTestId('exhibition-report');
    await report.getByRole('heading', { name: `Laporan ${NAME}`, level: 1 }).waitFor();
    const text = async (selector: string) => ((await report.locator(selector).textContent()) ?? '').trim();

    const facts = await text('[data-testid=exhibition-facts]');
    expect(facts).toContain('PIPAS Banten · web');
    expect(facts).toContain('Alun-alun Kota Serang');
    expect(facts).toContain('(WIB), 2 hari');
    expect(await text('[data-testid=exhibition-period]')).toBe(`${first}..${last}, diselesaikan sebagai satu periode`);
    expect(await report.getByTestId('freshness').getAttribute('data-last-event')).toBe(api.freshness.lastEventTime);
    expect(await text('[data-testid=freshness]')).toMatch(/^Data terbaru per \d+ \w+ \d{4}, \d{2}\.\d{2} WIB$/);

    for (const [key, value] of Object.entries(api.totals))
      expect([key, await text(`[data-total=${key}] dd`)]).toEqual([
        key,
        key === 'upts' || key === 'sold' ? formatNumber(value) : formatRupiah(value),
      ]);
    expect(await text('[data-total=proceeds] dd')).toBe('Rp 27.000');
    expect(await text('[data-total=pnbp] dd')).toBe('Rp 4.050');

    const cells = async (table: string, key: string, cols: string[]) => {
      const row = report.locator(`[data-testid=${table}] tbody tr[data-key="${key}"]`);
      return Promise.all(cols.map(async (c) => ((await row.locator(`[data-col=${c}]`).textContent()) ?? '').trim()));
    };
    const figures = (r: ExhibitionFigureRow) => [
      formatNumber(r.received),
      formatNumber(r.sold),
      formatRate(r.sellThrough),
      formatRupiah(r.grossSales),
      formatRupiah(r.netSales),
    ];
    const FIGURES = ['received', 'sold', 'sellThrough', 'grossSales', 'netSales'];
    expect(await report.locator('[data-testid=exhibition-by-upt] tbody tr').count()).toBe(api.byUpt.length);
    for (const r of api.byUpt)
      expect(await cells('exhibition-by-upt', r.uptCode, [...FIGURES, 'proceeds', 'pnbp', 'statement'])).toEqual([
        ...figures(r),
        formatRupiah(r.proceeds!),
        formatRupiah(r.pnbp!),
        'terbit, menunggu pembayaran',
      ]);
    expect(await cells('exhibition-by-upt', 'LP-TGR-1', ['sellThrough', 'proceeds'])).toEqual(['30,0%', 'Rp 27.000']);
    expect(await report.locator('[data-testid=exhibition-by-product] tbody tr').count()).toBe(api.byProduct.length);
    for (const r of api.byProduct) expect(await cells('exhibition-by-product', `${r.uptCode}|${r.sku}`, FIGURES)).toEqual(figures(r));
    expect(await report.locator('[data-testid=exhibition-best-sellers] tbody tr').count()).toBe(api.bestSellers.length);
    for (const [i, r] of api.bestSellers.entries())
      expect(await cells('exhibition-best-sellers', `${r.uptCode}|${r.sku}`, ['rank', ...FIGURES])).toEqual([String(i + 1), ...figures(r)]);
    expect(await text('[data-testid=exhibition-best-sellers] tbody tr th')).toBe('Keripik Tempe 100 g (KRP-TEMPE-100)');

    const previous = api.previous!;
    for (const figure of ['sold', 'netSales', 'proceeds', 'pnbp'] as const) {
      const shown = (n: number) => (figure === 'sold' ? formatNumber(n) : formatRupiah(n));
      expect(await cells('exhibition-comparison', figure, ['previous', 'current', 'change', 'changeRate'])).toEqual([
        shown(previous.totals[figure]),
        shown(api.totals[figure]),
        `+${shown(previous.change[figure])}`,
        `+${formatRate(previous.changeRate[figure])}`,
      ]);
    }
    expect(await cells('exhibition-comparison', 'pnbp', ['change', 'changeRate'])).toEqual(['+Rp 2.700', '+200,0%']);

    // the download is reporting's XLSX of the same report
    const xlsx = report.getByRole('link', { name: `Unduh XLSX: Laporan ${NAME}` });
    expect(await xlsx.getAttribute('href')).toBe(`/api/reporting/reports/exhibitions/${exhibitionId}?format=xlsx`);
    const file = await page.request.get(`${stack.base}/api/reporting/reports/exhibitions/${exhibitionId}?format=xlsx`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    await expectAccessible(page, 'laporan-pameran');
    await stack.shoot(page, 'laporan-pameran');

    // an exhibition outside the reader's scope (none, here): refused in a sentence
    await page.goto(`${stack.base}/pameran/00000000-0000-4000-8000-000000000000`);
    await page
      .getByRole('alert')
      .getByText('Pameran ini tidak ada dalam wewenang Anda, atau belum sampai di layanan pelaporan; coba lagi sebentar.')
      .waitFor();

    // a UPT reaches its own figures from its Pameran page: its row, as reporting gives it to the UPT
    ({ page } = await stack.signIn('upt.tangerang', '/pameran'));
    await page
      .locator(`[data-testid=upt-exhibitions] li[data-code=${CODE}]`)
      .getByRole('link', { name: `Lihat laporan ${NAME}` })
      .click();
    const own = page.getByTestId('exhibition-report');
    await own.locator('[data-testid=exhibition-by-upt]').waitFor();
    const mine = (await ask(exhibitionId, bearer('reporting', 'upt', 'LP-TGR-1'))).body;
    expect(mine.byUpt.map((r) => r.uptCode)).toEqual(['LP-TGR-1']);
    expect(await own.locator('[data-testid=exhibition-by-upt] tbody tr').count()).toBe(1);
    expect(await own.locator('[data-total=proceeds] dd').textContent()).toBe(formatRupiah(mine.totals.proceeds));
    await expectAccessible(page, 'laporan-pameran-upt');
    await stack.shoot(page, 'laporan-pameran-upt');
    console.log(`console exhibition report: screenshots in ${stack.shots}`);
  }, 300_000);
});
