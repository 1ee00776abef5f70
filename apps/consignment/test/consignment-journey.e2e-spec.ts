import { topicName } from '@titipan/contracts';
import { DEV_JWT_SECRET, mintToken, type ServiceName } from '@titipan/platform';
import request from 'supertest';
import { freePort } from '../../../test/support/free-port';
import { eventually, TopicProbe } from '../../../test/support/kafka-probe';
import { TestEnvironment } from '../../../test/support/test-environment';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { startServiceProcess, type RunningService } from '../../../tools/service-process';

/** Dispatch, receipt and sales over HTTP against the catalog and consignment processes, real Postgres and Kafka. */
describe('consignment: dispatch, receipt and sales at the Tangerang lounge', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  let probe: TopicProbe;
  const bearer = (role: Parameters<typeof mintToken>[1]['role'], scope?: string) => `Bearer ${mintToken(DEV_JWT_SECRET, { role, scope })}`;
  const admin = bearer('admin');
  const upt = bearer('upt', 'LP-TGR-1');
  const otherUpt = bearer('upt', 'LPP-TGR');
  const lounge = bearer('venue', 'IMI-TGR-LOUNGE');
  const otherVenue = bearer('venue', 'IMI-SBY-JUANDA');
  const api = () => request(services.consignment.url);
  const day = 24 * 3600_000;
  const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);
  let agreementId: string;
  let keripik: string;
  let telang: string;

  const consumerApplied = async (name: string) => {
    const health = (await request(services.consignment.url).get('/health')).body;
    const consumer = Object.values(health.checks.consumers as Record<string, { groupId: string; lag: number; counters: { applied: number } }>).find((c) =>
      c.groupId.endsWith(name),
    );
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
    const products = (await request(services.catalog.url).get('/products?upt=LP-TGR-1&limit=200').set('Authorization', admin)).body.items;
    keripik = products.find((p: { sku: string }) => p.sku === 'KRP-TEMPE-100').id;
    telang = products.find((p: { sku: string }) => p.sku === 'TELANG-250').id;
  });
  afterAll(async () => {
    await probe?.stop();
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await env.dispose();
  });

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
    // keripik at its own consignment price; telang at the catalog price
    const draft = await api()
      .post('/agreements')
      .set('Authorization', admin)
      .send({ uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE', commissionBp: 0, validFrom: '2026-01-01', prices: [{ productId: keripik, price: 10_000 }] });
    expect(draft.body.status).toBe('DRAFT');
    agreementId = draft.body.id;
    expect((await api().post(`/agreements/${agreementId}/activate`).set('Authorization', admin)).body.status).toBe('ACTIVE');
    const second = await api().post('/agreements').set('Authorization', admin).send({ uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE', commissionBp: 500, validFrom: '2026-01-01' });
    const clash = await api().post(`/agreements/${second.body.id}/activate`).set('Authorization', admin);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('AGREEMENT_EXISTS');
    const unknownUpt = await api().post('/agreements').set('Authorization', admin).send({ uptCode: 'LP-NOWHERE', venueCode: 'IMI-TGR-LOUNGE', commissionBp: 0, validFrom: '2026-01-01' });
    expect(unknownUpt.body).toMatchObject({ statusCode: 422, code: 'UPT_UNKNOWN' });
  });

  it('dispatches goods, and the lounge confirms receipt with a damaged and a short line', async () => {
    const foreign = await api().post('/dispatches').set('Authorization', otherUpt).send({ agreementId, lines: [{ productId: keripik, lotCode: 'KT-1', expiryDate: dateIn(60), quantity: 20 }] });
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
    expect((await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', otherVenue).send(receiptBody)).status).toBe(403);
    const unbalanced = await api()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', lounge)
      .send({ lines: [{ ...receiptBody.lines[0], short: 0 }, receiptBody.lines[1]] });
    expect(unbalanced.body).toMatchObject({ statusCode: 422, code: 'RECEIPT_UNBALANCED', details: { line: 1 } });
    const received = await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', lounge).send(receiptBody);
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('RECEIVED');
    const again = await api().post(`/dispatches/${dispatch.body.id}/receipt`).set('Authorization', lounge).send(receiptBody);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'ALREADY_RECEIVED' });

    // an older lot, dispatched and received ten days ago, that has since expired
    const old = await api()
      .post('/dispatches')
      .set('Authorization', upt)
      .send({ agreementId, dispatchedAt: new Date(Date.now() - 10 * day).toISOString(), lines: [{ productId: keripik, lotCode: 'KT-OLD', expiryDate: dateIn(-3), quantity: 5 }] });
    expect(old.status).toBe(201);
    await api().post(`/dispatches/${old.body.id}/receipt`).set('Authorization', lounge).send({ receivedAt: new Date(Date.now() - 9 * day).toISOString(), lines: [{ lineNo: 1, accepted: 5, damaged: 0, short: 0 }] });

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
      { receiptNo: 'TGR-0001', lineNo: 2, productId: telang, quantity: 2, unitPrice: 7_000, soldAt },
      { receiptNo: 'TGR-0002', lineNo: 1, productId: keripik, quantity: 1, lotCode: 'KT-OLD', soldAt },
      { receiptNo: 'TGR-0003', lineNo: 1, productId: keripik, quantity: 100, soldAt },
    ];
    const first = await sell(lounge, lines);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0, refused: 2 });
    expect(first.body.lines[0]).toMatchObject({ status: 'accepted', allocations: [{ lotCode: 'KT-1', quantity: 5 }], unitPrice: 10_000, amount: 50_000 });
    expect(first.body.lines[1]).toMatchObject({ status: 'accepted', unitPrice: 7_000, listPrice: 8_000, amount: 14_000 });
    expect(first.body.lines[2]).toMatchObject({ status: 'refused', code: 'LOT_EXPIRED', details: { lotCode: 'KT-OLD' } });
    expect(first.body.lines[3]).toMatchObject({ status: 'refused', code: 'INSUFFICIENT_STOCK', details: { requested: 100, available: 13, expired: 5 } });

    // the till uploads the same day again: recognised, answered with the original result, counted once
    const retry = await sell(lounge, lines);
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 2, refused: 2 });
    expect(retry.body.lines[0]).toMatchObject({ status: 'duplicate', batchId: first.body.lines[0].batchId, amount: 50_000 });
    expect((await stockOf(keripik)).find((s) => s.lotCode === 'KT-1' && s.bucket === 'SELLABLE')!.quantity).toBe(13);

    const changed = await sell(lounge, [{ ...lines[0], quantity: 6 }]);
    expect(changed.body.lines[0]).toMatchObject({ status: 'refused', code: 'SALE_LINE_CONFLICT' });
  });

  it('refuses a single oversell, a future sale and another venue\'s attempt, changing nothing', async () => {
    const over = await api().post('/sales').set('Authorization', lounge).send({ receiptNo: 'TGR-0004', lineNo: 1, productId: keripik, quantity: 14, soldAt: new Date().toISOString() });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { requested: 14, available: 13 } });
    const future = await api().post('/sales').set('Authorization', lounge).send({ receiptNo: 'TGR-0005', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date(Date.now() + day).toISOString() });
    expect(future.body).toMatchObject({ statusCode: 422, code: 'SALE_IN_FUTURE' });
    const elsewhere = await api().post('/sales').set('Authorization', otherVenue).send({ receiptNo: 'SBY-1', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() });
    expect(elsewhere.body).toMatchObject({ statusCode: 422, code: 'AGREEMENT_INACTIVE' });
    expect((await api().post('/sales').set('Authorization', upt).send({ receiptNo: 'X', lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() })).status).toBe(403);
    expect((await stockOf(keripik)).find((s) => s.lotCode === 'KT-1' && s.bucket === 'SELLABLE')!.quantity).toBe(13);
  });

  it('never oversells the last units under concurrent sales', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api().post('/sales').set('Authorization', lounge).send({ receiptNo: `RACE-${i}`, lineNo: 1, productId: keripik, quantity: 1, soldAt: new Date().toISOString() }),
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
    expect(goods.items.map((s: { sku: string; lotCode: string; quantity: number }) => `${s.sku}/${s.lotCode}/${s.quantity}`).sort()).toEqual([
      'KRP-TEMPE-100/KT-1/1',
      'KRP-TEMPE-100/KT-OLD/5',
      'TELANG-250/BT-1/8',
    ]);
    expect((await api().get('/stock?venue=IMI-TGR-LOUNGE').set('Authorization', otherVenue)).body.code).toBe('OUT_OF_SCOPE');
    expect((await api().get('/stock?upt=LP-TGR-1').set('Authorization', otherUpt)).status).toBe(403);
  });

  it('publishes each step once, in order, keyed by the agreement', async () => {
    const ofAgreement = () =>
      probe.received.filter((r) => r.message.key?.toString() === agreementId).map((r) => JSON.parse(r.message.value!.toString()));
    await eventually(async () => ofAgreement().filter((e) => e.type === 'consignment.sales.recorded').length >= 14, 20_000, 'sale events');
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
    expect(firstSales.map((l: { receiptNo: string; amount: number }) => `${l.receiptNo}:${l.amount}`)).toEqual(['TGR-0001:50000', 'TGR-0001:14000']);
  });
});
