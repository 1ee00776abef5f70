import type { Page } from 'playwright-core';
import request from 'supertest';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The two returns pages in Chromium against the whole stack (test/support/console-stack.ts). Set-up that is not
 * the venue's (agreement, dispatch) uses development tokens, and so do the receipt with one damaged unit and the
 * sale the customer brings back; then the cashier records the customer return and sends goods back to the UPT.
 */
const LOUNGE = TANGERANG_LOUNGE.code;
const RECEIPT = 'TGR-RET-0001';

let stack: ConsoleStack;
let page: Page;

const consignment = () => request(stack.url('consignment'));
const admin = () => bearer('consignment', 'admin');
const asVenue = () => bearer('consignment', 'venue', LOUNGE);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let productIds: Record<string, string>;

async function onHand(productId: string, bucket: 'SELLABLE' | 'QUARANTINE'): Promise<number> {
  const stock = await consignment().get('/stock').query({ venue: LOUNGE, bucket, product: productId }).set('Authorization', asVenue());
  return stock.body.items.reduce((sum: number, row: { quantity: number }) => sum + row.quantity, 0);
}

async function sell(receiptNo: string, sku: string, quantity: number): Promise<void> {
  const sale = await consignment()
    .post('/sales')
    .set('Authorization', asVenue())
    .send({ receiptNo, lineNo: 1, productId: productIds[sku], quantity, soldAt: new Date(Date.now() - 3_600_000).toISOString() });
  expect(sale.status).toBe(201);
}

beforeAll(async () => {
  stack = await ConsoleStack.start('returns');
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
        { productId: productIds['KRP-TEMPE-100'], lotCode: 'KT-01', expiryDate: day(50), quantity: 10 },
        { productId: productIds['TELANG-250'], lotCode: 'TL-01', expiryDate: day(20), quantity: 5 },
      ],
    });
  expect(dispatch.status).toBe(201);
  const received = await consignment()
    .post(`/dispatches/${dispatch.body.id}/receipt`)
    .set('Authorization', asVenue())
    .send({
      lines: [
        { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
        { lineNo: 2, accepted: 4, damaged: 1, short: 0, reason: 'Satu botol retak' },
      ],
    });
  expect(received.status).toBe(201);
  await sell(RECEIPT, 'KRP-TEMPE-100', 3);
}, KEYCLOAK_START_MS + 420_000);

afterAll(() => stack?.dispose());

describe("the console's returns pages (part 2)", () => {
  it('records a customer return of one unit back on the shelf, and will not take back more than remains', async () => {
    ({ page } = await stack.signIn('kasir.tgr', '/retur-pelanggan'));
    await page.getByRole('heading', { name: 'Retur pelanggan' }).waitFor();
    await page.getByLabel('Nomor struk').fill(RECEIPT);
    await page.getByRole('button', { name: 'Cari struk' }).click();
    await page.getByTestId('customer-return-lines').waitFor();
    expect(await page.getByTestId('customer-return-lines').textContent()).toContain('KRP-TEMPE-100');
    expect(await page.getByLabel('Baris 1').isChecked()).toBe(true); // the only line, picked
    const confirm = page.getByRole('button', { name: 'Konfirmasi retur' });
    expect(await confirm.isDisabled()).toBe(true); // no condition, no reason yet
    await page.getByLabel('Layak jual (kembali ke rak)').check();
    await page.getByLabel('Alasan retur (wajib)').fill('Rasa tidak sesuai selera');
    await expectSoon(
      async () => (await page.getByTestId('customer-return-check').textContent())!.startsWith('Pengembalian uang: Rp'),
      'the refund shown',
    );
    await expectAccessible(page, 'retur-pelanggan');
    await stack.shoot(page, 'retur-pelanggan');
    await confirm.click();
    await page.getByTestId('customer-return-done').waitFor();
    expect(await page.getByTestId('customer-return-done').textContent()).toMatch(
      /^Retur RT-TGR-RET-0001-\w+ tercatat: 1 unit, Rp .+, kembali ke rak\.$/,
    );

    const returns = await consignment().get('/sales/returns').query({ venue: LOUNGE }).set('Authorization', asVenue());
    expect(returns.body.total).toBe(1);
    expect(returns.body.items[0]).toMatchObject({
      receiptNo: RECEIPT,
      lineNo: 1,
      quantity: 1,
      resellable: true,
      reason: 'Rasa tidak sesuai selera',
    });
    expect(await onHand(productIds['KRP-TEMPE-100'], 'SELLABLE')).toBe(8); // 10 received, 3 sold, 1 back on the shelf

    // 2 remain on the line: 3 is more than the customer can bring back
    await expectSoon(async () => (await page.locator('[data-line="1"] td').nth(3).textContent()) === '1', 'the returned unit listed');
    await page.getByLabel('Jumlah diretur').fill('3');
    await expectSoon(
      async () =>
        (await page.getByTestId('customer-return-check').textContent()) === 'Lebih dari yang bisa diretur: sisa 2 pada baris ini.',
      'the excess in words',
    );
    expect(await confirm.isDisabled()).toBe(true);
    await stack.shoot(page, 'retur-pelanggan-tercatat');
  }, 300_000);

  it('sends the damaged unit and an unsold unit back to the UPT, and shows a refusal in words', async () => {
    await page.getByRole('link', { name: 'Retur ke UPT' }).click();
    await page.getByTestId('upt-return-table').waitFor();
    const row = (lot: string, bucket: string) =>
      page.locator(`[data-testid=upt-return-table] tbody tr[data-lot=${lot}][data-bucket=${bucket}]`);
    expect(await row('TL-01', 'QUARANTINE').locator('td').nth(2).textContent()).toBe('1');
    expect(await row('TL-01', 'QUARANTINE').locator('select').inputValue()).toBe('damaged');
    expect(await row('KT-01', 'SELLABLE').locator('select').inputValue()).toBe('unsold');
    const confirm = page.getByRole('button', { name: 'Konfirmasi retur ke UPT' });

    // the whole sellable Telang, but another till sells one meanwhile: consignment refuses, the page says why
    await page.locator('input[name=return-TL-01-SELLABLE]').fill('4');
    await sell('TGR-RET-0002', 'TELANG-250', 1);
    await confirm.click();
    await page.getByRole('alert').getByText('Retur ke UPT ditolak').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Retur ke UPT ditolak: Stok tidak cukup: diminta 4, tersedia 3.');
    await stack.shoot(page, 'retur-upt-ditolak');

    await page.reload();
    await page.getByTestId('upt-return-table').waitFor();
    await page.locator('input[name=return-TL-01-QUARANTINE]').fill('2');
    await expectSoon(async () => (await row('TL-01', 'QUARANTINE').textContent())!.includes('lebih dari stok (1)'), 'above on hand');
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('input[name=return-TL-01-QUARANTINE]').fill('1');
    await page.locator('input[name=return-KT-01-SELLABLE]').fill('1');
    await expectSoon(async () => (await page.getByTestId('upt-return-summary').textContent()) === '2 lot dipilih, 2 unit.', 'the summary');
    await expectAccessible(page, 'retur-upt');
    await stack.shoot(page, 'retur-upt');
    await confirm.click();
    await page.getByTestId('upt-return-done').waitFor();
    const done = await page.getByTestId('upt-return-done').textContent();
    expect(done).toContain('2 retur ke UPT dibuat:');
    expect(done).toMatch(/Rusak · 1 unit · Dikirim/);
    expect(done).toMatch(/Tidak laku · 1 unit · Dikirim/);
    await expectSoon(async () => (await page.locator('[data-testid=upt-return-list] tbody tr').count()) === 2, 'the list of returns');
    await expectAccessible(page, 'retur-upt-dibuat');
    await stack.shoot(page, 'retur-upt-dibuat');

    const shipped = await consignment().get('/returns').query({ venue: LOUNGE }).set('Authorization', asVenue());
    expect(shipped.body.total).toBe(2);
    const byReason = Object.fromEntries(shipped.body.items.map((r: { reason: string }) => [r.reason, r]));
    expect(byReason.damaged).toMatchObject({ status: 'SHIPPED', lines: [{ lotCode: 'TL-01', bucket: 'QUARANTINE', quantity: 1 }] });
    expect(byReason.unsold).toMatchObject({ status: 'SHIPPED', lines: [{ lotCode: 'KT-01', bucket: 'SELLABLE', quantity: 1 }] });
    expect(await onHand(productIds['TELANG-250'], 'QUARANTINE')).toBe(0);
    expect(await onHand(productIds['KRP-TEMPE-100'], 'SELLABLE')).toBe(7);
    console.log(`console returns: screenshots in ${stack.shots}`);
  }, 240_000);
});
