import { daysBetween, localDate, periodOf } from '@titipan/kernel';
import { buildEvent, StatementIssued, StatementPaid, topicName } from '@titipan/contracts';
import type { ServiceName } from '@titipan/platform';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { freePort } from '../../../test/support/free-port';
import { eventually, TopicProbe } from '../../../test/support/kafka-probe';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearer as bearerFor } from '../../../test/support/tokens';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { startServiceProcess, type RunningService } from '../../../tools/service-process';
import { cleanUp, stopEach } from '../../../test/support/clean-up';
import { serviceHealth } from '../../../tools/demo/api-client';

/** Dispatch, receipt and sales over HTTP against the catalog and consignment processes, real Postgres and Kafka. */
describe('consignment: dispatch, receipt and sales at the Tangerang lounge', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  let probe: TopicProbe;
  /** Tokens for consignment, where nearly every call goes; catalogAdmin reads the catalog. */
  const bearer = (role: Parameters<typeof bearerFor>[1], scope?: string) => bearerFor('consignment', role, scope);
  const admin = bearer('admin');
  const catalogAdmin = bearerFor('catalog', 'admin');
  const upt = bearer('upt', 'LP-TGR-1');
  const otherUpt = bearer('upt', 'LPP-TGR');
  const lounge = bearer('venue', 'IMI-TGR-LOUNGE');
  const otherVenue = bearer('venue', 'IMI-SBY-JUANDA');
  const api = () => request(services.consignment.url);
  const day = 24 * 3600_000;
  const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);
  let agreementId: string;
  let secondAgreement: string;
  let closedPeriod: string;
  let keripik: string;
  let telang: string;

  const consumerApplied = async (name: string) => {
    const health = await serviceHealth('consignment', services.consignment.url);
    const consumer = Object.values(
      health.checks.consumers as Record<string, { groupId: string; lag: number; counters: { applied: number } }>,
    ).find((c) => c.groupId.endsWith(name));
    return consumer && consumer.lag === 0 ? consumer.counters.applied : undefined;
  };
  const sell = (token: string, lines: object[]) => api().post('/sales/batches').set('Authorization', token).send({ lines });
  const stockOf = async (productId: string) =>
    (await api().get(`/stock?agreement=${agreementId}&product=${productId}&limit=200`).set('Authorization', admin)).body.items as {
      lotCode: string;
      bucket: string;
      quantity: number;
      sellable: boolean;
    }[];

  beforeAll(async () => {
    env = await TestEnvironment.create();
    for (const service of ['catalog', 'consignment'] as const) {
      services[service] = await startServiceProcess(service, env.env(service, await freePort()));
    }
    probe = await new TopicProbe(env.kafka, [topicName('consignment', env.topicPrefix)]).start();
    await seedCatalog(services.catalog.url);
    await eventually(async () => ((await consumerApplied('product-replica')) ?? 0) >= 14, 30_000, 'product replica');
    await eventually(async () => ((await consumerApplied('directory-replica')) ?? 0) >= 10, 30_000, 'directory replica');
    const products = (await request(services.catalog.url).get('/products?upt=LP-TGR-1&limit=200').set('Authorization', catalogAdmin)).body
      .items;
    keripik = products.find((p: { sku: string }) => p.sku === 'KRP-TEMPE-100').id;
    telang = products.find((p: { sku: string }) => p.sku === 'TELANG-250').id;
  });
  afterAll(() =>
    cleanUp(
      () => probe?.stop(),
      stopEach(services),
      () => env?.dispose(),
    ),
  );

  it('registers the lounge and activates an agreement with Lapas Tangerang; only one can be active', async () => {
    const venue = await api().post('/venues').set('Authorization', admin).send({
      code: 'IMI-TGR-LOUNGE',
      name: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang',
      partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang',
      type: 'immigration-lounge',
      kanwilCode: 'KW-BANTEN',
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: true,
    });
    expect(venue.status).toBe(201);
    // keripik at its own consignment price; telang at the catalog price; up to 15 % off with a reason
    const draft = await api()
      .post('/agreements')
      .set('Authorization', admin)
      .send({
        uptCode: 'LP-TGR-1',
        venueCode: 'IMI-TGR-LOUNGE',
        commissionBp: 0,
        maxDiscountBp: 1_500,
        validFrom: '2026-01-01',
        prices: [{ productId: keripik, price: 10_000 }],
      });
    expect(draft.body.status).toBe('DRAFT');
    agreementId = draft.body.id;
    expect((await api().post(`/agreements/${agreementId}/activate`).set('Authorization', admin)).body.status).toBe('ACTIVE');
    const second = await api()
      .post('/agreements')
      .set('Authorization', admin)
      .send({ uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE', commissionBp: 500, validFrom: '2026-01-01' });
    const clash = await api().post(`/agreements/${second.body.id}/activate`).set('Authorization', admin);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('AGREEMENT_EXISTS');
    const unknownUpt = await api()
      .post('/agreements')
      .set('Authorization', admin)
      .send({ uptCode: 'LP-NOWHERE', venueCode: 'IMI-TGR-LOUNGE', commissionBp: 0, validFrom: '2026-01-01' });
    expect(unknownUpt.body).toMatchObject({ statusCode: 422, code: 'UPT_UNKNOWN' });
  });

  it('dispatches goods, and the lounge confirms receipt with a damaged and a short line', async () => {
    const foreign = await api()
      .post('/dispatches')
      .set('Authorization', otherUpt)
      .send({ agreementId, lines: [{ productId: keripik, lotCode: 'KT-1', expiryDate: dateIn(60), quantity: 20 }] });
    expect(foreign.status).toBe(403);

    const dispatch = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({
        agreementId,
        lines: [
          { productId: keripik, lotCode: 'KT-1', expiryDate: dateIn(60), quantity: 20 },
          { productId: telang, lotCode: 'BT-1', expiryDate: dateIn(25), quantity: 10 },
        ],
      });
    expect(dispatch.status).toBe(201);
    expect(dispatch.body).toMatchObject({ status: 'IN_TRANSIT', number: `SJ/LP-TGR-1/${new Date().getFullYear()}/0001` });
    expect(dispatch.body.lines.map((l: { unitPrice: number }) => l.unitPrice)).toEqual([10_000, 8_000]);

    const receiptBody = {
      lines: [
        { lineNo: 1, accepted: 18, damaged: 1, short: 1, reason: 'satu bungkus sobek, satu kurang' },
        { lineNo: 2, accepted: 10, damaged: 0, short: 0 },
      ],
    };
    expect((await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', otherVenue).send(receiptBody)).status).toBe(
      403,
    );
    const unbalanced = await api()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ lines: [{ ...receiptBody.lines[0], short: 0 }, receiptBody.lines[1]] });
    expect(unbalanced.body).toMatchObject({ statusCode: 422, code: 'RECEIPT_UNBALANCED', details: { line: 1 } });
    const received = await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', lounge).send(receiptBody);
    expect(received.status).toBe(201);
    expect(received.body.status).toBe('RECEIVED');
    const again = await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', lounge).send(receiptBody);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'ALREADY_RECEIVED' });

    // an older lot, dispatched and received ten days ago, that has since expired
    const old = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({
        agreementId,
        dispatchedAt: new Date(Date.now() - 10 * day).toISOString(),
        lines: [{ productId: keripik, lotCode: 'KT-OLD', expiryDate: dateIn(-3), quantity: 5 }],
      });
    expect(old.status).toBe(201);
    await api()
      .post(`/dispatches/${old.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ receivedAt: new Date(Date.now() - 9 * day).toISOString(), lines: [{ lineNo: 1, accepted: 5, damaged: 0, short: 0 }] });

    const stock = await stockOf(keripik);
    expect(stock.map((s) => [s.lotCode, s.bucket, s.quantity, s.sellable])).toEqual([
      ['KT-OLD', 'SELLABLE', 5, false],
      ['KT-1', 'QUARANTINE', 1, false],
      ['KT-1', 'SELLABLE', 18, true],
    ]);
  });

  it('records a batch per line: FEFO skips the expired lot, a discount is recorded, an expired lot and an oversell are refused with figures', async () => {
    const soldAt = new Date().toISOString();
    const lines = [
      { receiptNo: 'TGR-0001', lineNo: 1, productId: keripik, quantity: 5, soldAt },
      { receiptNo: 'TGR-0001', lineNo: 2, productId: telang, quantity: 2, unitPrice: 7_000, discountReason: 'DAMAGED_PACKAGING', soldAt },
      { receiptNo: 'TGR-0002', lineNo: 1, productId: keripik, quantity: 1, lotCode: 'KT-OLD', soldAt },
      { receiptNo: 'TGR-0003', lineNo: 1, productId: keripik, quantity: 100, soldAt },
    ];
    const first = await sell(lounge, lines);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0, refused: 2 });
    expect(first.body.lines[0]).toMatchObject({
      status: 'accepted',
      allocations: [{ lotCode: 'KT-1', quantity: 5 }],
      unitPrice: 10_000,
      amount: 50_000,
    });
    expect(first.body.lines[1]).toMatchObject({
      status: 'accepted',
      unitPrice: 7_000,
      listPrice: 8_000,
      amount: 14_000,
      discountReason: 'DAMAGED_PACKAGING',
    });
    expect(first.body.lines[2]).toMatchObject({ status: 'refused', code: 'LOT_EXPIRED', details: { lotCode: 'KT-OLD' } });
    expect(first.body.lines[3]).toMatchObject({
      status: 'refused',
      code: 'INSUFFICIENT_STOCK',
      details: { requested: 100, available: 13, expired: 5 },
    });

    // the till uploads the same day again: recognised, answered with the original result, counted once
    const retry = await sell(lounge, lines);
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 2, refused: 2 });
    expect(retry.body.lines[0]).toMatchObject({ status: 'duplicate', batchId: first.body.lines[0].batchId, amount: 50_000 });
    expect((await stockOf(keripik)).find((s) => s.lotCode === 'KT-1' && s.bucket === 'SELLABLE')!.quantity).toBe(13);

    const changed = await sell(lounge, [{ ...lines[0], quantity: 6 }]);
    expect(changed.body.lines[0]).toMatchObject({ status: 'refused', code: 'SALE_LINE_CONFLICT' });
  });

  it("refuses a single oversell, a future sale and another venue's attempt, changing nothing", async () => {
    const over = await api()
      .post('/sales')
      .set('Authorization', lounge)
      .send({ receiptNo: 'TGR-0004', lineNo: 1, productId: keripik, quantity: 14, soldAt: new Date().toISOString() });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { requested: 14, available: 13 } });
    const future = await api()
      .post('/sales')
      .set('Authorization', lounge)
      .send({ receiptNo: 'TGR-0005', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date(Date.now() + day).toISOString() });
    expect(future.body).toMatchObject({ statusCode: 422, code: 'SALE_IN_FUTURE' });
    const elsewhere = await api()
      .post('/sales')
      .set('Authorization', otherVenue)
      .send({ receiptNo: 'SBY-1', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() });
    expect(elsewhere.body).toMatchObject({ statusCode: 422, code: 'AGREEMENT_INACTIVE' });
    expect(
      (
        await api()
          .post('/sales')
          .set('Authorization', upt)
          .send({ receiptNo: 'X', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() })
      ).status,
    ).toBe(403);
    expect((await stockOf(keripik)).find((s) => s.lotCode === 'KT-1' && s.bucket === 'SELLABLE')!.quantity).toBe(13);
  });

  it('never oversells the last units under concurrent sales', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api()
          .post('/sales')
          .set('Authorization', lounge)
          .send({ receiptNo: `RACE-${i}`, lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(13);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(attempts.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(true);
    expect((await stockOf(keripik)).find((s) => s.lotCode === 'KT-1' && s.bucket === 'SELLABLE')).toBeUndefined();

    // balances are exactly the sum of the immutable ledger
    const ds = await env.dataSource('consignment');
    const mismatches = await ds.query(`
      SELECT b.lot_code, b.bucket, b.quantity, m.total FROM stock_balance b
        JOIN (SELECT agreement_id, product_id, lot_code, bucket, sum(quantity) AS total FROM stock_movement GROUP BY 1, 2, 3, 4) m
          USING (agreement_id, product_id, lot_code, bucket)
       WHERE b.quantity <> m.total`);
    expect(mismatches).toEqual([]);
    await expect(ds.query(`UPDATE stock_movement SET quantity = 1`)).rejects.toThrow(/immutable/);
  });

  it('shows stock on hand per venue and per UPT within scope', async () => {
    const mine = (await api().get('/stock').set('Authorization', lounge)).body;
    expect(mine.items.every((s: { venueCode: string }) => s.venueCode === 'IMI-TGR-LOUNGE')).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    const goods = (await api().get('/stock?upt=LP-TGR-1').set('Authorization', upt)).body;
    expect(
      goods.items.map((s: { sku: string; lotCode: string; quantity: number }) => `${s.sku}/${s.lotCode}/${s.quantity}`).sort(),
    ).toEqual(['KRP-TEMPE-100/KT-1/1', 'KRP-TEMPE-100/KT-OLD/5', 'TELANG-250/BT-1/8']);
    expect((await api().get('/stock?venue=IMI-TGR-LOUNGE').set('Authorization', otherVenue)).body.code).toBe('OUT_OF_SCOPE');
    expect((await api().get('/stock?upt=LP-TGR-1').set('Authorization', otherUpt)).status).toBe(403);
  });

  it('publishes each step once, in order, keyed by the agreement', async () => {
    const ofAgreement = () =>
      probe.received.filter((r) => r.message.key?.toString() === agreementId).map((r) => JSON.parse(r.message.value!.toString()));
    await eventually(
      () => Promise.resolve(ofAgreement().filter((e) => e.type === 'consignment.sales.recorded').length >= 14),
      20_000,
      'sale events',
    );
    await new Promise((r) => setTimeout(r, 300));
    const events = ofAgreement();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(probe.received.filter((r) => r.message.key?.toString() === agreementId).map((r) => r.partition)).size).toBe(1);
    expect(events.map((e) => e.type)).toEqual([
      'consignment.agreement.activated',
      'consignment.dispatch.created',
      'consignment.receipt.confirmed',
      'consignment.dispatch.created',
      'consignment.receipt.confirmed',
      'consignment.sales.recorded',
      ...Array(13).fill('consignment.sales.recorded'),
    ]);
    const receipt = events[2].data;
    expect(receipt.lines[0]).toMatchObject({ dispatched: 20, accepted: 18, damaged: 1, short: 1 });
    const firstSales = events[5].data.lines;
    expect(firstSales.map((l: { receiptNo: string; amount: number }) => `${l.receiptNo}:${l.amount}`)).toEqual([
      'TGR-0001:50000',
      'TGR-0001:14000',
    ]);
  });

  it('reverses a customer return onto the lot it was sold from, once, and never more than was sold', async () => {
    const body = { returnNo: 'RT-0001', receiptNo: 'TGR-0001', lineNo: 2, quantity: 1, resellable: true, reason: 'salah rasa' };
    const first = await api().post('/sales/returns').set('Authorization', lounge).send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'accepted',
      amount: 7_000,
      lots: [{ lotCode: 'BT-1', bucket: 'SELLABLE', quantity: 1, unitPrice: 7_000 }],
    });
    expect((await api().post('/sales/returns').set('Authorization', lounge).send(body)).body.status).toBe('duplicate');
    const tooMany = await api()
      .post('/sales/returns')
      .set('Authorization', lounge)
      .send({ ...body, returnNo: 'RT-0002', quantity: 2 });
    expect(tooMany.body).toMatchObject({ statusCode: 422, code: 'RETURN_EXCEEDS_SALE', details: { sold: 2, returned: 1, requested: 2 } });
    const unknown = await api()
      .post('/sales/returns')
      .set('Authorization', lounge)
      .send({ ...body, returnNo: 'RT-0003', receiptNo: 'NOPE' });
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'SALE_LINE_NOT_FOUND' });
    expect((await stockOf(telang)).find((s) => s.lotCode === 'BT-1')!.quantity).toBe(9);
  });

  it('sends damaged and expired goods back to the UPT, which confirms arrival', async () => {
    const shipped = await api()
      .post('/returns')
      .set('Authorization', lounge)
      .send({ agreementId, reason: 'expired', lines: [{ productId: keripik, lotCode: 'KT-OLD', quantity: 5 }] });
    expect(shipped.status).toBe(201);
    expect(shipped.body).toMatchObject({
      status: 'SHIPPED',
      lines: [{ lotCode: 'KT-OLD', bucket: 'SELLABLE', quantity: 5, unitPrice: 10_000 }],
    });
    const damaged = await api()
      .post('/returns')
      .set('Authorization', lounge)
      .send({ agreementId, reason: 'damaged', lines: [{ productId: keripik, lotCode: 'KT-1', bucket: 'QUARANTINE', quantity: 2 }] });
    expect(damaged.body).toMatchObject({ statusCode: 409, code: 'INSUFFICIENT_STOCK', details: { requested: 2, available: 1 } });
    await api()
      .post('/returns')
      .set('Authorization', lounge)
      .send({ agreementId, reason: 'damaged', lines: [{ productId: keripik, lotCode: 'KT-1', bucket: 'QUARANTINE', quantity: 1 }] });

    expect((await api().post(`/returns/${shipped.body.id}/receive`).set('Authorization', otherUpt)).status).toBe(403);
    expect((await api().post(`/returns/${shipped.body.id}/receive`).set('Authorization', upt)).body.status).toBe('RECEIVED');
    expect((await api().post(`/returns/${shipped.body.id}/receive`).set('Authorization', upt)).body.code).toBe('ALREADY_RECEIVED');
    expect((await stockOf(keripik)).map((s) => `${s.lotCode}/${s.bucket}/${s.quantity}`)).toEqual([]);
  });

  it("turns a stock count's shrinkage into an adjustment", async () => {
    const count = await api()
      .post('/stock-counts')
      .set('Authorization', lounge)
      .send({ agreementId, reason: 'stock opname: satu botol hilang', lines: [{ productId: telang, lotCode: 'BT-1', counted: 8 }] });
    expect(count.status).toBe(201);
    expect(count.body.lines).toEqual([expect.objectContaining({ lotCode: 'BT-1', book: 9, counted: 8, variance: -1, unitPrice: 8_000 })]);
    expect((await stockOf(telang)).find((s) => s.lotCode === 'BT-1')!.quantity).toBe(8);
    const stranger = await api()
      .post('/stock-counts')
      .set('Authorization', otherVenue)
      .send({ agreementId, reason: 'x', lines: [{ productId: telang, lotCode: 'BT-1', counted: 0 }] });
    expect(stranger.status).toBe(403);
  });

  it('closes an ended month with control totals, after which nothing may be dated in it', async () => {
    const makaroni = (await request(services.catalog.url).get('/products?upt=LPP-TGR&sku=MAKARONI-150').set('Authorization', catalogAdmin))
      .body.items[0].id;
    const created = await api()
      .post('/agreements')
      .set('Authorization', admin)
      .send({
        uptCode: 'LPP-TGR',
        venueCode: 'IMI-TGR-LOUNGE',
        commissionBp: 1000,
        maxDiscountBp: 2_000,
        validFrom: '2026-01-01',
        prices: [{ productId: makaroni, price: 15_000 }],
      });
    const second = created.body.id;
    await api().post(`/agreements/${second}/activate`).set('Authorization', admin);
    // a few days before this month began, in WIB
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 5 * day);
    const period = periodOf(lastMonth, 'Asia/Jakarta');
    const upt2 = bearer('upt', 'LPP-TGR');
    const dispatch = await api()
      .post('/dispatches')
      .set('Authorization', upt2)
      .send({
        agreementId: second,
        dispatchedAt: lastMonth.toISOString(),
        lines: [{ productId: makaroni, lotCode: 'MK-1', expiryDate: dateIn(50), quantity: 10 }],
      });
    expect(dispatch.status).toBe(201);
    const receivedAt = new Date(lastMonth.getTime() + 3600_000).toISOString();
    await api()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ receivedAt, lines: [{ lineNo: 1, accepted: 9, damaged: 0, short: 1, reason: 'kurang satu' }] });
    const soldAt = new Date(lastMonth.getTime() + 2 * 3600_000).toISOString();
    const sold = await sell(lounge, [
      { receiptNo: 'MK-0001', lineNo: 1, productId: makaroni, quantity: 3, soldAt },
      { receiptNo: 'MK-0001', lineNo: 2, productId: makaroni, quantity: 1, unitPrice: 12_000, discountReason: 'NEAR_EXPIRY', soldAt },
    ]);
    expect(sold.body.accepted).toBe(2);

    expect(
      (
        await api()
          .post(`/agreements/${second}/periods/${periodOf(now, 'Asia/Jakarta')}/close`)
          .set('Authorization', admin)
      ).body.code,
    ).toBe('PERIOD_NOT_ENDED');
    expect((await api().post(`/agreements/${second}/periods/${period}/close`).set('Authorization', upt)).status).toBe(403);
    const close = await api().post(`/agreements/${second}/periods/${period}/close`).set('Authorization', lounge);
    expect(close.status).toBe(200);
    expect(close.body.controlTotals).toEqual({
      movements: [
        { kind: 'RECEIVED', count: 1, quantity: 9, amount: 135_000 },
        { kind: 'SOLD', count: 2, quantity: -4, amount: -57_000 },
      ],
      receipts: 1,
      shortQuantity: 1,
      saleLines: 2,
    });
    expect((await api().post(`/agreements/${second}/periods/${period}/close`).set('Authorization', admin)).body.code).toBe(
      'PERIOD_ALREADY_CLOSED',
    );

    const late = await sell(lounge, [{ receiptNo: 'MK-0002', lineNo: 1, productId: makaroni, quantity: 1, soldAt }]);
    expect(late.body.lines[0]).toMatchObject({ status: 'refused', code: 'PERIOD_CLOSED', details: { period } });
    const lateReturn = await api()
      .post('/sales/returns')
      .set('Authorization', lounge)
      .send({ returnNo: 'RT-MK-1', receiptNo: 'MK-0001', lineNo: 1, quantity: 1, resellable: true, reason: 'x', returnedAt: soldAt });
    expect(lateReturn.body.code).toBe('PERIOD_CLOSED');
    // the next month stays open
    expect(
      (await sell(lounge, [{ receiptNo: 'MK-0003', lineNo: 1, productId: makaroni, quantity: 1, soldAt: new Date().toISOString() }])).body
        .accepted,
    ).toBe(1);

    await probe.waitFor(
      1,
      (r) => r.message.key?.toString() === second && r.message.value!.toString().includes('"consignment.period.closed"'),
    );
    const events = probe.received
      .filter((r) => r.message.key?.toString() === second)
      .map((r) => JSON.parse(r.message.value!.toString()).type);
    expect(events.indexOf('consignment.period.closed')).toBe(4); // after activation, dispatch, receipt, sales
    secondAgreement = second;
    closedPeriod = period;
  });

  it('shows on the agreement which closed months are settled, from reporting.events', async () => {
    const periods = async () => (await api().get(`/agreements/${secondAgreement}/periods`).set('Authorization', lounge)).body;
    expect((await periods()).items[0]).toMatchObject({ period: closedPeriod, settlement: 'PENDING' });
    const context = {
      source: 'reporting',
      actor: { id: 'venue@IMI-TGR-LOUNGE', role: 'venue' as const, scope: 'IMI-TGR-LOUNGE' },
      correlationId: 'settle-1',
    };
    const ref = { statementId: '0190c8e4-0000-7000-8000-00000000a001', agreementId: secondAgreement, period: closedPeriod };
    const paid = buildEvent(StatementPaid, { ...ref, amount: 51_300, paidOn: '2026-11-05', transferReference: 'TRF-001' }, context);
    const issued = buildEvent(
      StatementIssued,
      { ...ref, issuedAt: '2026-11-02T01:00:00+00:00', proceeds: 51_300, digest: 'a'.repeat(64) },
      context,
    );
    const producer = env.kafka.producer();
    await producer.connect();
    // a payment is applied only after its statement was reported issued (consignment's payment rules); an issued
    // delivered again afterwards under a new id, as a re-drive might, does not move the month back
    const issuedAgain = { ...issued, id: uuidv7() };
    for (const e of [issued, paid, issuedAgain]) {
      await producer.send({
        topic: topicName('reporting', env.topicPrefix),
        messages: [{ key: e.partitionKey, value: JSON.stringify(e) }],
      });
    }
    await producer.disconnect();
    // all three applied (none dead-lettered), the last one included
    await eventually(async () => ((await consumerApplied('settlement-status')) ?? 0) >= 3, 20_000, 'settlement events applied');
    const [settled] = (await periods()).items;
    expect(settled).toMatchObject({ settlement: 'PAID', statementId: ref.statementId, proceeds: 51_300, paidAmount: 51_300 });
    expect((await api().get(`/agreements/${secondAgreement}/periods`).set('Authorization', otherVenue)).status).toBe(403);
  });

  it('publishes the after-sale steps of the first agreement once, in order', async () => {
    await probe.waitFor(
      1,
      (r) => r.message.key?.toString() === agreementId && r.message.value!.toString().includes('"consignment.stock.adjusted"'),
    );
    const types = probe.received
      .filter((r) => r.message.key?.toString() === agreementId)
      .map((r) => JSON.parse(r.message.value!.toString()).type);
    expect(types.slice(19)).toEqual([
      'consignment.sale.reversed',
      'consignment.return.shipped',
      'consignment.return.shipped',
      'consignment.return.received',
      'consignment.stock.adjusted',
    ]);
  });

  it('flags lots expiring within the window, and warns about each lot once', async () => {
    const daysLeft = daysBetween(localDate(new Date(), 'Asia/Jakarta'), dateIn(25));
    const within = (await api().get('/stock/near-expiry').set('Authorization', lounge)).body.items;
    expect(within).toEqual([
      expect.objectContaining({ agreementId, sku: 'TELANG-250', lotCode: 'BT-1', quantity: 8, daysLeft, flagged: false }),
    ]);
    expect((await api().get('/stock/near-expiry?days=10').set('Authorization', lounge)).body).toMatchObject({ items: [], total: 0 });
    expect((await api().get('/stock/near-expiry').set('Authorization', otherVenue)).body).toMatchObject({ items: [], total: 0 });

    expect((await api().post('/stock/near-expiry/scan').set('Authorization', lounge)).status).toBe(403);
    const scan = await api().post('/stock/near-expiry/scan').set('Authorization', admin);
    expect(scan.body.flagged.map((l: { lotCode: string }) => l.lotCode)).toEqual(['BT-1']);
    expect((await api().post('/stock/near-expiry/scan').set('Authorization', admin)).body.flagged).toEqual([]);
    const [warning] = await probe.waitFor(1, (r) => r.message.value!.toString().includes('"consignment.lot.near-expiry"'));
    expect(warning.message.key?.toString()).toBe(agreementId);
    expect(JSON.parse(warning.message.value!.toString()).data).toMatchObject({ productId: telang, lotCode: 'BT-1', quantity: 8, daysLeft });
    await new Promise((r) => setTimeout(r, 300));
    expect(probe.received.filter((r) => r.message.value!.toString().includes('"consignment.lot.near-expiry"'))).toHaveLength(1);
  });

  it('cancels a dispatch only while in transit, and asks perishables for their expiry date', async () => {
    const noExpiry = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({ agreementId, lines: [{ productId: keripik, lotCode: 'KT-2', quantity: 5 }] });
    expect(noExpiry.body).toMatchObject({ statusCode: 400, code: 'EXPIRY_REQUIRED', details: { field: 'expiryDate' } });
    const dispatch = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({ agreementId, lines: [{ productId: keripik, lotCode: 'KT-2', expiryDate: dateIn(40), quantity: 5 }] });
    expect((await api().post(`/dispatches/${dispatch.body.id}/cancel`).set('Authorization', otherUpt).send({ reason: 'x' })).status).toBe(
      403,
    );
    const cancelled = await api().post(`/dispatches/${dispatch.body.id}/cancel`).set('Authorization', upt).send({ reason: 'truk rusak' });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'truk rusak' });
    const late = await api()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ lines: [{ lineNo: 1, accepted: 5, damaged: 0, short: 0 }] });
    expect(late.body).toMatchObject({ statusCode: 409, code: 'DISPATCH_CANCELLED', details: { current: 'CANCELLED' } });
    expect((await api().post(`/dispatches/${dispatch.body.id}/cancel`).set('Authorization', upt).send({ reason: 'lagi' })).body.code).toBe(
      'DISPATCH_CANCELLED',
    );
  });

  it("accepts a day's upload of 3,000 lines in one request, published in events of at most 500 lines", async () => {
    const paving = (await request(services.catalog.url).get('/products?upt=LP-TGR-1&sku=PAVING-K100').set('Authorization', catalogAdmin))
      .body.items[0].id;
    const dispatch = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({ agreementId, lines: [{ productId: paving, lotCode: 'PV-1', quantity: 3000 }] });
    expect(dispatch.body.lines[0]).toMatchObject({ expiryDate: '9999-12-31', unitPrice: 2_500 });
    await api()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ lines: [{ lineNo: 1, accepted: 3000, damaged: 0, short: 0 }] });
    const soldAt = new Date().toISOString();
    const lines = Array.from({ length: 3000 }, (_, i) => ({
      receiptNo: `PV-${Math.floor(i / 10)}`,
      lineNo: (i % 10) + 1,
      productId: paving,
      quantity: 1,
      soldAt,
    }));
    const result = await sell(lounge, lines);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ accepted: 3000, duplicates: 0, refused: 0 });
    expect((await stockOf(paving)).find((s) => s.lotCode === 'PV-1')).toBeUndefined();
    const tooLong = await sell(
      lounge,
      Array.from({ length: 5001 }, (_, i) => ({ receiptNo: `PV-BIG-${i}`, lineNo: 1, productId: paving, quantity: 1, soldAt })),
    );
    expect(tooLong.status).toBe(413);
    expect(tooLong.body).toMatchObject({ code: 'BATCH_TOO_LARGE', details: { max: 5000, received: 5001 } });
    const events = await probe.waitFor(
      6,
      (r) => r.message.value!.toString().includes('"consignment.sales.recorded"') && r.message.value!.toString().includes('"PV-'),
    );
    expect(events.map((e) => JSON.parse(e.message.value!.toString()).data.lines.length)).toEqual([500, 500, 500, 500, 500, 500]);
  });

  it('stops dispatching and selling a product once the catalog suspends it', async () => {
    const appliedBefore = (await consumerApplied('product-replica')) ?? 0;
    const curator = bearerFor('catalog', 'curator', 'KW-BANTEN');
    expect(
      (
        await request(services.catalog.url)
          .post(`/products/${telang}/suspend`)
          .set('Authorization', curator)
          .send({ reason: 'penarikan: label salah' })
      ).status,
    ).toBe(200);
    await eventually(async () => ((await consumerApplied('product-replica')) ?? 0) > appliedBefore, 20_000, 'suspension replicated');
    const sale = await api()
      .post('/sales')
      .set('Authorization', lounge)
      .send({ receiptNo: 'TGR-0100', lineNo: 1, productId: telang, quantity: 1, soldAt: new Date().toISOString() });
    expect(sale.body).toMatchObject({ statusCode: 422, code: 'PRODUCT_SUSPENDED' });
    const dispatch = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({ agreementId, lines: [{ productId: telang, lotCode: 'BT-2', expiryDate: dateIn(30), quantity: 1 }] });
    expect(dispatch.body).toMatchObject({ statusCode: 422, code: 'PRODUCT_SUSPENDED' });
    expect((await stockOf(telang)).find((s) => s.lotCode === 'BT-1')).toMatchObject({ quantity: 8, sellable: false });
  });

  it('lists the venue documents within scope, filtered and paged', async () => {
    const sales = (await api().get('/sales?receiptNo=TGR-0001').set('Authorization', lounge)).body;
    expect(sales.items.map((l: { lineNo: number; amount: number }) => `${l.lineNo}:${l.amount}`)).toEqual(['1:50000', '2:14000']);
    expect((await api().get('/sales?receiptNo=TGR-0001').set('Authorization', otherVenue)).body.total).toBe(0);
    const page = (await api().get(`/sales?agreement=${agreementId}&limit=10&offset=10`).set('Authorization', upt)).body;
    expect(page).toMatchObject({ limit: 10, offset: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThan(3000);
    expect(
      (await api().get('/sales/returns').set('Authorization', lounge)).body.items.map((r: { returnNo: string }) => r.returnNo),
    ).toEqual(['RT-0001']);
    const returns = (await api().get(`/returns?agreement=${agreementId}`).set('Authorization', upt)).body;
    expect(returns.items.map((r: { reason: string; status: string }) => `${r.reason}:${r.status}`)).toEqual([
      'expired:RECEIVED',
      'damaged:SHIPPED',
    ]);
    expect((await api().get(`/returns/${returns.items[0].id}`).set('Authorization', otherVenue)).status).toBe(404);
    expect((await api().get(`/returns/${returns.items[0].id}`).set('Authorization', lounge)).body.status).toBe('RECEIVED');
    expect((await api().get('/stock-counts').set('Authorization', lounge)).body.total).toBe(1);
    expect((await api().get('/sales?period=2026-13').set('Authorization', lounge)).status).toBe(400);
  });
});
