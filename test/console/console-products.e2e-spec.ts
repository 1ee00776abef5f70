import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The UPT's product pages and the curator's review pages in Chromium against catalog (test/support/console-stack.ts,
 * catalog only: nothing here needs consignment). A UPT clerk registers a sambal with a photo and a P-IRT scan and
 * submits it; the Kanwil's curator sees both and the halal verdict and rejects it with a reason; the clerk reads
 * the reason, adds the halal certificate and its scan and submits again; the curator approves, suspends and
 * reinstates; the clerk sees it approved. The files are real: a PNG drawn with pngjs, PDFs made with pdfkit.
 */
const UPT = 'LP-TGR-1';
const KANWIL = 'KW-BANTEN';
const SKU = 'SAMBAL-BWG-150';
const REASON = 'Sertifikat halal belum ada: lampirkan sertifikat halal dan pindaiannya.';

let stack: ConsoleStack;
let clerk: Page;
let curator: Page;
let productId: string;

const catalog = () => request(stack.url('catalog'));
const asAdmin = () => bearer('catalog', 'admin');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A 96×96 PNG: a red jar on a cream background, enough to see in a screenshot. */
function photoPng(): Buffer {
  const png = new PNG({ width: 96, height: 96 });
  for (let y = 0; y < 96; y++)
    for (let x = 0; x < 96; x++) {
      const jar = x > 24 && x < 72 && y > 20 && y < 88;
      const i = (y * 96 + x) * 4;
      png.data.set(jar ? [196, 30, 30, 255] : [250, 240, 215, 255], i);
    }
  return PNG.sync.write(png);
}

/** A one-page PDF certificate, as a scanner's software would save it. */
function certificatePdf(title: string, number: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(title).moveDown().fontSize(14).text(`Nomor: ${number}`).text('Produk: Sambal Bawang 150 g');
    doc.end();
  });
}

/** Whether every product photo on the page has loaded from the console (a broken image has no natural width). */
const photosShown = (page: Page) =>
  page
    .locator('[data-testid=photos] img')
    .evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0));

/** The content type the console answers a link with, fetched inside the page (with the person's session). */
const typeBehind = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate(async (a) => (await fetch((a as unknown as { href: string }).href)).headers.get('content-type'));

const statusOf = (page: Page) => page.locator('h1 [data-testid=product-status]').getAttribute('data-status');

beforeAll(async () => {
  stack = await ConsoleStack.start('products', ['catalog']);
  await stack.addPerson('staf.tgr', 'upt', UPT, 'Budi Santoso');
  await stack.addPerson('kurator.banten', 'curator', KANWIL, 'Rina Kurniawati');
}, KEYCLOAK_START_MS + 300_000);

afterAll(() => stack?.dispose());

describe("the console's product and curation pages", () => {
  it('a UPT clerk registers a product with a photo and a certificate scan and submits it', async () => {
    ({ page: clerk } = await stack.signIn('staf.tgr', '/produk'));
    await clerk.getByRole('heading', { name: `Produk UPT ${UPT}` }).waitFor();
    await clerk.getByTestId('product-list').waitFor(); // the seeded reference products
    await expectAccessible(clerk, 'produk');
    await stack.shoot(clerk, 'produk');

    await clerk.getByRole('link', { name: 'Produk baru' }).click();
    await clerk.getByRole('heading', { name: 'Produk baru' }).waitFor();
    await clerk.getByRole('button', { name: 'Simpan draf' }).click();
    await clerk.getByRole('alert').getByText('Ada 4 isian yang perlu diperbaiki.', { exact: true }).waitFor();
    expect(await clerk.getByLabel('SKU').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(clerk, 'produk-baru-salah');

    await clerk.getByLabel('SKU').fill(SKU.toLowerCase());
    await clerk.getByLabel('Nama produk').fill('Sambal Bawang 150 g');
    await clerk.getByLabel('Kategori').selectOption('food');
    await clerk.getByLabel('Satuan').fill('botol');
    await clerk.getByLabel('Harga eceran').fill('25.000');
    await clerk.getByLabel('Masa simpan (hari)').fill('180');
    await clerk.getByLabel('Deskripsi').fill('Sambal bawang buatan warga binaan Lapas Tangerang.');
    await clerk.getByRole('button', { name: 'Tambah sertifikat' }).click();
    await clerk.getByLabel('Nomor').fill('P-IRT No. 2063671010123-29');
    await clerk.getByLabel('Tanggal terbit').fill(daysAgo(400));
    await expectAccessible(clerk, 'produk-baru');
    await stack.shoot(clerk, 'produk-baru');
    await clerk.getByRole('button', { name: 'Simpan draf' }).click();

    await clerk.waitForURL(/\/produk\/[0-9a-f-]{36}$/);
    productId = clerk.url().split('/').pop()!;
    await clerk.getByRole('heading', { name: /Sambal Bawang 150 g/ }).waitFor();
    expect(await statusOf(clerk)).toBe('DRAFT');

    await clerk.getByLabel('Berkas foto').setInputFiles({ name: 'sambal-depan.png', mimeType: 'image/png', buffer: photoPng() });
    await clerk.getByRole('button', { name: 'Unggah foto' }).click();
    await clerk.getByRole('status').getByText('Foto terunggah.').waitFor();
    await expectSoon(() => photosShown(clerk), 'the photo as a thumbnail');

    // a file that is not an image is refused before it is sent
    await clerk
      .getByLabel('Berkas foto')
      .setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan gambar') });
    await clerk.getByText('Jenis berkas tidak diterima; pilih JPEG, PNG, WebP.').waitFor();
    expect(await clerk.getByRole('button', { name: 'Unggah foto' }).isDisabled()).toBe(true);
    await clerk.getByLabel('Berkas foto').setInputFiles([]);

    await clerk.getByLabel('Berkas pindaian').setInputFiles({
      name: 'pirt-sambal.pdf',
      mimeType: 'application/pdf',
      buffer: await certificatePdf('Sertifikat P-IRT', '2063671010123-29'),
    });
    await clerk.getByLabel('Sertifikat yang dipindai').selectOption('PIRT');
    await clerk.getByRole('button', { name: 'Unggah pindaian' }).click();
    await clerk.getByRole('status').getByText('Pindaian sertifikat terunggah.').waitFor();
    await clerk.getByRole('link', { name: 'pirt-sambal.pdf' }).waitFor();
    expect(await typeBehind(clerk, '[data-testid=scans] a')).toBe('application/pdf');
    await expectAccessible(clerk, 'produk-draf');
    await stack.shoot(clerk, 'produk-draf');

    await clerk.getByRole('button', { name: 'Ajukan ke kurasi' }).click();
    await clerk.getByRole('status').getByText('Produk diajukan ke kurasi.').waitFor();
    expect(await statusOf(clerk)).toBe('SUBMITTED');
    expect(await clerk.getByLabel('Berkas foto').count()).toBe(0); // attachments are locked while the curator decides

    const stored = await catalog().get(`/products/${productId}/attachments`).set('Authorization', asAdmin());
    expect(
      stored.body.items.map((a: { kind: string; contentType: string; certificate: string | null }) => [
        a.kind,
        a.contentType,
        a.certificate,
      ]),
    ).toEqual([
      ['photo', 'image/png', null],
      ['certificate', 'application/pdf', 'PIRT'],
    ]);
  }, 240_000);

  it("the Kanwil's curator sees the photo, the scan and the failed halal rule, and rejects with a reason", async () => {
    ({ page: curator } = await stack.signIn('kurator.banten', '/kurasi'));
    await curator.getByRole('heading', { name: `Antrean kurasi ${KANWIL}` }).waitFor();
    await curator.locator(`[data-testid=product-list] tr[data-sku=${SKU}]`).waitFor();
    await expectAccessible(curator, 'kurasi');
    await stack.shoot(curator, 'kurasi');

    await curator.getByRole('link', { name: 'Sambal Bawang 150 g' }).click();
    await curator.getByTestId('verdicts').waitFor();
    await expectSoon(() => photosShown(curator), 'the photo shown to the curator');
    expect(await typeBehind(curator, '[data-testid=scans] a')).toBe('application/pdf');
    const halal = curator.locator('[data-testid=verdicts] tr[data-rule=halal-from-2026-10-17]');
    expect(await halal.getAttribute('data-passed')).toBe('false');
    expect(await halal.textContent()).toContain('Tidak lolos');
    expect(await curator.locator('[data-testid=verdicts] tr[data-rule=pirt-valid-5-years]').getAttribute('data-passed')).toBe('true');
    await curator.getByText('1 aturan kepatuhan tidak lolos: produk ini tidak bisa disetujui sekarang.').waitFor();

    await curator.getByRole('button', { name: 'Kirim keputusan' }).click();
    expect(await curator.getByTestId('decision-problems').textContent()).toContain('Pilih setujui atau tolak.');
    for (const [score, value] of [
      ['Mutu', '4'],
      ['Kemasan dan label', '3'],
      ['Kepatuhan', '2'],
      ['Potensi pasar', '4'],
    ])
      await curator.getByRole('group', { name: score }).getByLabel(`${value} dari 5`).check();
    await curator.getByLabel('Tolak', { exact: true }).check();
    await curator.getByLabel('Alasan penolakan (wajib)').fill(REASON);
    await expectAccessible(curator, 'kurasi-produk');
    await stack.shoot(curator, 'kurasi-produk');
    await curator.getByRole('button', { name: 'Tolak produk' }).click();
    await curator.getByRole('status').getByText('Produk ditolak; UPT akan membaca alasannya.').waitFor();
    expect(await statusOf(curator)).toBe('REJECTED');
  }, 180_000);

  it('the clerk reads the reason, adds the halal certificate and its scan, and submits again', async () => {
    await clerk.reload();
    await clerk.getByTestId('rejection').waitFor();
    expect(await clerk.getByTestId('rejection-reason').textContent()).toBe(REASON);
    expect(await clerk.locator('[data-testid=reviews] li[data-decision=REJECTED]').textContent()).toContain('Kepatuhan: 2/5');
    await expectAccessible(clerk, 'produk-ditolak');
    await stack.shoot(clerk, 'produk-ditolak');

    await clerk.getByRole('button', { name: 'Perbaiki produk' }).click();
    await clerk.getByRole('status').getByText('Produk kembali menjadi draf; perbaiki lalu ajukan lagi.').waitFor();
    expect(await statusOf(clerk)).toBe('DRAFT');
    await clerk.getByRole('button', { name: 'Tambah sertifikat' }).click();
    const halal = clerk.getByTestId('certificate-1');
    expect(await halal.getByLabel('Jenis').inputValue()).toBe('BPOM_MD'); // the first kind not carried yet
    await halal.getByLabel('Jenis').selectOption('HALAL');
    await halal.getByLabel('Nomor').fill('ID36110012345670126');
    await halal.getByLabel('Tanggal terbit').fill(daysAgo(20));
    await clerk.getByRole('button', { name: 'Simpan perubahan' }).click();
    await clerk.getByRole('status').getByText('Perubahan tersimpan.').waitFor();

    await clerk.getByLabel('Berkas pindaian').setInputFiles({
      name: 'halal-sambal.pdf',
      mimeType: 'application/pdf',
      buffer: await certificatePdf('Sertifikat Halal', 'ID36110012345670126'),
    });
    await clerk.getByLabel('Sertifikat yang dipindai').selectOption('HALAL');
    await clerk.getByRole('button', { name: 'Unggah pindaian' }).click();
    await clerk.getByRole('link', { name: 'halal-sambal.pdf' }).waitFor();
    await stack.shoot(clerk, 'produk-diperbaiki');
    await clerk.getByRole('button', { name: 'Ajukan ke kurasi' }).click();
    await clerk.getByRole('status').getByText('Produk diajukan ke kurasi.').waitFor();
    expect(await statusOf(clerk)).toBe('SUBMITTED');
  }, 180_000);

  it('the curator approves it once every rule passes, suspends it with a reason and reinstates it', async () => {
    await curator.reload();
    await curator.getByTestId('decision-form').waitFor();
    expect(await curator.locator('[data-testid=verdicts] tr[data-passed=false]').count()).toBe(0);
    expect(await curator.locator('[data-testid=scans] a').allTextContents()).toEqual(['pirt-sambal.pdf', 'halal-sambal.pdf']);
    for (const score of ['Mutu', 'Kemasan dan label', 'Kepatuhan', 'Potensi pasar'])
      await curator.getByRole('group', { name: score }).getByLabel('4 dari 5').check();
    await curator.getByLabel('Setujui', { exact: true }).check();
    await curator.getByRole('button', { name: 'Setujui produk' }).click();
    await curator.getByRole('status').getByText('Produk disetujui.').waitFor();
    expect(await statusOf(curator)).toBe('APPROVED');
    await expectAccessible(curator, 'kurasi-disetujui');
    await stack.shoot(curator, 'kurasi-disetujui');

    await curator.getByRole('button', { name: 'Bekukan produk' }).click();
    await curator.getByText('Tulis alasannya.').waitFor();
    await curator.getByLabel('Alasan pembekuan (wajib)').fill('Keluhan konsumen: tutup botol bocor, sedang diperiksa.');
    await curator.getByRole('button', { name: 'Bekukan produk' }).click();
    await curator.getByRole('status').getByText('Produk dibekukan.').waitFor();
    expect(await statusOf(curator)).toBe('SUSPENDED');
    await curator.getByRole('button', { name: 'Pulihkan produk' }).click();
    await curator.getByRole('status').getByText('Produk dipulihkan.').waitFor();
    expect(await statusOf(curator)).toBe('APPROVED');

    const reviews = await catalog().get(`/products/${productId}/reviews`).set('Authorization', asAdmin());
    expect(reviews.body.items.map((r: { decision: string; notes: string }) => [r.decision, r.notes])).toEqual(
      expect.arrayContaining([
        ['REJECTED', REASON],
        ['APPROVED', ''],
      ]),
    );
    expect(reviews.body.total).toBe(2);
  }, 180_000);

  it('the clerk sees the product approved in the list', async () => {
    await clerk.getByRole('link', { name: '← Semua produk' }).click();
    await clerk.getByLabel('Status', { exact: true }).selectOption('APPROVED');
    const row = clerk.locator(`[data-testid=product-list] tr[data-sku=${SKU}]`);
    await row.waitFor();
    expect(await row.getByTestId('product-status').textContent()).toBe('Disetujui');
    await stack.shoot(clerk, 'produk-disetujui');
    console.log(`console products: screenshots in ${stack.shots}`);
  }, 60_000);
});
