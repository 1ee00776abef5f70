import { mintToken } from '@titipan/platform';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { waitForConsumers } from '../../tools/demo/api-client';
import { LOCAL } from '../../tools/local-settings';
import { PRODUCTS } from '../../tools/seed/reference-catalog';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS, PERSON_PASSWORD } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The inbox in Chromium against the whole stack: a UPT clerk made through catalog's user administration (which
 * announces the person to the notification service), a curator's approval and refusal of two of the UPT's
 * products, and then the clerk signing in: the header's bell counts two unread notices, the inbox shows them in
 * Bahasa Indonesia, opening one goes to the product and leaves one unread, and e-mail is turned off for refusals.
 */
const UPT = 'LP-TGR-1';
const KANWIL = 'KW-BANTEN';

let stack: ConsoleStack;
let page: Page;
let personId: string;
const products: Record<'approved' | 'refused', string> = { approved: '', refused: '' };

const catalog = () => request(stack.url('catalog'));
const notification = () => request(stack.url('notification'));
/** The clerk's own token at the notification service (what the console forwards for them, from the provider). */
const asClerk = () => `Bearer ${mintToken(LOCAL.signingKey, { service: 'notification', role: 'upt', scope: UPT, sub: personId })}`;
const bell = () => page.getByTestId('bell');

/** A new product of the UPT, submitted and decided by the Kanwil's curator. */
async function decidedProduct(sku: string, decision: 'APPROVE' | 'REJECT', notes: string): Promise<string> {
  const { uptCode: _, ...template } = PRODUCTS.find((p) => p.uptCode === UPT && p.category === 'food')!;
  const upt = bearer('catalog', 'upt', UPT);
  const created = await catalog()
    .post('/products')
    .set('Authorization', upt)
    .send({ ...template, sku, name: `Keripik ${sku}` });
  expect(created.status).toBe(201);
  expect((await catalog().post(`/products/${created.body.id}/submit`).set('Authorization', upt)).status).toBe(200);
  const review = await catalog()
    .post(`/products/${created.body.id}/reviews`)
    .set('Authorization', bearer('catalog', 'curator', KANWIL))
    .send({ decision, scores: { quality: 4, packaging: 4, compliance: 5, marketPotential: 4 }, notes });
  expect(review.status).toBe(201);
  return created.body.id as string;
}

beforeAll(async () => {
  stack = await ConsoleStack.start('inbox', ['catalog', 'consignment', 'notification']);
  // the clerk, made as an administrator makes people in the console: catalog announces them (catalog.person.changed)
  const account = await catalog()
    .post('/user-accounts')
    .set('Authorization', bearer('catalog', 'admin'))
    .send({ username: 'upt.tgr', role: 'upt', scope: UPT, name: 'Budi Santoso', email: 'budi@example.test', password: PERSON_PASSWORD });
  expect(account.status).toBe(201);
  personId = account.body.id;
  await waitForConsumers('notification', stack.url('notification'), ['notices'], 60_000);

  products.approved = await decidedProduct('KRP-INBOX-1', 'APPROVE', 'layak jual');
  products.refused = await decidedProduct('KRP-INBOX-2', 'REJECT', 'Label tidak mencantumkan komposisi');
  await expectSoon(
    async () => (await notification().get('/notifications/unread-count').set('Authorization', asClerk())).body.unread === 2,
    'two notices for the clerk',
    60_000,
  );
  ({ page } = await stack.signIn('upt.tgr', '/produk'));
}, KEYCLOAK_START_MS + 300_000);
afterAll(() => stack?.dispose());

it('shows the unread count on the bell, the notices in the inbox, and opening one reads it', async () => {
  await expectSoon(async () => (await bell().getAttribute('data-unread')) === '2', 'the bell counts 2');
  expect(await bell().textContent()).toContain('2');
  expect(await bell().getAttribute('aria-label')).toBe('2 notifikasi belum dibaca');
  await stack.shoot(page, 'bell');

  await bell().click();
  await page.waitForURL(`${stack.base}/notifikasi`);
  const notices = page.getByTestId('notices').locator('li');
  await expectSoon(async () => (await notices.count()) === 2, 'two notices listed');
  const refused = page.locator('li[data-kind="PRODUCT_REFUSED"]');
  expect(await refused.getAttribute('class')).toBe('unread');
  expect(await refused.textContent()).toContain('Produk ditolak: Keripik KRP-INBOX-2');
  expect(await refused.textContent()).toContain('Alasan: Label tidak mencantumkan komposisi');
  const approved = page.locator('li[data-kind="PRODUCT_APPROVED"]');
  expect(await approved.textContent()).toContain('Produk disetujui: Keripik KRP-INBOX-1');
  // the time is in WIB, as every office page shows it
  expect(await approved.locator('time').textContent()).toMatch(/\d{2}\.\d{2} WIB$/);
  await expectAccessible(page, 'inbox');
  await stack.shoot(page, 'inbox');

  // opening the approval marks it read and goes to the product's page
  await approved.locator('button.notice').click();
  await page.waitForURL(`${stack.base}/produk/${products.approved}`);
  await expectSoon(async () => (await bell().getAttribute('data-unread')) === '1', 'the bell counts 1');
  const unread = await notification().get('/notifications?unread=true').set('Authorization', asClerk());
  expect(unread.body.items.map((n: { kind: string }) => n.kind)).toEqual(['PRODUCT_REFUSED']);
});

it('turns e-mail off for one kind of notice, and the inbox still lists every notice', async () => {
  await bell().click();
  await page.waitForURL(`${stack.base}/notifikasi`);
  await page.getByRole('link', { name: 'Atur e-mail notifikasi' }).click();
  await page.waitForURL(`${stack.base}/notifikasi/preferensi`);
  const refusals = page.getByRole('checkbox', { name: 'Produk ditolak' });
  await refusals.waitFor();
  expect(await refusals.isChecked()).toBe(true);
  await refusals.uncheck();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('status').filter({ hasText: 'Preferensi tersimpan.' }).waitFor();
  await expectAccessible(page, 'preferences');
  await stack.shoot(page, 'preferences');

  const saved = await notification().get('/notification-preferences').set('Authorization', asClerk());
  expect(saved.body.kinds.filter((k: { email: boolean }) => !k.email)).toEqual([{ kind: 'PRODUCT_REFUSED', email: false }]);
  // after a reload, the page shows what was saved
  await page.reload();
  await page.getByRole('checkbox', { name: 'Produk ditolak' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Produk ditolak' }).isChecked()).toBe(false);
  expect(await page.getByRole('checkbox', { name: 'Produk disetujui' }).isChecked()).toBe(true);
  const all = await notification().get('/notifications').set('Authorization', asClerk());
  expect(all.body.total).toBe(2);
});
