import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The day's upload and the stock count in Chromium against the whole stack (test/support/console-stack.ts). Set-up
 * that is not the venue's (agreement, dispatch) uses development tokens; the dispatch is received through the API;
 * then the cashier uploads files and counts the stock in the browser.
 */
const LOUNGE = TANGERANG_LOUNGE.code;

let stack: ConsoleStack;
let page: Page;
let files: string;

const consignment = () => request(stack.url('consignment'));
const admin = () => bearer('consignment', 'admin');
const asVenue = () => bearer('consignment', 'venue', LOUNGE);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** `2026-11-29 14:05`: a wall time in Jakarta, some hours ago. */
const jakartaTime = (hoursAgo: number) =>
  new Date(Date.now() - hoursAgo * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
let productIds: Record<string, string>;

async function sellableOf(productId: string): Promise<number> {
  const stock = await consignment()
    .get('/stock')
    .query({ venue: LOUNGE, bucket: 'SELLABLE', product: productId })
    .set('Authorization', asVenue());
  return stock.body.items.reduce((sum: number, row: { quantity: number }) => sum + row.quantity, 0);
}

async function upload(path: string): Promise<void> {
  await page.getByTestId('upload-file').setInputFiles(path);
  await page.getByTestId('upload-table').waitFor();
}

const rowsWith = (attribute: string, value: string) => page.locator(`[data-testid=upload-table] tbody tr[${attribute}=${value}]`);

beforeAll(async () => {
  stack = await ConsoleStack.start('upload');
  files = mkdtempSync(join(tmpdir(), 'console-upload-files-'));
  await stack.addPerson('kasir.tgr', 'venue', LOUNGE, 'Siti Kasir');
  const products = await request(stack.url('catalog'))
    .get('/products?upt=LP-TGR-1&limit=200')
    .set('Authorization', bearer('catalog', 'admin'));
  productIds = Object.fromEntries(products.body.items.map((p: { sku: string; id: string }) => [p.sku, p.id]));
  const agreement = await consignment()
    .post('/agreements')
    .set('Authorization', admin())
    .send({ uptCode: 'LP-TGR-1', venueCode: LOUNGE, commissionBp: 2000, maxDiscountBp: 1000, validFrom: day(-60) });
  expect(agreement.status).toBe(201);
  expect((await consignment().post(`/agreements/${agreement.body.id}/activate`).set('Authorization', admin())).status).toBe(200);
  const dispatch = await consignment()
    .post('/dispatches')
    .set('Authorization', bearer('consignment', 'upt', 'LP-TGR-1'))
    .send({
      agreementId: agreement.body.id,
      lines: [
        { productId: productIds['KRP-TEMPE-100'], lotCode: 'KT-01', expiryDate: day(50), quantity: 100 },
        { productId: productIds['TELANG-250'], lotCode: 'TL-01', expiryDate: day(20), quantity: 20 },
      ],
    });
  expect(dispatch.status).toBe(201);
  const received = await consignment()
    .post(`/dispatches/${dispatch.body.id}/receipt`)
    .set('Authorization', asVenue())
    .send({
      lines: [
        { lineNo: 1, accepted: 100, damaged: 0, short: 0 },
        { lineNo: 2, accepted: 20, damaged: 0, short: 0 },
      ],
    });
  expect(received.status).toBe(201);
}, KEYCLOAK_START_MS + 420_000);

afterAll(() => stack?.dispose());

describe("the console's upload and stock count (part 2)", () => {
  it('previews a CSV with one bad row, sends the good rows once, answers a resend with duplicates, and reads an XLSX', async () => {
    ({ page } = await stack.signIn('kasir.tgr', '/unggah'));
    await page.getByRole('heading', { name: 'Unggah penjualan' }).waitFor();
    await expectSoon(async () => await page.getByTestId('upload-file').isEnabled(), 'the file input ready');

    // semicolons, as Excel in an Indonesian locale writes it; row 4 has quantity 0
    const csv = join(files, 'penjualan-hari-ini.csv');
    writeFileSync(
      csv,
      [
        'SKU;Jumlah;Waktu;Harga',
        `KRP-TEMPE-100;2;${jakartaTime(3)};`,
        `TELANG-250;1;${jakartaTime(2)};8.000`,
        `KRP-TEMPE-100;0;${jakartaTime(2)};`,
        `KRP-TEMPE-100;1;${jakartaTime(1)};`,
        '',
      ].join('\r\n'),
    );
    await upload(csv);
    expect(await rowsWith('data-check', 'bad').count()).toBe(1);
    expect(await rowsWith('data-check', 'bad').getAttribute('data-row')).toBe('4');
    expect(await rowsWith('data-check', 'bad').textContent()).toContain('jumlah harus bilangan bulat 1 atau lebih');
    expect(await rowsWith('data-check', 'good').count()).toBe(3);
    expect(await page.getByTestId('upload-counts').textContent()).toContain('4 baris: 3 benar, 1 salah.');
    await expectAccessible(page, 'unggah-pratinjau');
    await stack.shoot(page, 'unggah-pratinjau');

    await page.getByRole('button', { name: 'Kirim 3 baris yang benar' }).click();
    await page.getByTestId('upload-summary').waitFor();
    expect(await page.getByTestId('upload-summary').textContent()).toBe('Terkirim: 3 diterima, 0 duplikat, 0 ditolak.');
    expect(await rowsWith('data-result', 'accepted').count()).toBe(3);
    await stack.shoot(page, 'unggah-terkirim');

    // the same file again: every line a duplicate, nothing sold twice
    await page.getByTestId('upload-file').setInputFiles([]);
    await page.getByTestId('upload-table').waitFor({ state: 'detached' });
    await upload(csv);
    await page.getByRole('button', { name: 'Kirim 3 baris yang benar' }).click();
    await page.getByTestId('upload-summary').waitFor();
    expect(await page.getByTestId('upload-summary').textContent()).toBe('Terkirim: 0 diterima, 3 duplikat, 0 ditolak.');
    expect(await rowsWith('data-result', 'duplicate').count()).toBe(3);
    const sales = await consignment().get('/sales').query({ venue: LOUNGE }).set('Authorization', asVenue());
    expect(sales.body.total).toBe(3);
    expect(await sellableOf(productIds['KRP-TEMPE-100'])).toBe(97);
    expect(await sellableOf(productIds['TELANG-250'])).toBe(19);

    // an XLSX with its own receipt numbers and a real date cell
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Penjualan');
    sheet.addRow(['No Struk', 'Kode', 'Qty', 'Tanggal']);
    const wall = jakartaTime(1);
    const cell = new Date(`${wall.replace(' ', 'T')}:00Z`); // the face value, as Excel keeps a date
    sheet.addRow(['XL-0001', 'TELANG-250', 2, cell]);
    sheet.addRow(['XL-0001', 'KRP-TEMPE-100', 1, cell]);
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
    const xlsx = join(files, 'penjualan.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await page.getByTestId('upload-file').setInputFiles([]);
    await page.getByTestId('upload-table').waitFor({ state: 'detached' });
    await upload(xlsx);
    expect(await rowsWith('data-check', 'good').count()).toBe(2);
    expect(await page.getByTestId('upload-table').textContent()).toContain(`XL-0001 #2`);
    await page.getByRole('button', { name: 'Kirim 2 baris yang benar' }).click();
    await page.getByTestId('upload-summary').waitFor();
    expect(await page.getByTestId('upload-summary').textContent()).toBe('Terkirim: 2 diterima, 0 duplikat, 0 ditolak.');
    const xlSales = await consignment().get('/sales').query({ venue: LOUNGE, receiptNo: 'XL-0001' }).set('Authorization', asVenue());
    expect(xlSales.body.total).toBe(2);
    expect(new Date(xlSales.body.items[0].soldAt).getTime()).toBe(Date.parse(`${wall.replace(' ', 'T')}:00+07:00`));
  }, 300_000);

  it('counts the stock: a lot one short shows its variance in units and rupiah, and consignment records it', async () => {
    await page.getByRole('link', { name: 'Stok opname' }).click();
    await page.getByTestId('stock-count-table').waitFor();
    const telang = page.locator('[data-testid=stock-count-table] tbody tr[data-lot=TL-01]');
    expect(await telang.locator('td').nth(2).textContent()).toBe('17');
    await page.locator('input[name=count-TL-01]').fill('16');
    await expectSoon(async () => (await telang.getByTestId('variance').textContent()) === '-1', 'the variance shown');
    // 8.000 is the Telang's dispatch price
    expect(await telang.locator('td').nth(5).textContent()).toBe('-Rp 8.000');
    expect(await page.getByTestId('total-variance').textContent()).toBe('-1');
    expect(await page.getByTestId('total-value').textContent()).toBe('-Rp 8.000');
    const confirm = page.getByRole('button', { name: 'Konfirmasi stok opname' });
    expect(await confirm.isDisabled()).toBe(true); // no note yet
    await page.getByLabel('Keterangan stok opname (wajib)').fill('Stok opname akhir hari');
    await expectAccessible(page, 'stok-opname');
    await stack.shoot(page, 'stok-opname');
    await confirm.click();
    await page.getByTestId('stock-count-done').waitFor();
    expect(await page.getByTestId('stock-count-done').textContent()).toBe('Stok opname tercatat: 2 lot dihitung, 1 berselisih.');
    await stack.shoot(page, 'stok-opname-tercatat');
    const counts = await consignment().get('/stock-counts').query({ venue: LOUNGE }).set('Authorization', asVenue());
    expect(counts.body.total).toBe(1);
    expect(counts.body.items[0].reason).toBe('Stok opname akhir hari');
    const tl = counts.body.items[0].lines.find((l: { lotCode: string }) => l.lotCode === 'TL-01');
    expect(tl).toMatchObject({ book: 17, counted: 16, variance: -1 });
    expect(await sellableOf(productIds['TELANG-250'])).toBe(16);
    console.log(`console upload and stock count: screenshots in ${stack.shots}`);
  }, 180_000);
});
