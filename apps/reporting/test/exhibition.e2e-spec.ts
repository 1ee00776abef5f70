import { localDate } from '@titipan/kernel';
import { addDays } from '@titipan/contracts';
import { type ServiceName } from '@titipan/platform';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { type RunningService } from '../../../tools/service-process';
import { serviceHealth } from '../../../tools/demo/api-client';
import { cleanUp, stopEach } from '../../../test/support/clean-up';
import { eventually } from '../../../test/support/kafka-probe';
import { startServices } from '../../../test/support/stack';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearers } from '../../../test/support/tokens';

type Tokens = Record<ServiceName, string>;

/**
 * An exhibition in reporting (issue 19): a three-UPT PIPAS Banten edition over three days in WITA, sold, returned
 * and closed through consignment; each UPT's statement of the event period, to the rupiah against figures
 * computed here by hand; and the exhibition report against an earlier edition of the series.
 */
describe('reporting: an exhibition', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const admin = bearers('admin');
  const ministry = bearers('ministry');
  const kanwil = bearers('kanwil', 'KW-BANTEN');
  const otherKanwil = bearers('kanwil', 'KW-DKI');
  const booth = bearers('venue', 'PIPAS-BTN-REP');
  const senders: Record<string, Tokens> = {
    'LP-TGR-1': bearers('upt', 'LP-TGR-1'),
    'LPP-TGR': bearers('upt', 'LPP-TGR'),
    'LP-SRG': bearers('upt', 'LP-SRG'),
  };
  const consignment = () => request(services.consignment.url);
  const reporting = () => request(services.reporting.url);

  const WITA = 'Asia/Makassar';
  const today = localDate(new Date(), WITA);
  const first = addDays(today, -4);
  const last = addDays(today, -2);
  const period = `${first}..${last}`;
  const wita = (day: string, time: string) => `${day}T${time}+08:00`;
  const expiry = addDays(today, 120);
  const body = {
    code: 'PIPAS-BTN-REP',
    name: 'PIPAS Banten (reporting e2e)',
    series: 'PIPAS Banten (reporting e2e)',
    edition: 'this',
    location: 'Alun-alun Kota Serang',
    timeZone: WITA,
    first,
    last,
    returnWindowDays: 1,
    commissionBp: 1_000,
    maxDiscountBp: 500,
    uptCodes: ['LP-TGR-1', 'LPP-TGR', 'LP-SRG'],
  };
  let exhibitionId: string;
  let previousId: string;
  const agreementOf: Record<string, string> = {};
  const productOf: Record<string, string> = {};

  const consumerApplied = async (service: ServiceName, name: string) => {
    const consumers = Object.values<{ groupId: string; lag: number; counters: { applied: number } }>(
      (await serviceHealth(service, services[service].url)).checks.consumers,
    );
    const c = consumers.find((x) => x.groupId.endsWith(name));
    return c && c.lag === 0 ? c.counters.applied : undefined;
  };
  const line = (receiptNo: string, sku: string, quantity: number, soldAt: string) => ({
    receiptNo,
    lineNo: 1,
    productId: productOf[sku],
    quantity,
    soldAt,
  });

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
    await seedCatalog(services.catalog.url);
    await eventually(async () => ((await consumerApplied('consignment', 'product-replica')) ?? 0) >= 14, 30_000, 'product replica');
    await eventually(async () => ((await consumerApplied('consignment', 'directory-replica')) ?? 0) >= 10, 30_000, 'directory replica');
    for (const [upt, sku] of [
      ['LP-TGR-1', 'KRP-TEMPE-100'],
      ['LPP-TGR', 'TAS-JEANS-PITA'],
      ['LP-SRG', 'LIDI-PIRING'],
    ]) {
      productOf[sku] = (
        await request(services.catalog.url).get(`/products?upt=${upt}&sku=${sku}`).set('Authorization', admin.catalog)
      ).body.items[0].id;
    }
    const policy = await reporting()
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
    expect(policy.status).toBe(201);
  });

  afterAll(() => cleanUp(stopEach(services), () => env?.dispose()));

  it('runs the exhibition through consignment: an earlier edition, three UPTs selling over three days, returns and closes', async () => {
    // an earlier edition of the series, a week before, with one UPT that sold nothing
    const earlier = await consignment()
      .post('/exhibitions')
      .set('Authorization', kanwil.consignment)
      .send({
        ...body,
        code: 'PIPAS-BTN-REP-0',
        edition: 'earlier',
        first: addDays(first, -7),
        last: addDays(first, -6),
        uptCodes: ['LP-SRG'],
      });
    expect(earlier.status).toBe(201);
    previousId = earlier.body.id;

    const created = await consignment().post('/exhibitions').set('Authorization', kanwil.consignment).send(body);
    expect(created.status).toBe(201);
    exhibitionId = created.body.id;
    for (const a of created.body.agreements) agreementOf[a.uptCode] = a.id;

    for (const [upt, sku, lot, quantity] of [
      ['LP-TGR-1', 'KRP-TEMPE-100', 'KT-REP', 50],
      ['LPP-TGR', 'TAS-JEANS-PITA', 'TAS-REP', 5],
      ['LP-SRG', 'LIDI-PIRING', 'PRG-REP', 40],
    ] as const) {
      const dispatch = await consignment()
        .post('/dispatches')
        .set('Authorization', senders[upt].consignment)
        .send({
          agreementId: agreementOf[upt],
          dispatchedAt: wita(first, '06:00:00'),
          lines: [{ productId: productOf[sku], lotCode: lot, expiryDate: expiry, quantity }],
        });
      expect(dispatch.status).toBe(201);
      const receipt = await consignment()
        .post(`/dispatches/${dispatch.body.id}/receipt`)
        .set('Authorization', booth.consignment)
        .send({ receivedAt: wita(first, '08:00:00'), lines: [{ lineNo: 1, accepted: quantity, damaged: 0, short: 0 }] });
      expect(receipt.status).toBe(201);
    }
    const sold = await consignment()
      .post('/sales/batches')
      .set('Authorization', booth.consignment)
      .send({
        lines: [
          line('REP-D1-1', 'KRP-TEMPE-100', 10, wita(first, '10:00:00')),
          line('REP-D1-2', 'LIDI-PIRING', 5, wita(first, '11:00:00')),
          line('REP-D2-1', 'KRP-TEMPE-100', 3, wita(addDays(first, 1), '09:30:00')),
          line('REP-D2-2', 'LIDI-PIRING', 10, wita(addDays(first, 1), '16:45:00')),
          line('REP-D2-3', 'TAS-JEANS-PITA', 2, wita(addDays(first, 1), '20:15:00')),
          line('REP-D3-1', 'TAS-JEANS-PITA', 1, wita(last, '15:00:00')),
          line('REP-D3-2', 'KRP-TEMPE-100', 2, wita(last, '23:59:00')),
        ],
      });
    expect(sold.body).toMatchObject({ accepted: 7, refused: 0 });

    const proposed = await consignment().get(`/exhibitions/${exhibitionId}/proposed-returns`).set('Authorization', booth.consignment);
    expect(proposed.body.total).toBe(3);
    for (const p of proposed.body.items) {
      expect((await consignment().post(`/proposed-returns/${p.id}/confirm`).set('Authorization', booth.consignment)).status).toBe(200);
    }
    const byHand = await consignment()
      .post(`/agreements/${agreementOf['LP-SRG']}/periods/${period}/close`)
      .set('Authorization', booth.consignment);
    expect(byHand.status).toBe(200);
    expect((await consignment().post('/exhibitions/auto-close').set('Authorization', admin.consignment)).status).toBe(200);
  });

  it("issues each UPT's statement of the event period, to the rupiah, with no opening stock", async () => {
    // by hand, at catalog prices, commission 10 %, split 15/50/35:
    //   LP-TGR-1 keripik tempe 15 × 10,000 = 150,000; commission 15,000; proceeds 135,000; 35 returned (350,000)
    //   LPP-TGR  tas jeans      3 × 250,000 = 750,000; commission 75,000; proceeds 675,000;  2 returned (500,000)
    //   LP-SRG   piring lidi   15 × 8,000   = 120,000; commission 12,000; proceeds 108,000; 25 returned (200,000)
    const expected: Record<
      string,
      { received: number; sold: number; net: number; commission: number; returned: number; returnedValue: number }
    > = {
      'LP-TGR-1': { received: 50, sold: 15, net: 150_000, commission: 15_000, returned: 35, returnedValue: 350_000 },
      'LPP-TGR': { received: 5, sold: 3, net: 750_000, commission: 75_000, returned: 2, returnedValue: 500_000 },
      'LP-SRG': { received: 40, sold: 15, net: 120_000, commission: 12_000, returned: 25, returnedValue: 200_000 },
    };
    for (const [upt, e] of Object.entries(expected)) {
      const statement = await eventually(
        async () => {
          const { items } = (
            await reporting().get(`/statements?agreement=${agreementOf[upt]}&period=${period}`).set('Authorization', senders[upt].reporting)
          ).body;
          return items?.[0]?.status === 'ISSUED' ? items[0] : undefined;
        },
        60_000,
        `statement of ${upt}`,
      );
      const proceeds = e.net - e.commission;
      expect(statement.period).toBe(period);
      expect(statement.figures.totals).toMatchObject({
        opening: 0,
        received: e.received,
        sold: e.sold,
        grossSales: e.net,
        netSales: e.net,
        returned: e.returned,
        returnedValue: e.returnedValue,
        closing: 0,
      });
      expect([statement.figures.commission, statement.figures.proceeds]).toEqual([e.commission, proceeds]);
      expect(statement.figures.split.map((p: { name: string; amount: number }) => [p.name, p.amount])).toEqual([
        ['PNBP', (proceeds * 15) / 100],
        ['PREMI', proceeds / 2],
        ['CAPITAL', (proceeds * 35) / 100],
      ]);
    }
  });

  it('reports the exhibition per UPT and per product, its best sellers, against the earlier edition; JSON and XLSX', async () => {
    const list = await reporting().get('/reports/exhibitions').set('Authorization', kanwil.reporting);
    expect(list.status).toBe(200);
    expect(list.body.rows.map((r: { exhibitionId: string }) => r.exhibitionId)).toEqual([exhibitionId, previousId]);
    expect(list.body.rows[0]).toMatchObject({ period, series: body.series, organiserCode: 'KW-BANTEN', uptCodes: body.uptCodes });
    expect((await reporting().get('/reports/exhibitions').set('Authorization', otherKanwil.reporting)).body.rows).toEqual([]);
    expect((await reporting().get(`/reports/exhibitions/${exhibitionId}`).set('Authorization', otherKanwil.reporting)).status).toBe(404);

    const report = await eventually(
      async () => {
        const r = (await reporting().get(`/reports/exhibitions/${exhibitionId}`).set('Authorization', kanwil.reporting)).body;
        return r.totals?.proceeds === 135_000 + 675_000 + 108_000 ? r : undefined;
      },
      60_000,
      'exhibition report with every statement',
    );
    expect(
      report.byUpt.map((r: { uptCode: string; sold: number; netSales: number; proceeds: number }) => [
        r.uptCode,
        r.sold,
        r.netSales,
        r.proceeds,
      ]),
    ).toEqual([
      ['LP-SRG', 15, 120_000, 108_000],
      ['LP-TGR-1', 15, 150_000, 135_000],
      ['LPP-TGR', 3, 750_000, 675_000],
    ]);
    // equal units: the larger net sales first
    expect(report.bestSellers.map((r: { sku: string; sold: number }) => [r.sku, r.sold])).toEqual([
      ['KRP-TEMPE-100', 15],
      ['LIDI-PIRING', 15],
      ['TAS-JEANS-PITA', 3],
    ]);
    expect(report.totals).toEqual({ upts: 3, sold: 33, netSales: 1_020_000, proceeds: 918_000, pnbp: 137_700 });
    expect(report.previous).toMatchObject({
      exhibitionId: previousId,
      edition: 'earlier',
      totals: { upts: 1, sold: 0, netSales: 0, proceeds: 0, pnbp: 0 },
      change: { sold: 33, netSales: 1_020_000, proceeds: 918_000, pnbp: 137_700 },
      changeRate: { sold: null, netSales: null, proceeds: null, pnbp: null },
    });

    // a UPT sees its own row only
    const own = (await reporting().get(`/reports/exhibitions/${exhibitionId}`).set('Authorization', senders['LPP-TGR'].reporting)).body;
    expect(own.byUpt.map((r: { uptCode: string }) => r.uptCode)).toEqual(['LPP-TGR']);

    const xlsx = await reporting()
      .get(`/reports/exhibitions/${exhibitionId}?format=xlsx`)
      .set('Authorization', kanwil.reporting)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Totals by edition', 'By UPT', 'By product', 'Best sellers']);
  });
  it("takes the booth's payment and the UPT's PNBP deposit of an event-period statement as of a month's; consignment sees it", async () => {
    // LPP-TGR: proceeds 675,000, PNBP 15 % = 101,250
    const { items } = (
      await reporting().get(`/statements?agreement=${agreementOf['LPP-TGR']}&period=${period}`).set('Authorization', ministry.reporting)
    ).body;
    const id = items[0].id;
    const paidOn = addDays(today, -1);
    const paid = await reporting()
      .post(`/statements/${id}/payments`)
      .set('Authorization', booth.reporting)
      .send({ amount: 675_000, paidOn, transferReference: 'TRF-PIPAS-1' });
    expect(paid.body).toMatchObject({ status: 'PAID', paidAmount: 675_000 });
    const deposited = await reporting()
      .post(`/statements/${id}/deposits`)
      .set('Authorization', senders['LPP-TGR'].reporting)
      .send({ amount: 101_250, simponiBillingCode: '820261209000777', ntpn: 'PIPASREP0000001A', depositedOn: paidOn });
    expect(deposited.body).toMatchObject({ status: 'DEPOSITED', depositedAmount: 101_250 });
    const settled = await eventually(
      async () => {
        const periods: { period: string; settlement: string }[] = (
          await consignment().get(`/agreements/${agreementOf['LPP-TGR']}/periods`).set('Authorization', senders['LPP-TGR'].consignment)
        ).body.items;
        return periods.find((p) => p.period === period && p.settlement === 'DEPOSITED');
      },
      20_000,
      'consignment sees the deposit of the event period',
    );
    expect(settled).toMatchObject({ period, statementId: id, proceeds: 675_000 });
  });

  it('answers the rollup for the event period, counts it in sales-monthly under the month it ends, and a replay rebuilds the same', async () => {
    const month = last.slice(0, 7);
    const get = async (path: string) => {
      const res = await reporting().get(path).set('Authorization', ministry.reporting);
      expect(res.status).toBe(200);
      return res.body;
    };
    const snapshot = async () => {
      const { freshness: _f, ...report } = await get(`/reports/exhibitions/${exhibitionId}`);
      return {
        report,
        exhibitions: (await get('/reports/exhibitions')).rows,
        rollup: (await get(`/reports/rollup?period=${period}&by=upt`)).rows,
        products: (await get(`/reports/rollup?period=${period}&by=product`)).rows,
        monthly: (await get(`/reports/sales-monthly?from=${month}&to=${month}`)).rows,
        statements: (await get(`/statements?period=${period}&venue=${body.code}`)).items,
      };
    };
    const before = await snapshot();
    expect(
      before.rollup.map((r: { key: string; soldQuantity: number; netSales: number; proceeds: number }) => [
        r.key,
        r.soldQuantity,
        r.netSales,
        r.proceeds,
      ]),
    ).toEqual([
      ['LPP-TGR', 3, 750_000, 675_000],
      ['LP-TGR-1', 15, 150_000, 135_000],
      ['LP-SRG', 15, 120_000, 108_000],
    ]);
    // national by product: the rollup table the projection keeps per period and product (decision 0028)
    expect(before.products.map((r: { soldQuantity: number }) => r.soldQuantity).sort()).toEqual([15, 15, 3]);
    expect(before.monthly).toEqual([{ period: month, units: 33, netSales: 1_020_000, pnbp: 137_700 }]);

    const replay = await reporting().post('/admin/replay').set('Authorization', admin.reporting);
    expect(replay.status).toBe(202);
    const job = await eventually(
      async () => {
        const j = (await reporting().get(`/admin/replay/${replay.body.id}`).set('Authorization', admin.reporting)).body;
        return j.state === 'running' ? undefined : j;
      },
      60_000,
      'replay ended',
    );
    expect(job).toMatchObject({ state: 'finished', error: null });
    // the exhibition dimension, the event days of the agreements and the event period's figures, all rebuilt from the topic
    expect(await snapshot()).toEqual(before);
  });
});
