import type { Page } from 'playwright-core';
import request from 'supertest';
import { addDays } from '../../apps/console/web/src/exhibition/exhibition-form';
import { localDay } from '../../apps/console/web/src/format';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * Pameran in Chromium against the whole stack (issue 19): a Kanwil person sets up an exhibition with two of its UPTs
 * in one action and sees it listed; the exhibition's staff, at its venue, confirm the return of a UPT's unsold goods
 * the system proposed, in one action; the UPT sees it shipped. The event lies in the recent past (WIB), so it has
 * ended and its return window is still open. Stock, receipt and the booth's sales are set up through the API.
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

beforeAll(async () => {
  stack = await ConsoleStack.start('exhibition');
  await stack.addPerson('kanwil.banten', 'kanwil', 'KW-BANTEN', 'Rina Kanwil');
  await stack.addPerson('upt.tangerang', 'upt', 'LP-TGR-1', 'Budi UPT');
}, KEYCLOAK_START_MS + 420_000);

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
});
