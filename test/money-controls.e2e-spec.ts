import { localDate, periodOf } from '@titipan/kernel';
import { type ServiceName } from '@titipan/platform';
import request from 'supertest';
import { seedCatalog } from '../tools/seed/seed-catalog';
import { type RunningService } from '../tools/service-process';
import { cleanUp, stopEach } from './support/clean-up';
import { eventually } from './support/kafka-probe';
import { startServices } from './support/stack';
import { TestEnvironment } from './support/test-environment';
import { bearers } from './support/tokens';
import { serviceHealth } from '../tools/demo/api-client';

/** An actor's Authorization headers, one per service. */
type Tokens = Record<ServiceName, string>;

/**
 * Money controls of consignment practice (issue 13), through the three services' HTTP APIs: discounts within the
 * agreement's limit and with a reason, shrinkage the venue bears, one deposit per NTPN of exactly the PNBP share,
 * prices and PNBP targets as history, dispatches checked as of their date, and agreement filters kept in scope.
 */
describe('money controls', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const bearer = bearers;
  const admin = bearer('admin');
  const ministry = bearer('ministry');
  const curator = bearer('curator', 'KW-BANTEN');
  const tangerang = bearer('upt', 'LP-TGR-1');
  const perempuan = bearer('upt', 'LPP-TGR');
  const lounge = bearer('venue', 'IMI-TGR-LOUNGE');
  const juanda = bearer('venue', 'IMI-SBY-JUANDA');
  const catalog = () => request(services.catalog.url);
  const consignment = () => request(services.consignment.url);
  const reporting = () => request(services.reporting.url);
  const DAY = 24 * 3600_000;
  const expiry = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);

  // last month in WIB: a time `hours` after a start ten days before this month began
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 10 * DAY);
  const period = periodOf(start, 'Asia/Jakarta');
  const at = (hours: number) => new Date(start.getTime() + hours * 3600_000).toISOString();

  let keripik: string;
  let telang: string;
  let makaroni: string;
  /** LP-TGR-1 at the lounge: 10 % commission, up to 10 % discount, the lounge bears shrinkage (the default). */
  let a1: string;
  /** LPP-TGR at the lounge: no commission, no discount (the default), the UPT bears shrinkage. */
  let a2: string;
  /** LP-TGR-1 at Juanda, Surabaya (another venue, Kanwil DKI): catalog prices only. */
  let a3: string;

  const consumerApplied = async (service: ServiceName, name: string) => {
    const consumers = Object.values<{ groupId: string; lag: number; counters: { applied: number } }>(
      (await serviceHealth(service, services[service].url)).checks.consumers,
    );
    const c = consumers.find((x) => x.groupId.endsWith(name));
    return c && c.lag === 0 ? c.counters.applied : undefined;
  };
  const replicated = async (before: number) =>
    eventually(async () => ((await consumerApplied('consignment', 'product-replica')) ?? 0) > before, 20_000, 'product replica');
  const sell = (token: Tokens, line: object) => consignment().post('/sales').set('Authorization', token.consignment).send(line);
  const issued = (agreementId: string) =>
    eventually(
      async () => {
        const { items } = (
          await reporting().get(`/statements?agreement=${agreementId}&period=${period}`).set('Authorization', ministry.reporting)
        ).body;
        return items[0]?.status === 'ISSUED' ? items[0] : undefined;
      },
      30_000,
      'statement issued',
    );
  const agreement = async (body: object) => {
    const created = await consignment().post('/agreements').set('Authorization', admin.consignment).send(body);
    expect(created.status).toBe(201);
    expect((await consignment().post(`/agreements/${created.body.id}/activate`).set('Authorization', admin.consignment)).status).toBe(200);
    return created.body as { id: string; maxDiscountBp: number; shrinkageLiability: string };
  };
  /** A dispatch under an agreement, received whole by the venue. */
  const deliver = async (
    agreementId: string,
    sender: Tokens,
    receiver: Tokens,
    lines: object[],
    dispatchedAt: string,
    receivedAt: string,
  ) => {
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', sender.consignment)
      .send({ agreementId, dispatchedAt, lines });
    expect(dispatch.status).toBe(201);
    const receipt = await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', receiver.consignment)
      .send({
        receivedAt,
        lines: lines.map((_, i) => ({ lineNo: i + 1, accepted: (lines[i] as { quantity: number }).quantity, damaged: 0, short: 0 })),
      });
    expect(receipt.status).toBe(201);
    return dispatch.body as { id: string; lines: { unitPrice: number }[] };
  };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
    await seedCatalog(services.catalog.url);
    await eventually(async () => ((await consumerApplied('consignment', 'product-replica')) ?? 0) >= 14, 30_000, 'product replica');
    await eventually(async () => ((await consumerApplied('consignment', 'directory-replica')) ?? 0) >= 10, 30_000, 'directory replica');
    const sku = async (upt: string, code: string) =>
      (await catalog().get(`/products?upt=${upt}&sku=${code}`).set('Authorization', admin.catalog)).body.items[0].id as string;
    [keripik, telang, makaroni] = [
      await sku('LP-TGR-1', 'KRP-TEMPE-100'),
      await sku('LP-TGR-1', 'TELANG-250'),
      await sku('LPP-TGR', 'MAKARONI-150'),
    ];
    const venue = (code: string, kanwilCode: string) => ({
      code,
      name: code,
      partnerAgency: 'Kantor Imigrasi',
      type: 'immigration-lounge',
      kanwilCode,
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: false,
    });
    expect(
      (await consignment().post('/venues').set('Authorization', admin.consignment).send(venue('IMI-TGR-LOUNGE', 'KW-BANTEN'))).status,
    ).toBe(201);
    expect(
      (await consignment().post('/venues').set('Authorization', admin.consignment).send(venue('IMI-SBY-JUANDA', 'KW-DKI'))).status,
    ).toBe(201);
    const split = await reporting()
      .post('/split-policies')
      .set('Authorization', ministry.reporting)
      .send({
        effectiveFrom: '2026-01-01',
        shares: [
          { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
          { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
          { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        ],
      });
    expect(split.status).toBe(201);
    const a1Body = await agreement({
      uptCode: 'LP-TGR-1',
      venueCode: 'IMI-TGR-LOUNGE',
      commissionBp: 1_000,
      maxDiscountBp: 1_000,
      validFrom: '2026-01-01',
      prices: [{ productId: keripik, price: 10_000 }],
    });
    expect(a1Body).toMatchObject({ maxDiscountBp: 1_000, shrinkageLiability: 'VENUE' });
    a1 = a1Body.id;
    const a2Body = await agreement({
      uptCode: 'LPP-TGR',
      venueCode: 'IMI-TGR-LOUNGE',
      commissionBp: 0,
      shrinkageLiability: 'UPT',
      validFrom: '2026-01-01',
      prices: [{ productId: makaroni, price: 15_000 }],
    });
    expect(a2Body).toMatchObject({ maxDiscountBp: 0, shrinkageLiability: 'UPT' });
    a2 = a2Body.id;
    a3 = (await agreement({ uptCode: 'LP-TGR-1', venueCode: 'IMI-SBY-JUANDA', commissionBp: 0, validFrom: '2026-01-01' })).id;
  });
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose()));

  it('refuses a sale below the list price beyond the limit or without a reason, with the figures, and changes nothing', async () => {
    await deliver(
      a1,
      tangerang,
      lounge,
      [
        { productId: keripik, lotCode: 'KT-1', expiryDate: expiry, quantity: 20 },
        { productId: telang, lotCode: 'BT-1', expiryDate: expiry, quantity: 10 },
      ],
      at(0),
      at(1),
    );
    await deliver(a2, perempuan, lounge, [{ productId: makaroni, lotCode: 'MK-1', expiryDate: expiry, quantity: 10 }], at(0), at(1));

    // the review's "Rp 1 with no reason": above the 10 % limit whatever the reason, and refused at the default limit of 0
    const rupiah = await sell(lounge, {
      receiptNo: 'S-0',
      lineNo: 1,
      productId: keripik,
      quantity: 1,
      unitPrice: 1,
      discountReason: 'PROMO',
      soldAt: at(2),
    });
    expect(rupiah.status).toBe(422);
    expect(rupiah.body).toMatchObject({
      code: 'DISCOUNT_ABOVE_LIMIT',
      details: { listPrice: 10_000, unitPrice: 1, discountBp: 9_999, maxDiscountBp: 1_000, lowestUnitPrice: 9_000 },
    });
    const none = await sell(lounge, {
      receiptNo: 'S-0',
      lineNo: 2,
      productId: makaroni,
      quantity: 1,
      unitPrice: 14_999,
      discountReason: 'BULK',
      soldAt: at(2),
    });
    expect(none.body).toMatchObject({
      statusCode: 422,
      code: 'DISCOUNT_ABOVE_LIMIT',
      details: { maxDiscountBp: 0, lowestUnitPrice: 15_000 },
    });
    const unexplained = await sell(lounge, {
      receiptNo: 'S-0',
      lineNo: 3,
      productId: keripik,
      quantity: 1,
      unitPrice: 9_000,
      soldAt: at(2),
    });
    expect(unexplained.body).toMatchObject({
      statusCode: 422,
      code: 'DISCOUNT_REASON_REQUIRED',
      details: { field: 'discountReason', listPrice: 10_000, unitPrice: 9_000 },
    });
    const badReason = await sell(lounge, {
      receiptNo: 'S-0',
      lineNo: 4,
      productId: keripik,
      quantity: 1,
      unitPrice: 9_000,
      discountReason: 'FRIEND',
      soldAt: at(2),
    });
    expect(badReason.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const stock = (await consignment().get(`/stock?agreement=${a1}&product=${keripik}`).set('Authorization', lounge.consignment)).body
      .items;
    expect(stock.map((s: { quantity: number }) => s.quantity)).toEqual([20]);
    expect((await consignment().get('/sales?receiptNo=S-0').set('Authorization', lounge.consignment)).body.total).toBe(0);
  });

  it('records a discount within the limit with its reason, and the statement shows discounts and the shrinkage the venue bears', async () => {
    const batch = await consignment()
      .post('/sales/batches')
      .set('Authorization', lounge.consignment)
      .send({
        lines: [
          { receiptNo: 'S-1', lineNo: 1, productId: keripik, quantity: 5, soldAt: at(2) },
          { receiptNo: 'S-1', lineNo: 2, productId: keripik, quantity: 2, unitPrice: 9_000, discountReason: 'PROMO', soldAt: at(2) },
          { receiptNo: 'S-2', lineNo: 1, productId: telang, quantity: 3, soldAt: at(3) },
          { receiptNo: 'S-3', lineNo: 1, productId: makaroni, quantity: 4, soldAt: at(3) },
        ],
      });
    expect(batch.body).toMatchObject({ accepted: 4, refused: 0 });
    expect(batch.body.lines[1]).toMatchObject({ unitPrice: 9_000, listPrice: 10_000, amount: 18_000, discountReason: 'PROMO' });
    const listed = (await consignment().get(`/sales?agreement=${a1}&receiptNo=S-1`).set('Authorization', lounge.consignment)).body.items;
    expect(listed.map((l: { discountReason: string | null }) => l.discountReason)).toEqual([null, 'PROMO']);

    // month-end counts: two Keripik missing, one Telang found over; one Makaroni missing under the UPT's liability
    const count = await consignment()
      .post('/stock-counts')
      .set('Authorization', lounge.consignment)
      .send({
        agreementId: a1,
        reason: 'stock opname akhir bulan',
        countedAt: at(50),
        lines: [
          { productId: keripik, lotCode: 'KT-1', counted: 11 },
          { productId: telang, lotCode: 'BT-1', counted: 8 },
        ],
      });
    expect(count.body.lines.map((l: { variance: number; unitPrice: number }) => [l.variance, l.unitPrice])).toEqual([
      [-2, 10_000],
      [1, 8_000],
    ]);
    await consignment()
      .post('/stock-counts')
      .set('Authorization', lounge.consignment)
      .send({
        agreementId: a2,
        reason: 'stock opname akhir bulan',
        countedAt: at(50),
        lines: [{ productId: makaroni, lotCode: 'MK-1', counted: 5 }],
      });
    for (const id of [a1, a2]) {
      expect((await consignment().post(`/agreements/${id}/periods/${period}/close`).set('Authorization', lounge.consignment)).status).toBe(
        200,
      );
    }

    // By hand, LP-TGR-1 at the lounge (commission 10 %, the lounge bears shrinkage):
    //   Keripik 5 × 10,000 = 50,000 at list + 2 × 9,000 = 18,000 (list 20,000, PROMO): gross at list 70,000, discounts 2,000
    //   Telang 3 × 8,000 (catalog price) = 24,000
    //   gross at list 94,000 − discounts 2,000 = gross sales 92,000 = net sales (no customer returns)
    //   commission 10 % of 92,000 = 9,200 (on what was sold, not on the list value)
    //   shrinkage: Keripik 2 missing × 10,000 (dispatch price) = 20,000; Telang 1 found over (−8,000) is not credited: 0
    //   proceeds 92,000 − 9,200 + 20,000 = 102,800; split 15 / 50 / 35 % = 15,420 / 51,400 / 35,980 (sum 102,800)
    const s1 = await issued(a1);
    expect(s1.figures.totals).toMatchObject({
      sold: 10,
      grossAtListPrice: 94_000,
      discounts: 2_000,
      grossSales: 92_000,
      netSales: 92_000,
      adjusted: 1,
      adjustedValue: 12_000,
      shrinkageCharge: 20_000,
    });
    expect(
      s1.figures.lines
        .map((l: { discounts: number; adjustedValue: number; shrinkageCharge: number }) => [
          l.discounts,
          l.adjustedValue,
          l.shrinkageCharge,
        ])
        .sort(),
    ).toEqual(
      [
        [0, -8_000, 0],
        [2_000, 20_000, 20_000],
      ].sort(),
    );
    expect(s1.figures).toMatchObject({ commission: 9_200, shrinkageLiability: 'VENUE', proceeds: 102_800 });
    expect(s1.figures.split.map((p: { amount: number }) => p.amount)).toEqual([15_420, 51_400, 35_980]);

    // LPP-TGR (no commission, the UPT bears shrinkage): 4 × 15,000 = 60,000; the missing Makaroni (15,000) is not charged
    const s2 = await issued(a2);
    expect(s2.figures.totals).toMatchObject({ grossSales: 60_000, discounts: 0, adjustedValue: 15_000, shrinkageCharge: 0 });
    expect(s2.figures).toMatchObject({ shrinkageLiability: 'UPT', proceeds: 60_000 });
    expect(s2.figures.split.map((p: { amount: number }) => p.amount)).toEqual([9_000, 30_000, 21_000]);
    expect((await reporting().get(`/statements/${s1.id}/verify`).set('Authorization', ministry.reporting)).body.valid).toBe(true);
  });

  it('takes a deposit of exactly the PNBP share, and each NTPN for one deposit only, across statements', async () => {
    const [s1, s2] = [await issued(a1), await issued(a2)];
    for (const s of [s1, s2]) {
      const paid = await reporting()
        .post(`/statements/${s.id}/payments`)
        .set('Authorization', lounge.reporting)
        .send({ amount: s.figures.proceeds, paidOn: '2026-11-05', transferReference: `TRF-${s.uptCode}` });
      expect(paid.status).toBe(201);
    }
    const deposit = (amount: number, ntpn: string) => ({ amount, simponiBillingCode: '820261205000123', ntpn, depositedOn: '2026-11-08' });
    const short = await reporting()
      .post(`/statements/${s1.id}/deposits`)
      .set('Authorization', tangerang.reporting)
      .send(deposit(15_419, 'NTPN000000000001'));
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'AMOUNT_MISMATCH', details: { field: 'amount', expected: 15_420, received: 15_419 } });
    const missing = await reporting()
      .post(`/statements/${s1.id}/deposits`)
      .set('Authorization', tangerang.reporting)
      .send({ simponiBillingCode: '820261205000123', ntpn: 'NTPN000000000001', depositedOn: '2026-11-08' });
    expect(missing.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await reporting().get(`/statements/${s1.id}`).set('Authorization', ministry.reporting)).body.status).toBe('PAID');

    const first = await reporting()
      .post(`/statements/${s1.id}/deposits`)
      .set('Authorization', tangerang.reporting)
      .send(deposit(15_420, 'NTPN000000000001'));
    expect(first.body).toMatchObject({ status: 'DEPOSITED', ntpn: 'NTPN000000000001', depositedAmount: 15_420 });
    const reused = await reporting()
      .post(`/statements/${s2.id}/deposits`)
      .set('Authorization', perempuan.reporting)
      .send(deposit(9_000, 'NTPN000000000001'));
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'NTPN_ALREADY_USED', details: { field: 'ntpn', ntpn: 'NTPN000000000001' } });
    expect((await reporting().get(`/statements/${s2.id}`).set('Authorization', ministry.reporting)).body).toMatchObject({
      status: 'PAID',
      ntpn: null,
    });
    const second = await reporting()
      .post(`/statements/${s2.id}/deposits`)
      .set('Authorization', perempuan.reporting)
      .send(deposit(9_000, 'NTPN000000000002'));
    expect(second.body).toMatchObject({ status: 'DEPOSITED', depositedAmount: 9_000 });
  });

  it('keeps agreement prices as history: a change adds a row, documents are priced by the row of their day', async () => {
    const today = localDate(new Date(), 'Asia/Jakarta');
    const put = (prices: object[]) =>
      consignment().put(`/agreements/${a1}/prices`).set('Authorization', admin.consignment).send({ prices });
    const changed = await put([{ productId: keripik, price: 12_000 }]);
    expect(changed.status).toBe(200);
    expect(changed.body.prices).toEqual([{ productId: keripik, price: 12_000, effectiveFrom: today }]);
    expect(
      changed.body.priceHistory.map((p: { price: number; effectiveFrom: string; setBy: string }) => [p.price, p.effectiveFrom]),
    ).toEqual([
      [10_000, '2026-01-01'],
      [12_000, today],
    ]);
    // the same request again changes nothing; another price for the same day is refused; history is not rewritten
    expect((await put([{ productId: keripik, price: 12_000 }])).body.priceHistory).toHaveLength(2);
    const rewrite = await put([{ productId: keripik, price: 13_000, effectiveFrom: today }]);
    expect(rewrite.status).toBe(409);
    expect(rewrite.body).toMatchObject({
      code: 'PRICE_ALREADY_SET',
      details: { productId: keripik, effectiveFrom: today, price: 12_000, requested: 13_000 },
    });
    const before = await put([{ productId: keripik, price: 9_000, effectiveFrom: '2025-12-31' }]);
    expect(before.body).toMatchObject({ statusCode: 422, code: 'PRICE_OUTSIDE_VALIDITY', details: { validFrom: '2026-01-01' } });
    expect((await put([{ productId: keripik, price: 9_000, effectiveFrom: '2026-02-30' }])).status).toBe(400);
    const got = (await consignment().get(`/agreements/${a1}`).set('Authorization', lounge.consignment)).body;
    expect(got.priceHistory).toHaveLength(2);

    // a surat jalan dated yesterday goes at yesterday's price, one dated now at today's
    const yesterday = await consignment()
      .post('/dispatches')
      .set('Authorization', tangerang.consignment)
      .send({
        agreementId: a1,
        dispatchedAt: new Date(Date.parse(`${today}T12:00:00+07:00`) - DAY).toISOString(),
        lines: [{ productId: keripik, lotCode: 'KT-2', expiryDate: expiry, quantity: 1 }],
      });
    const todays = await consignment()
      .post('/dispatches')
      .set('Authorization', tangerang.consignment)
      .send({ agreementId: a1, lines: [{ productId: keripik, lotCode: 'KT-3', expiryDate: expiry, quantity: 1 }] });
    expect([yesterday.body.lines[0].unitPrice, todays.body.lines[0].unitPrice]).toEqual([10_000, 12_000]);

    const ds = await env.dataSource('consignment');
    await expect(ds.query(`UPDATE agreement_price SET price = 1 WHERE agreement_id = $1`, [a1])).rejects.toThrow(/history/);
  });

  it('keeps PNBP targets as history: a revision adds a row, the one in effect is read, the history is shown', async () => {
    // last year's target, so the revision made "today" is kept within that year (31 December) whatever today is
    const year = Number(localDate(new Date(), 'Asia/Jakarta').slice(0, 4)) - 1;
    const put = (body: object) => reporting().put(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', ministry.reporting).send(body);
    const first = await put({ amount: 1_000_000 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: 1_000_000, effectiveFrom: `${year}-01-01` });
    const revised = await put({ amount: 1_200_000 });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ amount: 1_200_000, effectiveFrom: `${year}-12-31` });
    expect(revised.body.history.map((r: { amount: number; effectiveFrom: string }) => [r.amount, r.effectiveFrom])).toEqual([
      [1_000_000, `${year}-01-01`],
      [1_200_000, `${year}-12-31`],
    ]);
    expect((await put({ amount: 1_200_000, effectiveFrom: `${year}-12-31` })).status).toBe(200); // a retry
    const rewrite = await put({ amount: 1_300_000, effectiveFrom: `${year}-01-01` });
    expect(rewrite.status).toBe(409);
    expect(rewrite.body).toMatchObject({ code: 'TARGET_ALREADY_SET', details: { amount: 1_000_000, requested: 1_300_000 } });
    expect((await put({ amount: 1_300_000, effectiveFrom: `${year + 1}-01-01` })).body).toMatchObject({
      statusCode: 422,
      code: 'TARGET_OUTSIDE_YEAR',
    });
    const mid = await put({ amount: 1_100_000, effectiveFrom: `${year}-07-01` });
    expect(mid.body.history).toHaveLength(3);
    expect(mid.body.amount).toBe(1_200_000); // the revision in effect at the year's end

    const read = await reporting().get(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', tangerang.reporting);
    expect(read.body).toMatchObject({ uptCode: 'LP-TGR-1', year, amount: 1_200_000 });
    expect((await reporting().get(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', perempuan.reporting)).status).toBe(403);
    expect((await reporting().get(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', lounge.reporting)).status).toBe(403);
    expect(
      (await reporting().get(`/pnbp-targets/LP-TGR-1/${year}`).set('Authorization', bearer('kanwil', 'KW-BANTEN').reporting)).status,
    ).toBe(200);
    const progress = (await reporting().get(`/reports/pnbp-progress?year=${year}`).set('Authorization', ministry.reporting)).body;
    expect(progress).toMatchObject({ asOf: `${year}-12-31` });
    expect(progress.rows).toEqual([expect.objectContaining({ uptCode: 'LP-TGR-1', target: 1_200_000 })]);
    const ds = await env.dataSource('reporting');
    await expect(ds.query(`UPDATE pnbp_target SET amount = 1`)).rejects.toThrow(/history/);
  });

  it('checks a dispatch as of its date: not before its product was approved, not while it was suspended', async () => {
    const day = (offset: number) => localDate(new Date(Date.now() + offset * DAY), 'Asia/Jakarta');
    const created = await catalog()
      .post('/products')
      .set('Authorization', tangerang.catalog)
      .send({ sku: 'ANYAMAN-TGR-01', name: 'Anyaman bambu', category: 'craft', unit: 'piece', price: 20_000 });
    expect(created.status).toBe(201);
    const product = created.body.id as string;
    await catalog().post(`/products/${product}/submit`).set('Authorization', tangerang.catalog);
    const review = { decision: 'APPROVE', scores: { quality: 4, packaging: 4, compliance: 4, marketPotential: 4 } };
    const tomorrow = await catalog()
      .post(`/products/${product}/reviews`)
      .set('Authorization', curator.catalog)
      .send({ ...review, decidedOn: day(1) });
    expect(tomorrow.body).toMatchObject({ statusCode: 422, code: 'DECIDED_IN_FUTURE', details: { field: 'decidedOn' } });
    // the curation board decided ten days ago; the decision is recorded today
    const decidedOn = day(-10);
    let applied = (await consumerApplied('consignment', 'product-replica')) ?? 0;
    const approved = await catalog()
      .post(`/products/${product}/reviews`)
      .set('Authorization', curator.catalog)
      .send({ ...review, decidedOn });
    expect(approved.body.review).toMatchObject({ decidedOn });
    await replicated(applied);

    const dispatch = (dispatchedAt: string, lotCode: string) =>
      consignment()
        .post('/dispatches')
        .set('Authorization', tangerang.consignment)
        .send({ agreementId: a3, dispatchedAt, lines: [{ productId: product, lotCode, quantity: 2 }] });
    const early = await dispatch(new Date(Date.now() - 20 * DAY).toISOString(), 'AB-0');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      code: 'PRODUCT_NOT_YET_APPROVED',
      details: { line: 1, productId: product, approvedAt: new Date(`${decidedOn}T00:00:00+07:00`).toISOString() },
    });
    expect((await dispatch(new Date(Date.now() - 5 * DAY).toISOString(), 'AB-1')).status).toBe(201);

    // suspended for a while, then reinstated: a dispatch dated inside that while is refused, though the product is approved now
    applied = (await consumerApplied('consignment', 'product-replica')) ?? 0;
    expect(
      (await catalog().post(`/products/${product}/suspend`).set('Authorization', curator.catalog).send({ reason: 'label salah' })).status,
    ).toBe(200);
    const duringSuspension = new Date(Date.now() + 1_000).toISOString();
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await catalog().post(`/products/${product}/reinstate`).set('Authorization', curator.catalog)).status).toBe(200);
    await eventually(
      async () => ((await consumerApplied('consignment', 'product-replica')) ?? 0) >= applied + 2,
      20_000,
      'both replicated',
    );
    const suspended = await dispatch(duringSuspension, 'AB-2');
    expect(suspended.status).toBe(422);
    expect(suspended.body).toMatchObject({
      code: 'PRODUCT_SUSPENDED',
      details: { line: 1, suspendedFrom: expect.any(String), suspendedUntil: expect.any(String) },
    });
    expect((await dispatch(new Date().toISOString(), 'AB-3')).status).toBe(201);

    // a sale dated before the catalog price applied: PRICE_UNKNOWN names that day and suggests the price as the agreement's
    const received = (await consignment().get(`/dispatches?agreement=${a3}&status=IN_TRANSIT`).set('Authorization', juanda.consignment))
      .body.items;
    for (const d of received) {
      await consignment()
        .post(`/dispatches/${d.id}/receipt`)
        .set('Authorization', juanda.consignment)
        .send({ lines: [{ lineNo: 1, accepted: 2, damaged: 0, short: 0 }] });
    }
    const unpriced = await sell(juanda, {
      receiptNo: 'SBY-1',
      lineNo: 1,
      productId: product,
      quantity: 1,
      soldAt: new Date(Date.now() - 20 * DAY).toISOString(),
    });
    expect(unpriced.status).toBe(422);
    expect(unpriced.body).toMatchObject({
      code: 'PRICE_UNKNOWN',
      message: expect.stringContaining(`the catalog price applies from ${decidedOn}`),
      details: { productId: product, day: day(-20), catalogPriceFrom: decidedOn, suggestedAgreementPrice: 20_000 },
    });
  });

  it('refuses a list filter naming an agreement outside the caller’s scope, on every agreement-document list', async () => {
    const lists = ['/sales', '/sales/returns', '/returns', '/stock-counts', '/stock', '/dispatches', '/agreements'];
    for (const path of lists) {
      const mine = await consignment().get(`${path}?agreement=${a1}`).set('Authorization', lounge.consignment);
      expect([path, mine.status]).toEqual([path, 200]);
      const theirs = await consignment().get(`${path}?agreement=${a3}`).set('Authorization', lounge.consignment);
      expect([path, theirs.status, theirs.body.code]).toEqual([path, 403, 'OUT_OF_SCOPE']);
      const unknown = await consignment()
        .get(`${path}?agreement=0190c8e4-0000-7000-8000-00000000dead`)
        .set('Authorization', lounge.consignment);
      expect([path, unknown.status]).toEqual([path, 403]);
      expect((await consignment().get(`${path}?agreement=${a1}`).set('Authorization', perempuan.consignment)).status).toBe(403);
      expect((await consignment().get(`${path}?agreement=${a1}`).set('Authorization', bearer('kanwil', 'KW-DKI').consignment)).status).toBe(
        403,
      );
      expect((await consignment().get(`${path}?agreement=${a3}`).set('Authorization', bearer('kanwil', 'KW-DKI').consignment)).status).toBe(
        200,
      );
      expect(
        (await consignment().get(`${path}?agreement=0190c8e4-0000-7000-8000-00000000dead`).set('Authorization', admin.consignment)).body
          .total,
      ).toBe(0);
    }
    for (const path of ['/statements', '/reports/stock']) {
      expect((await reporting().get(`${path}?agreement=${a1}`).set('Authorization', lounge.reporting)).status).toBe(200);
      const theirs = await reporting().get(`${path}?agreement=${a3}`).set('Authorization', lounge.reporting);
      expect([path, theirs.status, theirs.body.code]).toEqual([path, 403, 'OUT_OF_SCOPE']);
      expect((await reporting().get(`${path}?agreement=${a1}`).set('Authorization', perempuan.reporting)).status).toBe(403);
      expect((await reporting().get(`${path}?agreement=${a1}`).set('Authorization', bearer('kanwil', 'KW-DKI').reporting)).status).toBe(
        403,
      );
      expect(
        (await reporting().get(`${path}?agreement=0190c8e4-0000-7000-8000-00000000dead`).set('Authorization', juanda.reporting)).status,
      ).toBe(403);
      expect((await reporting().get(`${path}?agreement=${a1}`).set('Authorization', ministry.reporting)).status).toBe(200);
    }
  });
});
