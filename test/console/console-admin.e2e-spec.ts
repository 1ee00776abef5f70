import type { Page } from 'playwright-core';
import request from 'supertest';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The administrator's pages in Chromium against the whole stack (catalog, consignment and reporting, test/support/
 * console-stack.ts): an admin registers a Kanwil, a UPT under it and a venue in WITA, drafts an agreement of the
 * Tangerang UPT (which has approved products) at that venue with a price, activates it, creates the venue's
 * cashier, who signs in with the temporary password and chooses their own; then the admin finds those changes in
 * the audit trail searched across the three services. Each outcome is read back from the services' APIs.
 */
const KANWIL = { code: 'KW-NTT', name: 'Kanwil Ditjenpas Nusa Tenggara Timur' };
const UPT = { code: 'LP-KPG', name: 'Lapas Kelas IIA Kupang', satkerCode: '654321' };
const VENUE = { code: 'IMI-KPG', name: 'Gerai UMKM WBP Kantor Imigrasi Kupang', partnerAgency: 'Kantor Imigrasi Kelas I TPI Kupang' };
const CASHIER = 'kasir.kupang';
const CASHIER_PASSWORD = 'Kupang-sandi-baru-2026';

let stack: ConsoleStack;
let page: Page;
let agreementId: string;
let productIds: Record<string, string>;

const catalog = () => request(stack.url('catalog'));
const consignment = () => request(stack.url('consignment'));
/** Today in WIB, as the pages read days. */
const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** The page's status line, once it says something. */
async function statusSays(page: Page, text: string): Promise<void> {
  await expectSoon(
    async () => (await page.getByRole('status').allTextContents()).some((t) => t.includes(text)),
    `status "${text}"`,
    15_000,
  );
}

async function openMenu(name: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

beforeAll(async () => {
  stack = await ConsoleStack.start('admin', ['catalog', 'consignment', 'reporting']);
  await stack.addPerson('admin.budi', 'admin', null, 'Budi Administrator');
  const products = await catalog().get('/products?upt=LP-TGR-1&status=APPROVED&limit=200').set('Authorization', bearer('catalog', 'admin'));
  productIds = Object.fromEntries(products.body.items.map((p: { sku: string; id: string }) => [p.sku, p.id]));
  expect(productIds['KRP-TEMPE-100']).toBeDefined();
}, KEYCLOAK_START_MS + 420_000);

afterAll(() => stack?.dispose());

describe("the console's admin pages", () => {
  it('registers a Kanwil and a UPT under it, and says why a second registration is refused', async () => {
    ({ page } = await stack.signIn('admin.budi', '/organisasi'));
    await page.getByRole('heading', { name: 'Kantor Wilayah (Kanwil)' }).waitFor();
    await page.getByTestId('kanwil-table').waitFor();
    await expectAccessible(page, 'organisasi');

    // sent empty: each field says what it lacks, the first one gets the focus
    await page.getByRole('button', { name: 'Daftarkan Kanwil' }).click();
    await expectSoon(async () => (await page.locator('#kanwil-code-problem').textContent()) === 'Wajib diisi.', 'the missing code');
    await expectSoon(
      () => page.locator('#kanwil-code').evaluate((input) => input.ownerDocument.activeElement === input),
      'the focus on the code',
    );
    await page.locator('#kanwil-code').fill(KANWIL.code.toLowerCase());
    await page.locator('#kanwil-name').fill(KANWIL.name);
    await page.getByRole('button', { name: 'Daftarkan Kanwil' }).click();
    await statusSays(page, `${KANWIL.name} (${KANWIL.code}) terdaftar.`);
    await expectSoon(async () => (await page.getByTestId('kanwil-table').textContent())!.includes(KANWIL.name), 'the Kanwil listed');

    await page.locator('#kanwil-code').fill(KANWIL.code);
    await page.locator('#kanwil-name').fill('Sekali lagi');
    await page.getByRole('button', { name: 'Daftarkan Kanwil' }).click();
    await page.getByRole('alert').getByText(`Kanwil ${KANWIL.code} sudah terdaftar.`).waitFor();
    await stack.shoot(page, 'organisasi-ditolak');

    await page.locator('#upt-kanwilCode').selectOption(KANWIL.code);
    await page.locator('#upt-code').fill(UPT.code);
    await page.locator('#upt-name').fill(UPT.name);
    await page.locator('#upt-type').selectOption('LAPAS');
    await page.locator('#upt-class').selectOption('IIA');
    await page.locator('#upt-satkerCode').fill('6543');
    await page.getByRole('button', { name: 'Daftarkan UPT' }).click();
    await expectSoon(
      async () => (await page.locator('#upt-satkerCode-problem').textContent()) === 'Kode satker terdiri dari 6 angka.',
      'the short satker code',
    );
    expect(await page.locator('#upt-satkerCode').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#upt-satkerCode').fill(UPT.satkerCode);
    await page.getByRole('button', { name: 'Daftarkan UPT' }).click();
    await statusSays(page, `${UPT.name} (${UPT.code}) terdaftar.`);
    await page.locator('#filter-kanwil').selectOption(KANWIL.code);
    await expectSoon(async () => (await page.locator('[data-testid=upt-table] tbody tr').count()) === 1, 'the one UPT of the new Kanwil');
    expect(await page.locator('[data-testid=upt-table] tbody tr').textContent()).toContain(`${KANWIL.name} (${KANWIL.code})`);
    await expectAccessible(page, 'organisasi-terdaftar');
    await stack.shoot(page, 'organisasi');

    const upt = await catalog().get(`/upts/${UPT.code}`).set('Authorization', bearer('catalog', 'admin'));
    expect(upt.body).toMatchObject({ ...UPT, type: 'LAPAS', class: 'IIA', kanwilCode: KANWIL.code, createdBy: expect.any(String) });
  }, 300_000);

  it('registers a venue in WITA', async () => {
    await openMenu('Gerai', 'Gerai mitra');
    await page.getByTestId('venue-table').waitFor();
    await page.locator('#venue-code').fill(VENUE.code);
    await page.locator('#venue-name').fill(VENUE.name);
    await page.locator('#venue-partnerAgency').fill(VENUE.partnerAgency);
    await page.locator('#venue-type').selectOption('immigration-lounge');
    await page.locator('#venue-kanwilCode').selectOption(KANWIL.code);
    await page.locator('#venue-timeZone').selectOption('Asia/Makassar');
    await page.getByRole('button', { name: 'Daftarkan gerai' }).click();
    await statusSays(page, `${VENUE.name} (${VENUE.code}) terdaftar.`);
    const row = page.locator(`[data-testid=venue-table] tr[data-code=${VENUE.code}]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('WITA (Asia/Makassar)');
    await expectAccessible(page, 'gerai');
    await stack.shoot(page, 'gerai');

    const venue = await consignment().get(`/venues/${VENUE.code}`).set('Authorization', bearer('consignment', 'admin'));
    expect(venue.body).toMatchObject({ ...VENUE, kanwilCode: KANWIL.code, timeZone: 'Asia/Makassar', collectiveOutlet: false });
  }, 120_000);

  it('drafts an agreement with its terms and a price per product, then activates it', async () => {
    await openMenu('Perjanjian', 'Perjanjian konsinyasi');
    await page.getByRole('button', { name: 'Perjanjian baru' }).click();
    await page.locator('#agreement-uptCode').selectOption('LP-TGR-1');
    await page.locator('#agreement-venueCode').selectOption(VENUE.code);
    await page.locator('#agreement-commission').fill('12,5');
    await page.locator('#agreement-maxDiscount').fill('10');
    await page.locator('#agreement-shrinkageLiability').selectOption('UPT');
    expect(await page.locator('#agreement-validFrom').inputValue()).toBe(todayWib());
    const priceOf = (sku: string) => page.locator(`[data-testid=agreement-prices] tr[data-sku=${sku}] input`);
    await priceOf('KRP-TEMPE-100').waitFor();
    await priceOf('KRP-TEMPE-100').fill('17.500');
    await priceOf('TELANG-250').fill('15,5');
    await page.getByRole('button', { name: 'Buat perjanjian (draf)' }).click();
    await expectSoon(
      async () =>
        (await page.locator(`#agreement-price-${productIds['TELANG-250']}-problem`).textContent()) ===
        'Tulis rupiah tanpa sen, mis. 15.000.',
      'the price that is no rupiah',
    );
    await expectAccessible(page, 'perjanjian-baru');
    await stack.shoot(page, 'perjanjian-baru');
    await priceOf('TELANG-250').fill('');
    await page.getByRole('button', { name: 'Buat perjanjian (draf)' }).click();

    await page.waitForURL(/\/perjanjian\/[0-9a-f-]{36}$/);
    agreementId = page.url().split('/').pop()!;
    await expectSoon(async () => (await page.getByTestId('agreement-status').textContent()) === 'Draf', 'the draft');
    // the names come with the UPT and venue lists, beside the agreement
    const terms = () => page.getByTestId('agreement-terms').textContent();
    await expectSoon(async () => (await terms())!.includes(`${VENUE.name} (${VENUE.code})`), 'the venue named');
    for (const shown of ['12,5%', '10%', 'UPT (menghapus unit yang hilang)', 'Lapas Kelas I Tangerang (LP-TGR-1)'])
      expect(await terms()).toContain(shown);
    await expectSoon(async () => (await page.getByTestId('agreement-prices').textContent())!.includes('Rp 17.500'), 'the agreement price');
    await page.getByRole('button', { name: 'Aktifkan perjanjian' }).click();
    await statusSays(page, 'Perjanjian aktif.');
    await expectSoon(async () => (await page.getByTestId('agreement-status').textContent()) === 'Aktif', 'the active agreement');
    await expectAccessible(page, 'perjanjian');
    await stack.shoot(page, 'perjanjian');

    const agreement = await consignment().get(`/agreements/${agreementId}`).set('Authorization', bearer('consignment', 'admin'));
    expect(agreement.body).toMatchObject({
      uptCode: 'LP-TGR-1',
      venueCode: VENUE.code,
      timeZone: 'Asia/Makassar',
      commissionBp: 1250,
      maxDiscountBp: 1000,
      shrinkageLiability: 'UPT',
      validFrom: todayWib(),
      validTo: null,
      status: 'ACTIVE',
      prices: [{ productId: productIds['KRP-TEMPE-100'], price: 17_500 }],
    });

    // the list, filtered by the new venue, holds it
    await page.getByRole('link', { name: '← Semua perjanjian' }).click();
    await page.locator('#filter-venue').selectOption(VENUE.code);
    await expectSoon(
      async () => (await page.locator('[data-testid=agreement-table] tbody tr').count()) === 1,
      'the one agreement at the venue',
    );
    expect(await page.locator(`[data-testid=agreement-table] tr[data-id="${agreementId}"]`).textContent()).toContain('Aktif');
    await stack.shoot(page, 'perjanjian-daftar');
  }, 180_000);

  it("creates the venue's cashier, shows the temporary password once, and the cashier chooses their own at sign-in", async () => {
    await openMenu('Pengguna', 'Pengguna');
    await page.locator('#user-username').fill(CASHIER);
    await page.locator('#user-name').fill('Yanti Kasir');
    await page.locator('#user-role').selectOption('venue');
    await page.locator('#user-scope').selectOption(VENUE.code);
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    await statusSays(page, `Pengguna ${CASHIER} dibuat.`);
    const temporary = (await page.locator('[data-testid=one-time-password] code').textContent())!;
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await page.locator(`[data-testid=user-table] tr[data-username="${CASHIER}"]`).waitFor();
    await expectAccessible(page, 'pengguna');
    await stack.shoot(page, 'pengguna');
    await page.getByRole('button', { name: 'Sembunyikan' }).click();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);

    const account = await catalog().get(`/user-accounts/${CASHIER}`).set('Authorization', bearer('catalog', 'admin'));
    expect(account.body).toMatchObject({ username: CASHIER, role: 'venue', scope: VENUE.code, name: 'Yanti Kasir', enabled: true });

    // the cashier signs in with it; the provider asks for a password of their own, then the till opens at the venue
    const context = await stack.browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    const cashier = await context.newPage();
    await cashier.goto(`${stack.base}/kasir`);
    await cashier.locator('#username').fill(CASHIER);
    await cashier.locator('#password').fill(temporary);
    await cashier.locator('#kc-login').click();
    await cashier.locator('#kc-passwd-update-form').waitFor({ timeout: 30_000 });
    await cashier.locator('input[name=password-new]').fill(CASHIER_PASSWORD);
    await cashier.locator('input[name=password-confirm]').fill(CASHIER_PASSWORD);
    await cashier.locator('#kc-passwd-update-form [type=submit]').first().click();
    await cashier.waitForURL(`${stack.base}/kasir`, { timeout: 60_000 });
    await expectSoon(
      async () => ((await cashier.getByTestId('venue-name').textContent()) ?? '').endsWith(VENUE.name),
      'the till at the venue',
      30_000,
    );
    await stack.shoot(cashier, 'kasir-baru');
    await context.close();

    // disabled, then enabled again
    await page.getByRole('button', { name: `Nonaktifkan ${CASHIER}` }).click();
    await statusSays(page, `${CASHIER} dinonaktifkan; sesinya berakhir.`);
    await expectSoon(async () => (await page.locator(`tr[data-username="${CASHIER}"]`).textContent())!.includes('Nonaktif'), 'disabled');
    expect((await catalog().get(`/user-accounts/${CASHIER}`).set('Authorization', bearer('catalog', 'admin'))).body.enabled).toBe(false);
    await page.getByRole('button', { name: `Aktifkan ${CASHIER}` }).click();
    await statusSays(page, `${CASHIER} aktif kembali.`);
    await page.getByRole('button', { name: `Atur ulang kata sandi ${CASHIER}` }).click();
    await page.getByTestId('one-time-password').waitFor();
    expect(await page.locator('[data-testid=one-time-password] code').textContent()).not.toBe(temporary);
    expect((await catalog().get(`/user-accounts/${CASHIER}`).set('Authorization', bearer('catalog', 'admin'))).body.enabled).toBe(true);
  }, 240_000);

  it('finds those changes in the audit trail, merged across the three services by time', async () => {
    await openMenu('Jejak audit', 'Jejak audit');
    await page.getByTestId('audit-table').waitFor();
    await page.locator('#audit-fromDay').fill(todayWib());
    await page.locator('#audit-toDay').fill(todayWib());
    await page.locator('#audit-person').fill('admin.budi');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const actions = async () =>
      page
        .locator('[data-testid=audit-table] tbody tr')
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-service')} ${r.getAttribute('data-action')}`));
    const wanted = [
      'catalog catalog.kanwil.registered',
      'catalog catalog.upt.registered',
      'consignment consignment.venue.registered',
      'consignment consignment.agreement.created',
      'consignment consignment.agreement.activated',
      'catalog catalog.user-account.created',
      'catalog catalog.user-account.disabled',
      'catalog catalog.user-account.password-set',
    ];
    await expectSoon(async () => (await actions()).includes('catalog catalog.user-account.password-set'), 'the search answered');
    const found = await actions();
    for (const w of wanted) expect(found).toContain(w);
    expect(await page.getByTestId('audit-failed').count()).toBe(0);
    // newest first across both services: the account changes came after the agreement, the agreement after the Kanwil
    const times = await page
      .locator('[data-testid=audit-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-at')!));
    expect([...times].sort().reverse()).toEqual(times);
    expect(found.indexOf('catalog catalog.user-account.created')).toBeLessThan(
      found.indexOf('consignment consignment.agreement.activated'),
    );
    expect(found.indexOf('consignment consignment.agreement.activated')).toBeLessThan(found.indexOf('catalog catalog.kanwil.registered'));
    await expectAccessible(page, 'jejak-audit');
    await stack.shoot(page, 'jejak-audit');

    // words: the Kupang codes, in both services' entries
    await page.locator('#audit-person').fill('');
    await page.locator('#audit-text').fill('KPG');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expectSoon(async () => {
      const rows = await actions();
      return (
        rows.includes('catalog catalog.upt.registered') &&
        rows.includes('consignment consignment.venue.registered') &&
        !rows.includes('catalog catalog.kanwil.registered')
      );
    }, 'the entries naming KPG');
    // an action written otherwise than the services name it is caught before asking
    await page.locator('#audit-action').fill('Perjanjian aktif');
    expect(await page.getByRole('button', { name: 'Cari', exact: true }).isDisabled()).toBe(true);
    await stack.shoot(page, 'jejak-audit-kata');
    console.log(`console admin: screenshots in ${stack.shots}`);
  }, 180_000);
});
