import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import request from 'supertest';
import { formatMonth, formatRupiah } from '../../apps/console/web/src/format';
import { returnNumber } from '../../apps/console/web/src/upt-return-form';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The UPT clerk's pages in Chromium against the whole stack: a dispatch sent through the page, its surat jalan and
 * labels fetched through the console and read back (text, QR code, Code 128 barcodes), a return from the lounge
 * confirmed, the PNBP deposit of a statement the lounge has paid, and the year's PNBP against its target.
 * Set-up that is not the UPT's (agreement, last month's trade, its close and payment, the return) uses
 * development tokens, as console-month-end.e2e-spec.ts does.
 */
const LOUNGE = TANGERANG_LOUNGE.code;
const UPT = 'LP-TGR-1';
const TARGET = 50_000_000;

let stack: ConsoleStack;
let page: Page;
let agreementId: string;
let statementId: string;
let returnId: string;
let ids: Record<string, string>;

const consignment = () => request(stack.url('consignment'));
const reporting = () => request(stack.url('reporting'));
const admin = () => bearer('consignment', 'admin');
const asUpt = () => bearer('consignment', 'upt', UPT);
const asVenue = (service: 'consignment' | 'reporting' = 'consignment') => bearer(service, 'venue', LOUNGE);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Last month in the lounge's zone (WIB, UTC+7), and an instant in it. */
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
const year = Number(period.slice(0, 4));

async function statementOfMonth(): Promise<any> {
  const res = await reporting().get('/statements').query({ venue: LOUNGE, period }).set('Authorization', asVenue('reporting'));
  return res.body.items?.[0];
}

/** A PDF's first page as an image (Debian's pdftoppm), with its pixels. */
function renderPage(pdf: Buffer, name: string, dpi: number): PNG {
  const file = join(stack.shots, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, join(stack.shots, name)]);
  return PNG.sync.read(readFileSync(join(stack.shots, `${name}.png`)));
}

/** Every Code 128 barcode found across horizontal bands of the image (a sheet holds many labels). */
function code128s(png: PNG): Set<string> {
  const found = new Set<string>();
  const bands = 24;
  const bandHeight = Math.ceil(png.height / bands);
  for (let band = 0; band < bands; band++) {
    const top = band * bandHeight;
    const height = Math.min(bandHeight * 2, png.height - top);
    if (height <= 0) continue;
    const luminance = new Uint8ClampedArray(png.width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < png.width; x++) {
        const i = ((top + y) * png.width + x) * 4;
        luminance[y * png.width + x] = (png.data[i] * 299 + png.data[i + 1] * 587 + png.data[i + 2] * 114) / 1000;
      }
    const reader = new MultiFormatReader();
    reader.setHints(
      new Map<DecodeHintType, unknown>([
        [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
        [DecodeHintType.TRY_HARDER, true],
      ]),
    );
    try {
      found.add(reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, height)))).getText());
    } catch {
      // no barcode across this band
    }
  }
  return found;
}

/** A document the page links to, fetched through the console with the browser's session (as opening the link does). */
async function linkedPdf(name: string | RegExp): Promise<Buffer> {
  const href = await page.getByRole('link', { name }).first().getAttribute('href');
  expect(href).toMatch(/^\/api\/consignment\//);
  const res = await page.request.get(`${stack.base}${href}`);
  expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf']);
  return res.body();
}

beforeAll(async () => {
  stack = await ConsoleStack.start('upt', ['catalog', 'consignment', 'reporting']);
  await stack.addPerson('upt.tgr', 'upt', UPT, 'Budi Santoso');
  const ministry = bearer('reporting', 'ministry');
  const split = await reporting()
    .post('/split-policies')
    .set('Authorization', ministry)
    .send({
      effectiveFrom: '2026-01-01',
      shares: [
        { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
        { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
      ],
    });
  expect(split.status).toBe(201);
  const target = await reporting().put(`/pnbp-targets/${UPT}/${year}`).set('Authorization', ministry).send({ amount: TARGET });
  expect(target.status).toBe(201);
  const products = await request(stack.url('catalog'))
    .get(`/products?upt=${UPT}&limit=200`)
    .set('Authorization', bearer('catalog', 'admin'));
  ids = Object.fromEntries(products.body.items.map((p: { sku: string; id: string }) => [p.sku, p.id]));
  const agreement = await consignment()
    .post('/agreements')
    .set('Authorization', admin())
    .send({ uptCode: UPT, venueCode: LOUNGE, commissionBp: 2000, validFrom: day(-90) });
  expect(agreement.status).toBe(201);
  agreementId = agreement.body.id;
  expect((await consignment().post(`/agreements/${agreementId}/activate`).set('Authorization', admin())).status).toBe(200);

  // last month: goods received and some sold; the lounge closes the month and pays the statement
  const dispatch = await consignment()
    .post('/dispatches')
    .set('Authorization', asUpt())
    .send({
      agreementId,
      dispatchedAt: at(1, 8),
      lines: [
        { productId: ids['KRP-TEMPE-100'], lotCode: `KT-${period}`, expiryDate: day(60), quantity: 30 },
        { productId: ids['PAVING-K100'], lotCode: `PV-${period}`, quantity: 40 },
      ],
    });
  expect(dispatch.status).toBe(201);
  const receipt = await consignment()
    .post(`/dispatches/${dispatch.body.id}/receipt`)
    .set('Authorization', asVenue())
    .send({
      receivedAt: at(1, 10),
      lines: [
        { lineNo: 1, accepted: 30, damaged: 0, short: 0 },
        { lineNo: 2, accepted: 40, damaged: 0, short: 0 },
      ],
    });
  expect(receipt.status).toBe(201);
  const sales = await consignment()
    .post('/sales/batches')
    .set('Authorization', asVenue())
    .send({
      lines: [
        { receiptNo: `UPT-${period}-1`, lineNo: 1, productId: ids['KRP-TEMPE-100'], quantity: 12, soldAt: at(4, 11) },
        { receiptNo: `UPT-${period}-2`, lineNo: 1, productId: ids['PAVING-K100'], quantity: 10, soldAt: at(9, 15) },
      ],
    });
  expect(sales.body.accepted).toBe(2);
  await expectSoon(
    async () => {
      const res = await reporting()
        .get(`/agreements/${agreementId}/periods/${period}/statement`)
        .set('Authorization', asVenue('reporting'));
      return res.status === 200 && res.body.figures.controlTotals.saleLines === 2;
    },
    'reporting caught up with last month',
    60_000,
  );
  const close = await consignment().post(`/agreements/${agreementId}/periods/${period}/close`).set('Authorization', asVenue());
  expect(close.status).toBe(200);
  await expectSoon(async () => (await statementOfMonth())?.status === 'ISSUED', 'the statement issued', 60_000);
  const issued = await statementOfMonth();
  statementId = issued.id;
  const paid = await reporting()
    .post(`/statements/${statementId}/payments`)
    .set('Authorization', asVenue('reporting'))
    .send({ amount: issued.figures.proceeds, paidOn: day(0), transferReference: 'BRI-UPT-0001' });
  expect(paid.status).toBe(201);

  // this month: the lounge sends unsold paving back
  const shipped = await consignment()
    .post('/returns')
    .set('Authorization', asVenue())
    .send({ agreementId, reason: 'unsold', lines: [{ productId: ids['PAVING-K100'], lotCode: `PV-${period}`, quantity: 5 }] });
  expect(shipped.status).toBe(201);
  returnId = shipped.body.id;
}, KEYCLOAK_START_MS + 420_000);

afterAll(() => stack?.dispose());

describe("the console's UPT pages", () => {
  it('sends a dispatch through the page; its surat jalan and labels read back right', async () => {
    ({ page } = await stack.signIn('upt.tgr', '/pengiriman'));
    await page.getByRole('heading', { name: 'Pengiriman barang' }).waitFor();
    const nav = page.getByRole('navigation');
    for (const name of ['Pengiriman', 'Retur masuk', 'Penyelesaian', 'PNBP']) await nav.getByRole('link', { name, exact: true }).waitFor();
    // the only active agreement is picked; last month's dispatch is listed, received
    expect(await page.locator('select[name=agreement]').inputValue()).toBe(agreementId);
    await page.getByTestId('dispatch-list').getByText('diterima gerai').waitFor();

    // an empty line is refused with what is missing, before anything is sent
    await page.getByRole('button', { name: 'Kirim dan terbitkan surat jalan' }).click();
    const first = page.getByTestId('dispatch-line-1');
    const problems = first.locator('#line-1-problems');
    await problems.filter({ hasText: 'pilih produk' }).waitFor();
    expect(await problems.textContent()).toContain('isi kode lot');
    await expectAccessible(page, 'pengiriman-kosong');
    await stack.shoot(page, 'pengiriman-kosong');

    const lot = 'KT-2612A';
    await first.getByLabel('Produk').selectOption({ label: 'KRP-TEMPE-100 — Keripik Tempe 100 g' });
    await first.getByLabel('Kode lot').fill(lot);
    await first.getByLabel('Kedaluwarsa').fill(day(-1));
    await first.getByLabel('Jumlah (unit)').fill('24');
    await problems.filter({ hasText: 'lot sudah kedaluwarsa sebelum hari ini' }).waitFor();
    await first.getByLabel('Kedaluwarsa').fill(day(80));
    await page.getByRole('button', { name: 'Tambah baris' }).click();
    const second = page.getByTestId('dispatch-line-2');
    await second.getByLabel('Produk').selectOption({ label: 'PAVING-K100 — Paving block K-100 (per piece)' });
    await second.getByLabel('Kode lot').fill('PV-2611');
    await second.getByLabel('Jumlah (unit)').fill('120');
    await second.locator('.hint').filter({ hasText: 'tidak kedaluwarsa, tanggal boleh kosong' }).waitFor();
    expect(await page.getByTestId('dispatch-totals').textContent()).toBe('2 baris, 144 unit.');
    await expectAccessible(page, 'pengiriman-isi');
    await stack.shoot(page, 'pengiriman-isi');
    await page.getByRole('button', { name: 'Kirim dan terbitkan surat jalan' }).click();
    const sent = page.getByTestId('dispatch-sent');
    await sent.waitFor();

    const list = await consignment()
      .get('/dispatches')
      .query({ agreement: agreementId, status: 'IN_TRANSIT' })
      .set('Authorization', asUpt());
    expect(list.body.items).toHaveLength(1);
    const dispatch = list.body.items[0];
    expect(dispatch.lines).toMatchObject([
      { productId: ids['KRP-TEMPE-100'], lotCode: lot, expiryDate: day(80), quantity: 24 },
      { productId: ids['PAVING-K100'], lotCode: 'PV-2611', expiryDate: '9999-12-31', quantity: 120 },
    ]);
    expect(await sent.textContent()).toContain(
      `Surat jalan ${dispatch.number} diterbitkan: 2 baris, 144 unit ke ${TANGERANG_LOUNGE.name}.`,
    );
    await page.locator(`tr[data-dispatch="${dispatch.number}"]`).getByText('dalam perjalanan').waitFor();
    await expectAccessible(page, 'pengiriman-terkirim');
    await stack.shoot(page, 'pengiriman-terkirim');

    // the surat jalan, as the console streams it: number, lines, and a QR code opening it in the console
    const suratJalan = await linkedPdf(`Surat jalan ${dispatch.number} (PDF)`);
    expect(suratJalan.subarray(0, 5).toString()).toBe('%PDF-');
    const image = renderPage(suratJalan, 'surat-jalan', 150);
    const text = execFileSync('pdftotext', ['-layout', join(stack.shots, 'surat-jalan.pdf'), '-']).toString();
    expect(text).toContain(dispatch.number);
    for (const expected of ['Keripik Tempe 100 g', lot, '24', 'Paving block K-100', 'PV-2611', '120']) expect(text).toContain(expected);
    const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(qr?.data).toBe(`${stack.base}/dokumen/surat-jalan/${dispatch.id}`);

    // the labels: each barcode on the sheet is a Code 128 of a dispatched product's SKU
    const labels = await linkedPdf(`Label produk ${dispatch.number} (PDF)`);
    const codes = code128s(renderPage(labels, 'labels', 300));
    expect(codes.size).toBeGreaterThan(0);
    for (const code of codes) expect(['KRP-TEMPE-100', 'PAVING-K100']).toContain(code);
    console.log(`console upt: dispatch ${dispatch.number}; label barcodes read: ${[...codes].join(', ')}`);
  }, 240_000);

  it('confirms a return arriving from the lounge', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Retur masuk' }).click();
    await page.getByRole('heading', { name: 'Retur masuk', level: 1 }).waitFor();
    const no = returnNumber(returnId);
    const card = page.locator(`[data-testid=returns-arriving] [data-return="${no}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(`5 × Paving block K-100 (per piece) (PAVING-K100), lot PV-${period}`);
    expect(await card.textContent()).toContain('alasan: tidak laku');
    await expectAccessible(page, 'retur-masuk');
    await stack.shoot(page, 'retur-masuk');
    await card.getByRole('button', { name: `Konfirmasi retur No. ${no} diterima` }).click();
    await page.getByText(`Retur No. ${no} dari ${TANGERANG_LOUNGE.name} diterima: 5 unit.`).waitFor();
    await page.locator(`[data-testid=returns-received] [data-return="${no}"]`).waitFor();
    const after = await consignment().get(`/returns/${returnId}`).set('Authorization', asUpt());
    expect(after.body.status).toBe('RECEIVED');
    await expectAccessible(page, 'retur-masuk-diterima');
    await stack.shoot(page, 'retur-masuk-diterima');
  }, 120_000);

  it("records the PNBP deposit of the lounge's paid statement, the PNBP share pre-filled", async () => {
    const statement = (await reporting().get(`/statements/${statementId}`).set('Authorization', asVenue('reporting'))).body;
    const pnbp = statement.figures.split.find((p: { name: string }) => p.name === 'PNBP').amount as number;
    expect(pnbp).toBeGreaterThan(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Penyelesaian' }).click();
    const row = page.locator(`tr[data-statement="${statementId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('PAID');
    expect((await row.locator('[data-figure=pnbp]').textContent())?.startsWith(formatRupiah(pnbp))).toBe(true);
    expect(await row.locator('[data-figure=proceeds]').textContent()).toBe(formatRupiah(statement.figures.proceeds));
    const card = page.getByTestId(`deposit-${period}-${LOUNGE}`);
    expect(await card.locator('input[name=amount]').inputValue()).toBe(String(pnbp));
    // a wrong NTPN is named before sending
    await card.locator('input[name=simponiBillingCode]').fill('8202 6120 5000 123');
    await card.locator('input[name=ntpn]').fill('A1B2C3');
    const submit = card.getByRole('button', { name: `Catat setoran PNBP ${formatMonth(period)} ${TANGERANG_LOUNGE.name}` });
    await submit.click();
    await card.getByText('NTPN terdiri dari 16 huruf atau angka').waitFor();
    await expectAccessible(page, 'penyelesaian');
    await stack.shoot(page, 'penyelesaian');
    await card.locator('input[name=ntpn]').fill('b7c8d9e0f1a2b3c4');
    await submit.click();
    await page.getByText(`Setoran PNBP ${formatRupiah(pnbp)} untuk ${formatMonth(period)}`).waitFor();
    await expectSoon(async () => (await row.getAttribute('data-status')) === 'DEPOSITED', 'the statement shown deposited');
    const deposited = (await reporting().get(`/statements/${statementId}`).set('Authorization', asVenue('reporting'))).body;
    expect(deposited).toMatchObject({
      status: 'DEPOSITED',
      depositedAmount: pnbp,
      simponiBillingCode: '820261205000123',
      ntpn: 'B7C8D9E0F1A2B3C4',
    });
    expect(await row.locator('[data-figure=settled]').textContent()).toContain('NTPN B7C8D9E0F1A2B3C4');
    await expectAccessible(page, 'penyelesaian-disetor');
    await stack.shoot(page, 'penyelesaian-disetor');

    // the year's PNBP against the target: the deposit counts
    await page.getByRole('navigation').getByRole('link', { name: 'PNBP' }).click();
    await page.locator('select[name=year]').selectOption(String(year));
    const progress = page.getByTestId('pnbp-progress');
    await progress.waitFor();
    expect(await progress.locator('[data-figure=target]').textContent()).toBe(formatRupiah(TARGET));
    expect(await progress.locator('[data-figure=deposited]').textContent()).toBe(formatRupiah(pnbp));
    expect(await progress.locator('[data-figure=remaining]').textContent()).toBe(formatRupiah(TARGET - pnbp));
    await page.getByTestId('pnbp-history').getByText(formatRupiah(TARGET)).waitFor();
    const api = await reporting()
      .get('/reports/pnbp-progress')
      .query({ year })
      .set('Authorization', bearer('reporting', 'upt', UPT));
    expect(api.body.rows).toEqual([expect.objectContaining({ uptCode: UPT, target: TARGET, deposited: pnbp })]);
    await expectAccessible(page, 'pnbp');
    await stack.shoot(page, 'pnbp');
    console.log(`console upt: PNBP ${formatRupiah(pnbp)} deposited of ${formatRupiah(TARGET)}; screenshots in ${stack.shots}`);
  }, 180_000);
});
