import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { formatDay } from '@titipan/kernel';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import request from 'supertest';
import { labelBox } from '../../apps/consignment/src/document/domain/label-sheet';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { ConsoleStack, expectAccessible, expectSoon } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The printed documents of one dispatch's life, read back as a person and a till would: each PDF rendered to
 * images (pdftoppm, 150 dpi) and to text (pdftotext), its QR code decoded (jsQR) to the console page it opens, and
 * every product label's Code 128 decoded (ZXing) to the SKU. Then a UPT clerk signs in to the console at the surat
 * jalan's QR address and sees the document. The whole stack runs once for the file (test/support/console-stack.ts).
 */
const run = promisify(execFile);
const LOUNGE = TANGERANG_LOUNGE.code;
const UPT = 'LP-TGR-1';
const DPI = 150;

let stack: ConsoleStack;
let files: string;
let sku: Record<string, string>;
let agreementId: string;
let dispatch: { id: string; number: string };
let returnId: string;
let countId: string;

const consignment = () => request(stack.url('consignment'));
const admin = () => bearer('consignment', 'admin');
const asUpt = () => bearer('consignment', 'upt', UPT);
const asVenue = () => bearer('consignment', 'venue', LOUNGE);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const year = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
const KERIPIK_EXPIRY = day(60);
const TELANG_EXPIRY = day(20);

/** A PDF as answered: saved, its text (layout kept) and each page as a PNG at 150 dpi. */
async function fetchPdf(path: string, token: string, name: string): Promise<{ text: string; pages: PNG[]; disposition: string }> {
  const answer = await consignment()
    .get(path)
    .set('Authorization', token)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect({ path, status: answer.status, type: answer.headers['content-type'] }).toEqual({ path, status: 200, type: 'application/pdf' });
  const file = join(files, `${name}.pdf`);
  writeFileSync(file, answer.body as Buffer);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  await run('pdftoppm', ['-r', String(DPI), '-png', file, join(files, name)]);
  const pages = readdirSync(files)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(files, f))));
  return { text, pages, disposition: answer.headers['content-disposition'] };
}

function decodeQr(page: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data;
}

/** The Code 128 within a region of a page (points), or the error ZXing gave. */
function decodeCode128(page: PNG, box: { x: number; y: number; width: number; height: number }): string {
  const scale = DPI / 72;
  const [x0, y0] = [Math.round(box.x * scale), Math.round(box.y * scale)];
  const [w, h] = [Math.round(box.width * scale), Math.round(box.height * scale)];
  const luminance = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * page.width + (x0 + x)) * 4;
      luminance[y * w + x] = (page.data[i] * 299 + page.data[i + 1] * 587 + page.data[i + 2] * 114) / 1000;
    }
  }
  const reader = new MultiFormatReader();
  reader.setHints(
    new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]),
  );
  try {
    return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, w, h)))).getText();
  } catch (error) {
    return `not decoded: ${(error as Error).name}`;
  }
}

const documentUrl = (kind: string, id: string) => `${stack.base}/dokumen/${kind}/${id}`;

beforeAll(async () => {
  stack = await ConsoleStack.start('documents');
  files = mkdtempSync(join(tmpdir(), 'consignment-documents-'));
  await stack.addPerson('petugas.tgr', 'upt', UPT, 'Petugas Gudang Lapas Tangerang');
  await stack.addPerson('kasir.dokumen', 'venue', LOUNGE, 'Kasir Lounge Tangerang');
  const products = await request(stack.url('catalog'))
    .get(`/products?upt=${UPT}&limit=200`)
    .set('Authorization', bearer('catalog', 'admin'));
  sku = Object.fromEntries(products.body.items.map((p: { sku: string; id: string }) => [p.sku, p.id]));
  // keripik at the agreement's own price, telang at the catalog's (Rp 8.000)
  const agreement = await consignment()
    .post('/agreements')
    .set('Authorization', admin())
    .send({
      uptCode: UPT,
      venueCode: LOUNGE,
      commissionBp: 1000,
      validFrom: day(-30),
      prices: [{ productId: sku['KRP-TEMPE-100'], price: 12_500 }],
    });
  expect(agreement.status).toBe(201);
  agreementId = agreement.body.id;
  expect((await consignment().post(`/agreements/${agreementId}/activate`).set('Authorization', admin())).status).toBe(200);
  const created = await consignment()
    .post('/dispatches')
    .set('Authorization', asUpt())
    .send({
      agreementId,
      lines: [
        { productId: sku['KRP-TEMPE-100'], lotCode: 'KT-DOC-1', expiryDate: KERIPIK_EXPIRY, quantity: 6 },
        { productId: sku['TELANG-250'], lotCode: 'TL-DOC-1', expiryDate: TELANG_EXPIRY, quantity: 3 },
      ],
    });
  expect(created.status).toBe(201);
  dispatch = created.body;
}, 600_000);

afterAll(() => stack?.dispose());

describe('printed documents of a dispatch, its receipt, a return and a stock count', () => {
  it('prints the surat jalan: number, both parties, lots with expiry, prices, and a QR code of its console page', async () => {
    const { text, pages, disposition } = await fetchPdf(`/dispatches/${dispatch.id}/surat-jalan`, asUpt(), 'surat-jalan');
    expect(dispatch.number).toMatch(new RegExp(`^SJ/${UPT}/${year()}/\\d{4}$`));
    expect(disposition).toBe(`inline; filename="${dispatch.number.replace(/\//g, '-')}.pdf"`);
    expect(pages).toHaveLength(1);
    // A4 (210 x 297 mm) at 150 dpi, give or take pdftoppm's rounding
    expect([Math.abs(pages[0].width - 1240) <= 1, Math.abs(pages[0].height - 1754) <= 1]).toEqual([true, true]);
    for (const expected of [
      'SURAT JALAN',
      `Nomor: ${dispatch.number}`,
      'Lapas Kelas I Tangerang',
      'Kanwil Ditjenpas Banten',
      'Lounge Layanan Publik',
      'Keripik Tempe 100 g',
      'KRP-TEMPE-100',
      'KT-DOC-1',
      formatDay(KERIPIK_EXPIRY),
      'Minuman Bunga Telang 250 ml',
      'TL-DOC-1',
      formatDay(TELANG_EXPIRY),
      'Rp 12.500',
      'Rp 8.000',
      'WIB',
      'NIP:',
    ]) {
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    }
    expect(decodeQr(pages[0])).toBe(documentUrl('surat-jalan', dispatch.id));
  });

  it("refuses another venue's, another UPT's and another Kanwil's reader, and the BAST before the receipt", async () => {
    const path = `/dispatches/${dispatch.id}/surat-jalan`;
    for (const token of [
      bearer('consignment', 'venue', 'IMI-SBY-JUANDA'),
      bearer('consignment', 'upt', 'LPP-TGR'),
      bearer('consignment', 'kanwil', 'KW-JATIM'),
    ]) {
      const refused = await consignment().get(path).set('Authorization', token);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    }
    expect(
      (
        await consignment()
          .get(path)
          .set('Authorization', bearer('consignment', 'kanwil', 'KW-BANTEN'))
      ).status,
    ).toBe(200);
    const early = await consignment().get(`/dispatches/${dispatch.id}/bast`).set('Authorization', asVenue());
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'DISPATCH_NOT_RECEIVED', details: { current: 'IN_TRANSIT' } });
    const unknown = await consignment().get(`/returns/${dispatch.id}/note`).set('Authorization', admin());
    expect(unknown.body.code).toBe('RETURN_NOT_FOUND');
  });

  it("prints one label per unit with name and price, and each label's Code 128 reads as the SKU", async () => {
    const { text, pages } = await fetchPdf(`/dispatches/${dispatch.id}/labels`, asUpt(), 'labels');
    expect(pages).toHaveLength(1);
    expect(text).toContain('Keripik Tempe 100 g');
    expect(text).toContain('Rp 12.500');
    expect(text).toContain('Rp 8.000');
    const read = Array.from({ length: 9 }, (_, i) => decodeCode128(pages[0], labelBox(i)));
    expect(read).toEqual([...Array(6).fill('KRP-TEMPE-100'), ...Array(3).fill('TELANG-250')]);
    // the tenth place of the sheet is empty
    expect(decodeCode128(pages[0], labelBox(9))).toMatch(/^not decoded/);
  });

  it('prints the BAST once received: received, damaged and short per lot with the reasons', async () => {
    const received = await consignment()
      .post(`/dispatches/${dispatch.id}/receipt`)
      .set('Authorization', asVenue())
      .send({
        lines: [
          { lineNo: 1, accepted: 4, damaged: 1, short: 1, reason: 'satu bungkus sobek, satu kurang' },
          { lineNo: 2, accepted: 2, damaged: 0, short: 1, reason: 'satu botol tidak ada' },
        ],
      });
    expect(received.status).toBe(201);
    const { text, pages } = await fetchPdf(`/dispatches/${dispatch.id}/bast`, asVenue(), 'bast');
    const number = dispatch.number.replace(/^SJ\//, 'BAST/');
    for (const expected of [
      'BERITA ACARA SERAH TERIMA',
      `Nomor: ${number}`,
      dispatch.number,
      'Dikirim',
      'Diterima',
      'Rusak',
      'Kurang',
      'satu bungkus sobek',
      'satu botol tidak ada',
      'KT-DOC-1',
      formatDay(KERIPIK_EXPIRY),
    ]) {
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    }
    // the lines as rows: sent, received, damaged, short
    expect(text).toMatch(/KT-DOC-1\s+\S+ \S+ \d{4}\s+6\s+4\s+1\s+1/);
    expect(text).toMatch(/TL-DOC-1\s+\S+ \S+ \d{4}\s+3\s+2\s+0\s+1/);
    expect(text).toMatch(/Jumlah\s+9\s+6\s+1\s+2/);
    expect(decodeQr(pages[0])).toBe(documentUrl('bast', dispatch.id));
  });

  it('prints the return note of a return to the UPT, and the stock count record', async () => {
    const shipped = await consignment()
      .post('/returns')
      .set('Authorization', asVenue())
      .send({
        agreementId,
        reason: 'damaged',
        lines: [{ productId: sku['KRP-TEMPE-100'], lotCode: 'KT-DOC-1', bucket: 'QUARANTINE', quantity: 1 }],
      });
    expect(shipped.status).toBe(201);
    returnId = shipped.body.id;
    const note = await fetchPdf(`/returns/${returnId}/note`, asUpt(), 'return-note');
    const shortId = returnId.replace(/-/g, '').slice(-8).toUpperCase();
    for (const expected of [
      'NOTA RETUR BARANG KE UPT',
      `RET/${LOUNGE}/${year()}/${shortId}`,
      'Rusak',
      'Karantina',
      'KT-DOC-1',
      formatDay(KERIPIK_EXPIRY),
    ]) {
      expect({ expected, found: note.text.includes(expected) }).toEqual({ expected, found: true });
    }
    expect(decodeQr(note.pages[0])).toBe(documentUrl('retur', returnId));
    const outside = await consignment()
      .get(`/returns/${returnId}/note`)
      .set('Authorization', bearer('consignment', 'upt', 'LPP-TGR'));
    expect(outside.status).toBe(404);

    const counted = await consignment()
      .post('/stock-counts')
      .set('Authorization', asVenue())
      .send({
        agreementId,
        reason: 'stok opname akhir bulan',
        lines: [
          { productId: sku['KRP-TEMPE-100'], lotCode: 'KT-DOC-1', counted: 3 },
          { productId: sku['TELANG-250'], lotCode: 'TL-DOC-1', counted: 2 },
        ],
      });
    expect(counted.status).toBe(201);
    countId = counted.body.id;
    const record = await fetchPdf(`/stock-counts/${countId}/record`, asVenue(), 'stock-count');
    for (const expected of [
      'BERITA ACARA STOK OPNAME',
      `SO/${LOUNGE}/${year()}/`,
      'stok opname akhir bulan',
      'TL-DOC-1',
      formatDay(TELANG_EXPIRY),
    ]) {
      expect({ expected, found: record.text.includes(expected) }).toEqual({ expected, found: true });
    }
    expect(record.text).toMatch(/KT-DOC-1\s+\S+ \S+ \d{4}\s+Layak jual\s+4\s+3\s+-1/);
    expect(decodeQr(record.pages[0])).toBe(documentUrl('stok-opname', countId));
    const foreign = await consignment()
      .get(`/stock-counts/${countId}/record`)
      .set('Authorization', bearer('consignment', 'venue', 'IMI-SBY-JUANDA'));
    expect(foreign.status).toBe(404);
  });
});

describe("the console page a document's QR code opens", () => {
  let page: Page;

  it('shows a signed-in UPT clerk the surat jalan, with its download and print', async () => {
    const qr = decodeQr((await fetchPdf(`/dispatches/${dispatch.id}/surat-jalan`, asUpt(), 'surat-jalan-again')).pages[0])!;
    expect(qr.startsWith(stack.base)).toBe(true);
    ({ page } = await stack.signIn('petugas.tgr', qr.slice(stack.base.length)));
    await page.getByRole('heading', { name: 'Surat jalan' }).waitFor();
    await page.getByTestId('document-file').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-file').textContent()).toContain(`${dispatch.number.replace(/\//g, '-')}.pdf`);
    expect(await page.locator('iframe.document-frame').getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByTestId('document-download').getAttribute('href')).toBe(`/api/consignment/dispatches/${dispatch.id}/surat-jalan`);
    await page.getByRole('button', { name: 'Cetak' }).waitFor();
    await page.locator('iframe.document-frame[data-loaded=true]').waitFor();
    // what the page shows is the surat jalan itself: the same PDF through the console's backend
    const pdf = await page.request.get(`${stack.base}/api/consignment/dispatches/${dispatch.id}/surat-jalan`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = join(files, 'from-console.pdf');
    writeFileSync(file, await pdf.body());
    expect((await run('pdftotext', ['-layout', file, '-'])).stdout).toContain(`Nomor: ${dispatch.number}`);
    await stack.shoot(page, 'surat-jalan');
    await expectAccessible(page, 'surat jalan');
  });

  it('tells the clerk in words when a document is not theirs to open', async () => {
    await page.goto(`${stack.base}/dokumen/stok-opname/${countId}`);
    await page.getByRole('heading', { name: 'Berita acara stok opname' }).waitFor();
    // the UPT of the agreement may read its venue's count
    await page.getByTestId('document-file').waitFor({ timeout: 30_000 });
    await page.goto(`${stack.base}/dokumen/retur/0193a000-0000-7000-8000-000000000000`);
    await expectSoon(async () => (await page.getByTestId('document-refused').count()) > 0, 'a refusal in words');
    expect(await page.getByTestId('document-refused').textContent()).toBe('Dokumen ini tidak ditemukan.');
    await stack.shoot(page, 'not-found');
    await expectAccessible(page, 'document not found');
  });

  it("opens the BAST's QR address in the venue's console too, in English when the cashier chose it", async () => {
    const { context, page: venuePage } = await stack.signIn('kasir.dokumen', `/dokumen/bast/${dispatch.id}`);
    try {
      await venuePage.getByRole('heading', { name: 'Berita acara serah terima' }).waitFor();
      await venuePage.getByTestId('document-file').waitFor({ timeout: 30_000 });
      expect(await venuePage.getByTestId('document-file').textContent()).toContain(
        `${dispatch.number.replace(/^SJ\//, 'BAST/').replace(/\//g, '-')}.pdf`,
      );
      await venuePage.getByTestId('venue-name').waitFor();
      await venuePage.locator('select').first().selectOption('en');
      await venuePage.getByRole('heading', { name: 'Handover record (BAST)' }).waitFor();
      await venuePage.getByRole('button', { name: 'Print' }).waitFor();
      await venuePage.locator('iframe.document-frame[data-loaded=true]').waitFor();
      // the menu marks none of its pages as the current one
      expect(await venuePage.locator('nav a[aria-current=page]').count()).toBe(0);
      await stack.shoot(venuePage, 'bast-venue-en');
      await expectAccessible(venuePage, 'BAST in the venue console');
    } finally {
      await context.close();
    }
  });
});
