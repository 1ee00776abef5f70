import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { TANGERANG_LOUNGE } from '../../tools/seed/seed-venues';
import { formatBasisPoints, formatDay, formatMonth, formatNumber, formatRupiah, localDay } from '../../apps/console/web/src/format';
import { addDays } from '../../apps/console/web/src/exhibition/exhibition-form';
import { periodLabel } from '../../apps/console/web/src/month-end';
import { ConsoleStack, expectAccessible, expectSoon, KEYCLOAK_START_MS } from '../support/console-stack';
import { bearer } from '../support/tokens';

/**
 * The console's month-end page (Akhir bulan) in Chromium against the whole stack: a month at the lounge set up with
 * development tokens (the national split, an agreement, a dispatch received and sales dated last month), then the
 * cashier sees the figures as the statement will show them, closes the month, waits for the statement, downloads it
 * as PDF and XLSX, is refused a wrong amount with the expected figure, and records the payment. Then an exhibition
 * (issue 19, decision 0029): its staff see its event period offered instead of months, close it and record a payment.
 */
const LOUNGE = TANGERANG_LOUNGE.code;

let stack: ConsoleStack;
let page: Page;
let agreementId: string;

const consignment = () => request(stack.url('consignment'));
const reporting = () => request(stack.url('reporting'));
const admin = () => bearer('consignment', 'admin');
const asVenue = (service: 'consignment' | 'reporting' = 'consignment') => bearer(service, 'venue', LOUNGE);
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Last month in the lounge's zone (WIB, UTC+7), and an instant in it. */
function lastMonth(now = new Date()) {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  const y = wib.getUTCMonth() === 0 ? wib.getUTCFullYear() - 1 : wib.getUTCFullYear();
  const m = wib.getUTCMonth() === 0 ? 12 : wib.getUTCMonth();
  const current = `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    period: `${y}-${String(m).padStart(2, '0')}`,
    current,
    at: (d: number, hour: number) => new Date(Date.UTC(y, m - 1, d, hour - 7)).toISOString(),
  };
}
const { period, current, at } = lastMonth();

async function draft(): Promise<any> {
  const res = await reporting().get(`/agreements/${agreementId}/periods/${period}/statement`).set('Authorization', asVenue('reporting'));
  return res.status === 200 ? res.body : undefined;
}

beforeAll(async () => {
  stack = await ConsoleStack.start('month-end', ['catalog', 'consignment', 'reporting']);
  await stack.addPerson('kasir.tgr', 'venue', LOUNGE, 'Siti Kasir');
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
  const products = await request(stack.url('catalog'))
    .get('/products?upt=LP-TGR-1&limit=200')
    .set('Authorization', bearer('catalog', 'admin'));
  const ids: Record<string, string> = Object.fromEntries(products.body.items.map((p: { sku: string; id: string }) => [p.sku, p.id]));
  const prices: Record<string, number> = Object.fromEntries(products.body.items.map((p: { id: string; price: number }) => [p.id, p.price]));
  const agreement = await consignment()
    .post('/agreements')
    .set('Authorization', admin())
    .send({ uptCode: 'LP-TGR-1', venueCode: LOUNGE, commissionBp: 2000, maxDiscountBp: 1000, validFrom: day(-90) });
  expect(agreement.status).toBe(201);
  agreementId = agreement.body.id;
  expect((await consignment().post(`/agreements/${agreementId}/activate`).set('Authorization', admin())).status).toBe(200);
  const tempe = ids['KRP-TEMPE-100'];
  const paving = ids['PAVING-K100'];
  const dispatch = await consignment()
    .post('/dispatches')
    .set('Authorization', bearer('consignment', 'upt', 'LP-TGR-1'))
    .send({
      agreementId,
      dispatchedAt: at(1, 8),
      lines: [
        { productId: tempe, lotCode: `KT-${period}`, expiryDate: day(60), quantity: 40 },
        { productId: paving, lotCode: `PV-${period}`, expiryDate: day(700), quantity: 20 },
      ],
    });
  expect(dispatch.status).toBe(201);
  const receipt = await consignment()
    .post(`/dispatches/${dispatch.body.id}/receipt`)
    .set('Authorization', asVenue())
    .send({
      receivedAt: at(1, 10),
      lines: [
        { lineNo: 1, accepted: 39, damaged: 0, short: 1, reason: 'satu kurang' },
        { lineNo: 2, accepted: 20, damaged: 0, short: 0 },
      ],
    });
  expect(receipt.status).toBe(201);
  const sales = await consignment()
    .post('/sales/batches')
    .set('Authorization', asVenue())
    .send({
      lines: [
        { receiptNo: `ME-${period}-1`, lineNo: 1, productId: tempe, quantity: 5, soldAt: at(3, 11) },
        {
          receiptNo: `ME-${period}-1`,
          lineNo: 2,
          productId: tempe,
          quantity: 2,
          soldAt: at(3, 11),
          unitPrice: Math.ceil(prices[tempe] * 0.9),
          discountReason: 'PROMO',
        },
        { receiptNo: `ME-${period}-2`, lineNo: 1, productId: paving, quantity: 3, soldAt: at(12, 15) },
      ],
    });
  expect(sales.status).toBe(201);
  expect(sales.body.accepted).toBe(3);
  // reporting has every movement of the month (its draft's control totals equal the ledger's)
  await expectSoon(async () => (await draft())?.figures.controlTotals.saleLines === 3, 'reporting caught up with the month', 60_000);
}, KEYCLOAK_START_MS + 420_000);

afterAll(() => stack?.dispose());

describe("the console's month-end page", () => {
  it('shows the figures as the statement will, closes the month, downloads the statement, refuses a wrong amount and records the payment', async () => {
    ({ page } = await stack.signIn('kasir.tgr', '/akhir-bulan'));
    const table = page.getByTestId('figures-table');
    await table.waitFor();
    // the last month that has ended at the lounge is offered first
    expect(await page.locator('select[name=period]').inputValue()).toBe(period);
    const live = await draft();
    const ledger = await consignment().get(`/agreements/${agreementId}/periods/ledger-totals`).set('Authorization', asVenue());
    const ledgerMonth = ledger.body.find((l: { period: string }) => l.period === period).controlTotals;
    const sold = -ledgerMonth.movements.find((m: { kind: string }) => m.kind === 'SOLD').quantity;
    expect(sold).toBe(10);
    const f = live.figures;
    expect(f.totals.sold).toBe(sold);
    expect(f.totals.discounts).toBeGreaterThan(0);
    const cell = async (name: string) =>
      ((await table.locator(`td[data-agreement="${agreementId}"][data-figure=${name}]`).textContent()) ?? '').trim();
    expect(await cell('sold')).toBe(formatNumber(sold));
    expect(await cell('gross')).toBe(formatRupiah(f.totals.grossAtListPrice));
    expect(await cell('discounts')).toBe(formatRupiah(f.totals.discounts));
    expect(await cell('net')).toBe(formatRupiah(f.totals.netSales));
    expect(await cell('shrinkage')).toBe(formatRupiah(f.totals.shrinkageCharge));
    expect(await cell('commission')).toBe(`${formatRupiah(f.commission)} (${formatBasisPoints(f.commissionBp)})`);
    expect(await cell('proceeds')).toBe(formatRupiah(f.proceeds));
    expect(await cell('ledger')).toBe('sesuai');
    await expectAccessible(page, 'akhir-bulan');
    await stack.shoot(page, 'akhir-bulan');

    // the current month has not ended at the lounge: said in words, no close offered; the service refuses it too
    await page.locator('select[name=period]').selectOption(current);
    await page.getByTestId('not-ended').waitFor();
    await page.getByText(`Tidak ada barang diterima atau terjual di ${formatMonth(current)}.`).waitFor();
    expect(await page.getByTestId('not-ended').textContent()).toContain(`${formatMonth(current)} belum berakhir di zona waktu gerai (WIB)`);
    expect(await page.getByRole('button', { name: /^Tutup bulan/ }).count()).toBe(0);
    const early = await consignment().post(`/agreements/${agreementId}/periods/${current}/close`).set('Authorization', asVenue());
    expect([early.status, early.body.code]).toEqual([422, 'PERIOD_NOT_ENDED']);
    await stack.shoot(page, 'akhir-bulan-berjalan');
    await page.locator('select[name=period]').selectOption(period);
    await table.waitFor();

    // close, with a confirmation; the statement is put together, then issued
    await page.getByRole('button', { name: `Tutup bulan ${formatMonth(period)}` }).click();
    await page.getByRole('heading', { name: `Tutup ${formatMonth(period)}?` }).waitFor();
    await expectAccessible(page, 'akhir-bulan-konfirmasi');
    await stack.shoot(page, 'akhir-bulan-konfirmasi');
    await page.getByRole('button', { name: 'Ya, tutup bulan' }).click();
    await page.getByText(`${formatMonth(period)} sudah ditutup.`).waitFor();
    const card = page.getByTestId('statement-LP-TGR-1');
    await expectSoon(async () => (await card.getAttribute('data-status')) === 'ISSUED', 'the statement issued and shown', 60_000);
    const statements = await reporting().get('/statements').query({ venue: LOUNGE, period }).set('Authorization', asVenue('reporting'));
    const statement = statements.body.items[0];
    expect(statement).toMatchObject({ status: 'ISSUED', agreementId });
    expect(statement.figures.proceeds).toBe(f.proceeds);
    expect(await card.textContent()).toContain(`Disetor ke UPT: ${formatRupiah(f.proceeds)}`);

    // downloads through the console (the browser's session cookie), streamed by the BFF
    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return readFileSync(await file.path());
    };
    const pdf = await download(/^Unduh PDF/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
    const pdfFile = join(stack.shots, 'statement.pdf');
    writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
    expect(text).toContain(formatRupiah(f.proceeds));
    const xlsx = await download(/^Unduh XLSX/);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.length).toBeGreaterThan(2_000);

    // a wrong amount: the refusal in words with the expected figure; then the exact proceeds
    await card.locator('input[name=transferReference]').fill('BRI-20261205-778812');
    await card.locator('input[name=amount]').fill(String(f.proceeds + 1_000));
    await card.getByRole('button', { name: 'Catat pembayaran' }).click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).toBe(
      `Jumlah ${formatRupiah(f.proceeds + 1_000)} ditolak: pembayaran harus tepat sebesar ${formatRupiah(f.proceeds)}.`,
    );
    await expectAccessible(page, 'akhir-bulan-terbit');
    await stack.shoot(page, 'akhir-bulan-terbit');
    await card.locator('input[name=amount]').fill(String(f.proceeds));
    await card.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expectSoon(async () => (await card.getAttribute('data-status')) === 'PAID', 'the statement shown paid');
    expect(await card.textContent()).toContain(`Dibayar ${formatRupiah(f.proceeds)}`);
    const paid = await reporting().get(`/statements/${statement.id}`).set('Authorization', asVenue('reporting'));
    expect(paid.body).toMatchObject({ status: 'PAID', paidAmount: f.proceeds, transferReference: 'BRI-20261205-778812' });
    await expectAccessible(page, 'akhir-bulan-dibayar');
    await stack.shoot(page, 'akhir-bulan-dibayar');
    console.log(`console month end: ${period} proceeds ${formatRupiah(f.proceeds)}; screenshots in ${stack.shots}`);
  }, 300_000);

  it("offers an exhibition's staff its event period instead of months, closes it, shows the statements and records a payment", async () => {
    // an exhibition whose three days ended two days ago (WIB), its return window still open: set up by the ministry
    const CODE = 'PIPAS-BTN-ME';
    const today = localDay(new Date(), 'Asia/Jakarta');
    const [first, last] = [addDays(today, -4), addDays(today, -2)];
    const event = `${first}..${last}`;
    const label = periodLabel(event);
    const wib = (d: string, time: string) => new Date(`${d}T${time}+07:00`).toISOString();
    const booth = bearer('consignment', 'venue', CODE);
    const created = await consignment()
      .post('/exhibitions')
      .set('Authorization', bearer('consignment', 'ministry'))
      .send({
        code: CODE,
        name: 'PIPAS Banten (akhir periode)',
        series: 'PIPAS Banten',
        edition: `me-${first}`,
        kanwilCode: 'KW-BANTEN',
        location: 'Alun-alun Kota Serang',
        timeZone: 'Asia/Jakarta',
        first,
        last,
        returnWindowDays: 5,
        commissionBp: 1_000,
        maxDiscountBp: 500,
        uptCodes: ['LP-TGR-1', 'LPP-TGR'],
      });
    expect(created.status).toBe(201);
    const agreements: { id: string; uptCode: string }[] = created.body.agreements;
    expect(agreements).toHaveLength(2);

    // each UPT sends 20 units before the first day; the booth sells 4, 3 and 2 of them on the three days (the last at 23:59)
    for (const agreement of agreements) {
      const products = await request(stack.url('catalog'))
        .get(`/products?upt=${agreement.uptCode}&status=APPROVED&limit=200`)
        .set('Authorization', bearer('catalog', 'admin'));
      const [product] = products.body.items.filter((p: { consignable: boolean }) => p.consignable);
      const dispatch = await consignment()
        .post('/dispatches')
        .set('Authorization', bearer('consignment', 'upt', agreement.uptCode))
        .send({
          agreementId: agreement.id,
          dispatchedAt: wib(first, '06:00:00'),
          lines: [{ productId: product.id, lotCode: `ME-${agreement.uptCode}`, expiryDate: addDays(today, 90), quantity: 20 }],
        });
      expect(dispatch.status).toBe(201);
      const receipt = await consignment()
        .post(`/dispatches/${dispatch.body.id}/receipt`)
        .set('Authorization', booth)
        .send({ receivedAt: wib(first, '07:00:00'), lines: [{ lineNo: 1, accepted: 20, damaged: 0, short: 0 }] });
      expect(receipt.status).toBe(201);
      const no = (n: number) => `${CODE}-${agreement.uptCode}-${n}`;
      const sales = await consignment()
        .post('/sales/batches')
        .set('Authorization', booth)
        .send({
          lines: [
            { receiptNo: no(1), lineNo: 1, productId: product.id, quantity: 4, soldAt: wib(first, '10:00:00') },
            { receiptNo: no(2), lineNo: 1, productId: product.id, quantity: 3, soldAt: wib(addDays(first, 1), '14:30:00') },
            { receiptNo: no(3), lineNo: 1, productId: product.id, quantity: 2, soldAt: wib(last, '23:59:00') },
          ],
        });
      expect([sales.status, sales.body.accepted]).toEqual([201, 3]);
    }
    const eventDraft = async (id: string): Promise<any> => {
      const res = await reporting()
        .get(`/agreements/${id}/periods/${event}/statement`)
        .set('Authorization', bearer('reporting', 'venue', CODE));
      return res.status === 200 ? res.body : undefined;
    };
    for (const a of agreements)
      await expectSoon(
        async () => (await eventDraft(a.id))?.figures.controlTotals.saleLines === 3,
        `reporting caught up with ${a.uptCode}`,
        60_000,
      );

    await stack.addPerson('petugas.pameran', 'venue', CODE, 'Dewi Petugas');
    ({ page } = await stack.signIn('petugas.pameran', '/akhir-bulan'));
    await page.getByRole('heading', { name: 'Tutup periode', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Tutup periode' }).getAttribute('aria-current')).toBe('page');
    // the event period is offered, and nothing else: no month at an exhibition
    const select = page.locator('select[name=period]');
    expect(await select.inputValue()).toBe(event);
    expect(await select.locator('option').allTextContents()).toEqual([label]);
    expect(await page.getByTestId('not-ended').count()).toBe(0);
    const table = page.getByTestId('figures-table');
    await table.waitFor();
    expect(await page.getByRole('heading', { name: `Angka periode ${label} per UPT` }).count()).toBe(1);
    const cell = async (agreementId: string, name: string) =>
      ((await table.locator(`td[data-agreement="${agreementId}"][data-figure=${name}]`).textContent()) ?? '').trim();
    const shows = async (agreementId: string, f: any) => {
      expect(await cell(agreementId, 'sold')).toBe(formatNumber(f.totals.sold));
      expect(await cell(agreementId, 'gross')).toBe(formatRupiah(f.totals.grossAtListPrice));
      expect(await cell(agreementId, 'discounts')).toBe(formatRupiah(f.totals.discounts));
      expect(await cell(agreementId, 'net')).toBe(formatRupiah(f.totals.netSales));
      expect(await cell(agreementId, 'shrinkage')).toBe(formatRupiah(f.totals.shrinkageCharge));
      expect(await cell(agreementId, 'commission')).toBe(`${formatRupiah(f.commission)} (${formatBasisPoints(f.commissionBp)})`);
      expect(await cell(agreementId, 'proceeds')).toBe(formatRupiah(f.proceeds));
    };
    for (const a of agreements) {
      const f = (await eventDraft(a.id)).figures;
      expect(f.totals.sold).toBe(9);
      expect(f.commissionBp).toBe(1_000);
      await shows(a.id, f);
      expect(await cell(a.id, 'ledger')).toBe('sesuai');
    }
    await expectAccessible(page, 'tutup-periode');
    await stack.shoot(page, 'tutup-periode');

    // close both agreements' event period, with a confirmation that says what closing it means
    await page.getByRole('button', { name: `Tutup periode ${label}` }).click();
    await page.getByRole('heading', { name: `Tutup periode ${label}?` }).waitFor();
    expect(await page.getByRole('group').textContent()).toContain('Perjanjian yang ditutup: LP-TGR-1, LPP-TGR.');
    await expectAccessible(page, 'tutup-periode-konfirmasi');
    await stack.shoot(page, 'tutup-periode-konfirmasi');
    await page.getByRole('button', { name: 'Ya, tutup periode' }).click();
    await page.getByText(`Periode ${label} sudah ditutup.`).waitFor();
    for (const a of agreements) {
      const closes = await consignment().get(`/agreements/${a.id}/periods`).set('Authorization', booth);
      expect(closes.body.items.map((c: { period: string }) => c.period)).toEqual([event]);
    }
    for (const upt of ['LP-TGR-1', 'LPP-TGR'])
      await expectSoon(
        async () => (await page.getByTestId(`statement-${upt}`).getAttribute('data-status')) === 'ISSUED',
        `the statement of ${upt} issued and shown`,
        60_000,
      );

    // reporting's statements of the event period, to the rupiah on the page
    const issued = await reporting()
      .get('/statements')
      .query({ venue: CODE, period: event })
      .set('Authorization', bearer('reporting', 'venue', CODE));
    expect(issued.body.items).toHaveLength(2);
    for (const s of issued.body.items) {
      expect(s).toMatchObject({ status: 'ISSUED', period: event });
      await shows(s.agreementId, s.figures);
      expect(await page.getByTestId(`statement-${s.uptCode}`).textContent()).toContain(
        `Disetor ke UPT: ${formatRupiah(s.figures.proceeds)}`,
      );
    }
    const proceedsTotal = issued.body.items.reduce((sum: number, s: any) => sum + s.figures.proceeds, 0);
    expect((await table.locator('tr.strong td').last().textContent())?.trim()).toBe(formatRupiah(proceedsTotal));
    await expectAccessible(page, 'tutup-periode-terbit');
    await stack.shoot(page, 'tutup-periode-terbit');

    // the payment of one statement, as for a month
    const statement = issued.body.items.find((s: { uptCode: string }) => s.uptCode === 'LP-TGR-1');
    const card = page.getByTestId('statement-LP-TGR-1');
    await card.locator('input[name=transferReference]').fill('BNI-PIPAS-0042');
    expect(await card.locator('input[name=amount]').inputValue()).toBe(String(statement.figures.proceeds));
    await card.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expectSoon(async () => (await card.getAttribute('data-status')) === 'PAID', 'the statement shown paid');
    expect(await card.textContent()).toContain(`Dibayar ${formatRupiah(statement.figures.proceeds)} pada ${formatDay(today)}`);
    const paid = await reporting()
      .get(`/statements/${statement.id}`)
      .set('Authorization', bearer('reporting', 'venue', CODE));
    expect(paid.body).toMatchObject({ status: 'PAID', paidAmount: statement.figures.proceeds, transferReference: 'BNI-PIPAS-0042' });
    expect(await page.getByTestId('statement-LPP-TGR').getAttribute('data-status')).toBe('ISSUED');
    await expectAccessible(page, 'tutup-periode-dibayar');
    await stack.shoot(page, 'tutup-periode-dibayar');
    console.log(`console event close: ${event} at ${CODE}, proceeds ${formatRupiah(proceedsTotal)}; screenshots in ${stack.shots}`);
  }, 300_000);

  it("tells an exhibition's staff its event period has not ended until the day after its last day, and offers no close", async () => {
    // running today and tomorrow (WIB): it can be closed from the day after tomorrow
    const CODE = 'PIPAS-BTN-NOW';
    const today = localDay(new Date(), 'Asia/Jakarta');
    const [first, last] = [today, addDays(today, 1)];
    const event = `${first}..${last}`;
    const label = periodLabel(event);
    const created = await consignment()
      .post('/exhibitions')
      .set('Authorization', bearer('consignment', 'ministry'))
      .send({
        code: CODE,
        name: 'PIPAS Banten (berjalan)',
        series: 'PIPAS Banten',
        edition: `now-${first}`,
        kanwilCode: 'KW-BANTEN',
        location: 'Alun-alun Kota Serang',
        timeZone: 'Asia/Jakarta',
        first,
        last,
        returnWindowDays: 3,
        commissionBp: 1_000,
        maxDiscountBp: 500,
        uptCodes: ['LP-TGR-1'],
      });
    expect(created.status).toBe(201);
    await stack.addPerson('petugas.berjalan', 'venue', CODE, 'Rudi Petugas');
    ({ page } = await stack.signIn('petugas.berjalan', '/akhir-bulan'));
    const select = page.locator('select[name=period]');
    await select.waitFor();
    expect(await select.inputValue()).toBe(event);
    expect(await select.locator('option').allTextContents()).toEqual([`${label} (belum berakhir)`]);
    const notEnded = page.getByTestId('not-ended');
    await notEnded.waitFor();
    expect(await notEnded.textContent()).toBe(
      `Periode pameran ${label} belum berakhir di zona waktu gerai (WIB), jadi belum bisa ditutup. ` +
        `Tutup periode bisa dilakukan mulai ${formatDay(addDays(last, 1))}. Angka di bawah masih sementara.`,
    );
    await page.getByText(`Tidak ada barang diterima atau terjual selama ${label}.`).waitFor();
    expect(await page.getByRole('button', { name: /^Tutup periode/ }).count()).toBe(0);
    // and consignment refuses it as the page says
    const early = await consignment()
      .post(`/agreements/${created.body.agreements[0].id}/periods/${event}/close`)
      .set('Authorization', bearer('consignment', 'venue', CODE));
    expect([early.status, early.body.code]).toEqual([422, 'PERIOD_NOT_ENDED']);
    await expectAccessible(page, 'tutup-periode-berjalan');
    await stack.shoot(page, 'tutup-periode-berjalan');
  }, 300_000);
});
