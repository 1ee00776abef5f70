import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { periodOf } from '@titipan/kernel';
import { v7 as uuidv7 } from 'uuid';
import { topicName } from '@titipan/contracts';
import type { ServiceName } from '@titipan/platform';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { eventually, TopicProbe } from '../../../test/support/kafka-probe';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearer as bearerFor } from '../../../test/support/tokens';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { startServiceProcess, type RunningService } from '../../../tools/service-process';
import { freePort } from '../../../test/support/free-port';
import { cleanUp, stopEach } from '../../../test/support/clean-up';
import { startServices } from '../../../test/support/stack';
import { serviceHealth } from '../../../tools/demo/api-client';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..', '..');

/**
 * A month at the Tangerang lounge through the consignment API, then its settlement statement in reporting:
 * figures checked against a hand computation, issued only after the close, paid and deposited.
 */
describe('reporting: settlement statement of a month', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  let probe: TopicProbe;
  /** Tokens for reporting, where most calls go; the same actors' tokens for consignment and the catalog (a token works on one service). */
  const bearer = (role: Parameters<typeof bearerFor>[1], scope?: string) => bearerFor('reporting', role, scope);
  const admin = bearer('admin');
  const ministry = bearer('ministry');
  const upt = bearer('upt', 'LPP-TGR');
  const lounge = bearer('venue', 'IMI-TGR-LOUNGE');
  const inConsignment = {
    admin: bearerFor('consignment', 'admin'),
    upt: bearerFor('consignment', 'upt', 'LPP-TGR'),
    lounge: bearerFor('consignment', 'venue', 'IMI-TGR-LOUNGE'),
  };
  const inCatalog = { admin: bearerFor('catalog', 'admin') };
  const consignment = () => request(services.consignment.url);
  const reporting = () => request(services.reporting.url);
  const day = 24 * 3600_000;
  let agreementId: string;
  let period: string;
  let statementId: string;

  const applied = async (service: ServiceName, name: string) => {
    const consumers = Object.values<{
      groupId: string;
      lag: number;
      counters: { applied: number };
    }>((await serviceHealth(service, services[service].url)).checks.consumers);
    const c = consumers.find((x) => x.groupId.endsWith(name));
    return c && c.lag === 0 ? c.counters.applied : undefined;
  };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
    probe = await new TopicProbe(env.kafka, [topicName('reporting', env.topicPrefix)]).start();
    await seedCatalog(services.catalog.url);
    await eventually(async () => ((await applied('consignment', 'product-replica')) ?? 0) >= 14, 30_000, 'product replica');
    await eventually(async () => ((await applied('consignment', 'directory-replica')) ?? 0) >= 10, 30_000, 'directory replica');
  });
  afterAll(() =>
    cleanUp(
      () => probe?.stop(),
      stopEach(services),
      () => env?.dispose(),
    ),
  );

  it('runs a month of consignment at 10% commission and closes it; with no split policy the statement waits and says why', async () => {
    const products = (await request(services.catalog.url).get('/products?upt=LPP-TGR&limit=200').set('Authorization', inCatalog.admin)).body
      .items;
    const id = (sku: string) => products.find((p: { sku: string }) => p.sku === sku).id;
    const [makaroni, bawang] = [id('MAKARONI-150'), id('KRP-BAWANG-200')];
    await consignment().post('/venues').set('Authorization', inConsignment.admin).send({
      code: 'IMI-TGR-LOUNGE',
      name: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang',
      partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang',
      type: 'immigration-lounge',
      kanwilCode: 'KW-BANTEN',
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: true,
    });
    const prices = [
      { productId: makaroni, price: 15_000 },
      { productId: bawang, price: 18_000 },
    ];
    agreementId = (
      await consignment().post('/agreements').set('Authorization', inConsignment.admin).send({
        uptCode: 'LPP-TGR',
        venueCode: 'IMI-TGR-LOUNGE',
        commissionBp: 1_000,
        maxDiscountBp: 1_500,
        validFrom: '2026-01-01',
        prices,
      })
    ).body.id;
    await consignment().post(`/agreements/${agreementId}/activate`).set('Authorization', inConsignment.admin);

    // last month, in WIB: receive, sell, a customer return, goods back, a count
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 10 * day);
    period = periodOf(start, 'Asia/Jakarta');
    const at = (hours: number) => new Date(start.getTime() + hours * 3600_000).toISOString();
    const expiry = new Date(now.getTime() + 60 * day).toISOString().slice(0, 10);
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', inConsignment.upt)
      .send({
        agreementId,
        dispatchedAt: at(0),
        lines: [
          { productId: makaroni, lotCode: 'MK-1', expiryDate: expiry, quantity: 20 },
          { productId: bawang, lotCode: 'BW-1', expiryDate: expiry, quantity: 10 },
        ],
      });
    expect(dispatch.status).toBe(201);
    await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', inConsignment.lounge)
      .send({
        receivedAt: at(1),
        lines: [
          { lineNo: 1, accepted: 18, damaged: 1, short: 1, reason: 'satu sobek, satu kurang' },
          { lineNo: 2, accepted: 10, damaged: 0, short: 0 },
        ],
      });
    const sales = [
      { receiptNo: 'S-1', lineNo: 1, productId: makaroni, quantity: 5, soldAt: at(2) },
      { receiptNo: 'S-1', lineNo: 2, productId: bawang, quantity: 3, unitPrice: 16_000, discountReason: 'PROMO', soldAt: at(2) },
      { receiptNo: 'S-2', lineNo: 1, productId: makaroni, quantity: 2, soldAt: at(26) },
    ];
    expect(
      (await consignment().post('/sales/batches').set('Authorization', inConsignment.lounge).send({ lines: sales })).body.accepted,
    ).toBe(3);
    await consignment()
      .post('/sales/returns')
      .set('Authorization', inConsignment.lounge)
      .send({ returnNo: 'R-1', receiptNo: 'S-1', lineNo: 2, quantity: 1, resellable: true, reason: 'salah beli', returnedAt: at(30) });
    await consignment()
      .post('/returns')
      .set('Authorization', inConsignment.lounge)
      .send({
        agreementId,
        reason: 'damaged',
        shippedAt: at(40),
        lines: [{ productId: makaroni, lotCode: 'MK-1', bucket: 'QUARANTINE', quantity: 1 }],
      });
    await consignment()
      .post('/stock-counts')
      .set('Authorization', inConsignment.lounge)
      .send({ agreementId, reason: 'opname', countedAt: at(50), lines: [{ productId: makaroni, lotCode: 'MK-1', counted: 10 }] });

    // live draft figures before the close
    await eventually(async () => ((await applied('reporting', 'consignment-reader')) ?? 0) >= 7, 20_000, 'reporting caught up');
    const draft = (await reporting().get(`/agreements/${agreementId}/periods/${period}/statement`).set('Authorization', lounge)).body;
    expect(draft).toMatchObject({ status: 'DRAFT', figures: { proceeds: 138_300 } });

    expect(
      (await consignment().post(`/agreements/${agreementId}/periods/${period}/close`).set('Authorization', inConsignment.lounge)).status,
    ).toBe(200);
    const pending = await eventually(
      async () => {
        const { items } = (await reporting().get(`/statements?agreement=${agreementId}`).set('Authorization', ministry)).body;
        return items.length === 1 ? items[0] : undefined;
      },
      20_000,
      'pending statement',
    );
    expect(pending).toMatchObject({ status: 'PENDING', mismatches: [expect.stringMatching(/no split policy covers LPP-TGR/)] });
  });

  it('issues the statement once the ministry sets a split, with the figures computed by hand', async () => {
    const policy = await reporting()
      .post('/split-policies')
      .set('Authorization', ministry)
      .send({
        effectiveFrom: '2026-01-01',
        shares: [
          { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
          { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
          { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
        ],
      });
    expect(policy.status).toBe(201);
    expect(
      (await reporting().post('/split-policies').set('Authorization', upt).send({ effectiveFrom: '2026-02-01', shares: [] })).status,
    ).toBe(403);

    const { items } = (await reporting().get(`/statements?agreement=${agreementId}&period=${period}`).set('Authorization', lounge)).body;
    const statement = items[0];
    statementId = statement.id;
    expect(statement.status).toBe('ISSUED');
    expect(statement.digest).toMatch(/^[0-9a-f]{64}$/);
    // by hand: makaroni 7 sold × 15,000 = 105,000; bawang 3 × 16,000 = 48,000 (list 18,000: 6,000 of discounts)
    // less one returned (16,000): net 137,000; commission 10% = 13,700; the lounge bears the makaroni the count found
    // missing, 1 × 15,000 (its dispatch price): proceeds 137,000 − 13,700 + 15,000 = 138,300; split 15/50/35 of 138,300
    const f = statement.figures;
    expect(f.totals).toMatchObject({
      opening: 0,
      received: 29,
      damaged: 1,
      short: 1,
      sold: 10,
      grossAtListPrice: 159_000,
      discounts: 6_000,
      grossSales: 153_000,
      customerReturns: 1,
      customerReturnsValue: 16_000,
      netSales: 137_000,
      returned: 1,
      returnedValue: 15_000,
      adjusted: 1,
      adjustedValue: 15_000,
      shrinkageCharge: 15_000,
      closing: 18,
    });
    expect([f.commission, f.shrinkageLiability, f.proceeds]).toEqual([13_700, 'VENUE', 138_300]);
    expect(f.split.map((p: { name: string; amount: number }) => [p.name, p.amount])).toEqual([
      ['PNBP', 20_745],
      ['PREMI', 69_150],
      ['CAPITAL', 48_405],
    ]);
    expect((await reporting().get(`/statements/${statementId}/verify`).set('Authorization', ministry)).body).toMatchObject({
      valid: true,
      digest: statement.digest,
    });

    // the service's own login cannot change an issued figure; one changed behind its back (by the tables' owner,
    // who can unguard them) no longer verifies
    const ds = await env.dataSource('reporting');
    const setProceeds = (proceeds: number) =>
      `UPDATE statement SET figures = jsonb_set(figures, '{proceeds}', '${proceeds}') WHERE id = '${statementId}'`;
    await expect(ds.query(setProceeds(999))).rejects.toThrow(/is issued: its figures and digest cannot change/);
    const unguarded = (sql: string) =>
      `ALTER TABLE statement DISABLE TRIGGER issued_statement_immutable; ${sql}; ALTER TABLE statement ENABLE TRIGGER issued_statement_immutable`;
    await env.queryAsOwner('reporting', unguarded(setProceeds(999)));
    expect((await reporting().get(`/statements/${statementId}/verify`).set('Authorization', ministry)).body.valid).toBe(false);
    await env.queryAsOwner('reporting', unguarded(setProceeds(138_300)));
    expect((await reporting().get(`/statements/${statementId}/verify`).set('Authorization', ministry)).body.valid).toBe(true);
  });

  it('changes nothing when the same events are delivered again', async () => {
    const before = (await reporting().get(`/statements/${statementId}`).set('Authorization', ministry)).body;
    const consumed = new TopicProbe(env.kafka, [topicName('consignment', env.topicPrefix)]);
    await consumed.start();
    const all = await consumed.waitFor(8, (r) => r.message.key?.toString() === agreementId);
    await consumed.stop();
    const producer = env.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName('consignment', env.topicPrefix),
      messages: all.map((r) => ({ key: r.message.key, value: r.message.value })),
    });
    await producer.disconnect();
    await eventually(
      async () => {
        const consumers = Object.values<{
          groupId: string;
          lag: number;
          counters: { duplicates: number };
        }>((await serviceHealth('reporting', services.reporting.url)).checks.consumers);
        const c = consumers.find((x) => x.groupId.endsWith('consignment-reader'))!;
        // every event comes back as a duplicate (the one reader applies dispatch.created too)
        return c.lag === 0 && c.counters.duplicates >= all.length;
      },
      20_000,
      'duplicates absorbed',
    );
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', ministry)).body).toEqual(before);
    expect(probe.received.filter((r) => r.message.value!.toString().includes('"reporting.statement.issued"'))).toHaveLength(1);
  });

  it('dead-letters forged money events with the rule that refused them, and changes nothing (issue 17, defense in depth)', async () => {
    const consignmentTopic = topicName('consignment', env.topicPrefix);
    const reportingTopic = topicName('reporting', env.topicPrefix);
    const read = new TopicProbe(env.kafka, [consignmentTopic]);
    await read.start();
    const real = (await read.waitFor(8, (r) => r.message.key?.toString() === agreementId)).map((r) =>
      JSON.parse(r.message.value!.toString()),
    );
    await read.stop();
    const issued = JSON.parse(
      (await probe.waitFor(1, (r) => r.message.value!.toString().includes('"reporting.statement.issued"')))[0].message.value!.toString(),
    );
    const dlq = await new TopicProbe(env.kafka, [`${consignmentTopic}.dlq`, `${reportingTopic}.dlq`]).start();
    const stranger = randomUUID();
    const forge = (event: { data: object }, data: object) => ({ ...event, id: uuidv7(), data: { ...event.data, ...data } });
    const close = forge(
      real.find((e) => e.type === 'consignment.period.closed'),
      { agreementId: stranger },
    );
    const sale = forge(
      real.find((e) => e.type === 'consignment.sales.recorded'),
      { agreementId: stranger },
    );
    const rupiah = {
      ...forge(issued, { amount: 1, paidOn: '2026-11-05', transferReference: 'FORGED' }),
      type: 'reporting.statement.paid',
    };
    delete (rupiah.data as { issuedAt?: string; proceeds?: number; digest?: string }).issuedAt;
    delete (rupiah.data as { proceeds?: number }).proceeds;
    delete (rupiah.data as { digest?: string }).digest;
    // the test's superuser client stands in for anyone who could write the topics before the broker's ACLs
    const producer = env.kafka.producer();
    await producer.connect();
    await producer.send({ topic: consignmentTopic, messages: [sale, close].map((e) => ({ key: stranger, value: JSON.stringify(e) })) });
    await producer.send({ topic: reportingTopic, messages: [{ key: agreementId, value: JSON.stringify(rupiah) }] });
    await producer.disconnect();

    const letters = await dlq.waitFor(3, () => true, 60_000);
    await dlq.stop();
    const why = (id: string) => {
      const letter = letters.find((l) => JSON.parse(l.message.value!.toString()).id === id)!;
      return { reason: letter.message.headers!['dlq-reason']!.toString(), error: letter.message.headers!['dlq-error']!.toString() };
    };
    expect(why(sale.id).reason).toBe('handler-failed');
    expect(why(sale.id).error).toContain(`names agreement ${stranger}, which reporting has never seen activated`);
    expect(why(close.id).error).toContain('AGREEMENT_NOT_ACTIVATED');
    expect(why(rupiah.id).error).toContain("the issued statement's proceeds are 138300, not 1");

    // nothing changed: no statement for the stranger, the real month still only issued on both sides
    expect((await reporting().get(`/agreements/${stranger}/periods/${period}/statement`).set('Authorization', ministry)).status).toBe(404);
    const listed = await reporting().get(`/statements?agreement=${stranger}`).set('Authorization', ministry);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', ministry)).body).toMatchObject({ status: 'ISSUED' });
    const [month] = (await consignment().get(`/agreements/${agreementId}/periods`).set('Authorization', inConsignment.upt)).body.items;
    expect(month).toMatchObject({ period, settlement: 'ISSUED', proceeds: 138_300 });
  });

  it('takes the exact payment from the venue, then the PNBP deposit from the UPT; each step an event, and consignment sees it', async () => {
    expect(
      (
        await reporting()
          .post(`/statements/${statementId}/deposits`)
          .set('Authorization', upt)
          .send({ amount: 20_745, simponiBillingCode: '820261205000123', ntpn: 'A1B2C3D4E5F6G7H8', depositedOn: '2026-11-08' })
      ).body.code,
    ).toBe('ILLEGAL_TRANSITION');
    const short = await reporting()
      .post(`/statements/${statementId}/payments`)
      .set('Authorization', lounge)
      .send({ amount: 120_000, paidOn: '2026-11-05', transferReference: 'TRF-1' });
    expect(short.body).toMatchObject({ statusCode: 422, code: 'AMOUNT_MISMATCH', details: { expected: 138_300, received: 120_000 } });
    expect(
      (
        await reporting()
          .post(`/statements/${statementId}/payments`)
          .set('Authorization', bearer('venue', 'IMI-SBY-JUANDA'))
          .send({ amount: 138_300, paidOn: '2026-11-05', transferReference: 'TRF-1' })
      ).status,
    ).toBe(403);
    const paid = await reporting()
      .post(`/statements/${statementId}/payments`)
      .set('Authorization', lounge)
      .send({ amount: 138_300, paidOn: '2026-11-05', transferReference: 'TRF-1' });
    expect(paid.body).toMatchObject({ status: 'PAID', paidAmount: 138_300, transferReference: 'TRF-1' });

    const badCode = await reporting()
      .post(`/statements/${statementId}/deposits`)
      .set('Authorization', upt)
      .send({ amount: 20_745, simponiBillingCode: '12345', ntpn: 'A1B2C3D4E5F6G7H8', depositedOn: '2026-11-08' });
    expect(badCode.body.details.fields[0]).toMatchObject({ field: 'simponiBillingCode' });
    expect(
      (
        await reporting()
          .post(`/statements/${statementId}/deposits`)
          .set('Authorization', bearer('upt', 'LP-TGR-1'))
          .send({ amount: 20_745, simponiBillingCode: '820261205000123', ntpn: 'A1B2C3D4E5F6G7H8', depositedOn: '2026-11-08' })
      ).status,
    ).toBe(403);
    const deposited = await reporting()
      .post(`/statements/${statementId}/deposits`)
      .set('Authorization', upt)
      .send({ amount: 20_745, simponiBillingCode: '820261205000123', ntpn: 'A1B2C3D4E5F6G7H8', depositedOn: '2026-11-08' });
    expect(deposited.body).toMatchObject({ status: 'DEPOSITED', simponiBillingCode: '820261205000123', depositedAmount: 20_745 });

    // reporting's own events for the agreement: the forgery the test before wrote under its key is not one of them
    const events = (
      await probe.waitFor(3, (r) => r.message.key?.toString() === agreementId && !r.message.value!.toString().includes('"FORGED"'))
    ).map((r) => JSON.parse(r.message.value!.toString()));
    expect(events.map((e) => e.type)).toEqual(['reporting.statement.issued', 'reporting.statement.paid', 'reporting.statement.deposited']);
    expect(events[2].data).toMatchObject({ pnbpAmount: 20_745, ntpn: 'A1B2C3D4E5F6G7H8' });
    const settled = await eventually(
      async () => {
        const [p] = (await consignment().get(`/agreements/${agreementId}/periods`).set('Authorization', inConsignment.upt)).body.items;
        return p.settlement === 'DEPOSITED' ? p : undefined;
      },
      20_000,
      'consignment sees the deposit',
    );
    expect(settled).toMatchObject({ period, statementId, proceeds: 138_300 });
  });

  it('keeps statements within scope', async () => {
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', bearer('venue', 'IMI-SBY-JUANDA'))).status).toBe(403);
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', bearer('upt', 'LP-TGR-1'))).status).toBe(403);
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', bearer('kanwil', 'KW-DKI'))).status).toBe(403);
    expect((await reporting().get(`/statements/${statementId}`).set('Authorization', bearer('kanwil', 'KW-BANTEN'))).status).toBe(200);
    expect((await reporting().get('/statements').set('Authorization', bearer('kanwil', 'KW-DKI'))).body.total).toBe(0);
    expect((await reporting().get('/statements?venue=IMI-TGR-LOUNGE').set('Authorization', bearer('venue', 'IMI-SBY-JUANDA'))).status).toBe(
      403,
    );
  });

  it('exports the statement as CSV, XLSX and PDF holding the same numbers', async () => {
    const statement = (await reporting().get(`/statements/${statementId}`).set('Authorization', ministry)).body;
    const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    const csv = await reporting().get(`/statements/${statementId}/export?format=csv`).set('Authorization', upt);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...lines] = csv.text
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const total = Object.fromEntries(header.map((h, i) => [h, lines.find((l) => l[6] === 'TOTAL')![i]]));
    expect(total).toMatchObject({ netSales: '137000', grossSales: '153000', closing: '18', digest: statement.digest });
    expect(lines.map((l) => l[6]).sort()).toEqual(['KRP-BAWANG-200', 'MAKARONI-150', 'TOTAL']);

    const xlsx = await reporting()
      .get(`/statements/${statementId}/export?format=xlsx`)
      .set('Authorization', lounge)
      .buffer(true)
      .parse(binary);
    expect(xlsx.headers['content-disposition']).toContain(`statement-LPP-TGR-IMI-TGR-LOUNGE-${period}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    const totalRow = cells.find((r) => r[0] === 'TOTAL')!;
    const headerRow = cells.find((r) => r[0] === 'SKU')!;
    expect(totalRow[headerRow.indexOf('Net sales')]).toBe(137_000);
    expect(cells.find((r) => r[0] === 'Proceeds due to the UPT')![2]).toBe(138_300);
    expect(cells.find((r) => String(r[0]).startsWith('PNBP'))).toEqual(['PNBP (15%)', 'Kepmen M.01-PP.02.01/1990', 20_745]);
    const netCell = sheet.getRow(cells.indexOf(totalRow) + 1).getCell(headerRow.indexOf('Net sales') + 1);
    expect(netCell.numFmt).toContain('"Rp"');
    expect(cells.find((r) => r[0] === 'Issued')![1]).toBeInstanceOf(Date);

    const pdf = await reporting()
      .get(`/statements/${statementId}/export?format=pdf`)
      .set('Authorization', ministry)
      .buffer(true)
      .parse(binary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.toString('latin1')).toContain(statement.digest);
    expect((await reporting().get(`/statements/${statementId}/export?format=doc`).set('Authorization', ministry)).status).toBe(400);
    expect(
      (await reporting().get(`/statements/${statementId}/export?format=csv`).set('Authorization', bearer('venue', 'IMI-SBY-JUANDA')))
        .status,
    ).toBe(403);
  });

  it("answers the ministry's questions from the read models, each saying how fresh it is", async () => {
    const byUpt = (await reporting().get(`/reports/rollup?period=${period}&by=upt`).set('Authorization', ministry)).body;
    expect(byUpt.freshness.lastEventTime).toEqual(expect.any(String));
    expect(byUpt.rows).toEqual([
      {
        key: 'LPP-TGR',
        soldQuantity: 10,
        grossSales: 153_000,
        netSales: 137_000,
        received: 29,
        sellThrough: 0.3448,
        proceeds: 138_300,
        pnbp: 20_745,
        premi: 69_150,
      },
    ]);
    const byKanwil = (await reporting().get(`/reports/rollup?period=${period}&by=kanwil`).set('Authorization', ministry)).body.rows;
    expect(byKanwil).toEqual([expect.objectContaining({ key: 'KW-BANTEN', grossSales: 153_000, pnbp: 20_745 })]);
    const byProduct = (await reporting().get(`/reports/rollup?period=${period}&by=product`).set('Authorization', ministry)).body.rows;
    expect(
      byProduct.map((r: { key: string; soldQuantity: number; proceeds: number | null }) => [r.key, r.soldQuantity, r.proceeds]),
    ).toEqual([
      ['MAKARONI-150', 7, null],
      ['KRP-BAWANG-200', 3, null],
    ]);
    // the JSON rollup is a page, largest gross sales first, with the total; past the end, no rows and still the total
    const page = async (query: string) => {
      const body = (await reporting().get(`/reports/rollup?period=${period}&by=product&${query}`).set('Authorization', ministry)).body;
      return [body.rows.map((r: { key: string }) => r.key), body.total, body.limit, body.offset];
    };
    expect(await page('limit=1')).toEqual([['MAKARONI-150'], 2, 1, 0]);
    expect(await page('limit=1&offset=1')).toEqual([['KRP-BAWANG-200'], 2, 1, 1]);
    expect(await page('offset=5')).toEqual([[], 2, 200, 5]);
    const refused = await reporting().get(`/reports/rollup?period=${period}&by=product&limit=201`).set('Authorization', ministry);
    expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      (await reporting().get(`/reports/rollup?period=${period}&by=upt`).set('Authorization', bearer('venue', 'IMI-SBY-JUANDA'))).body.rows,
    ).toEqual([]);
    const csv = await reporting()
      .get(`/reports/rollup?period=${period}&by=upt&format=csv`)
      .set('Authorization', bearer('kanwil', 'KW-BANTEN'));
    expect(csv.text.split('\n')[1]).toBe('LPP-TGR,10,153000,137000,29,0.3448,138300,20745,69150');

    const discrepancies = (await reporting().get(`/reports/discrepancies?period=${period}`).set('Authorization', ministry)).body;
    expect(discrepancies.byUpt).toEqual([{ key: 'LPP-TGR', dispatched: 30, damaged: 1, short: 1, damagedRate: 0.0333, shortRate: 0.0333 }]);
    const movers = (await reporting().get(`/reports/movers?period=${period}&top=1`).set('Authorization', ministry)).body;
    expect([movers.top[0].sku, movers.slow[0].sku]).toEqual(['MAKARONI-150', 'KRP-BAWANG-200']);

    const stock = (await reporting().get('/reports/stock').set('Authorization', upt)).body.rows;
    expect(stock.map((r: { sku: string; lotCode: string; quantity: number }) => `${r.sku}/${r.lotCode}/${r.quantity}`).sort()).toEqual([
      'KRP-BAWANG-200/BW-1/8',
      'MAKARONI-150/MK-1/10',
    ]);
    expect((await reporting().get('/reports/near-expiry?days=30').set('Authorization', upt)).body.rows).toEqual([]);
    expect((await reporting().get('/reports/near-expiry?days=90').set('Authorization', upt)).body.rows).toHaveLength(2);

    const [from, to] = [`${period}-01`, `${period}-28`];
    const daily = (await reporting().get(`/reports/sales-daily?from=${from}&to=${to}`).set('Authorization', lounge)).body.rows;
    expect(daily.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(137_000);
    expect(daily.reduce((s: number, r: { quantity: number }) => s + r.quantity, 0)).toBe(9);

    expect(
      (
        await reporting()
          .put(`/pnbp-targets/LPP-TGR/${period.slice(0, 4)}`)
          .set('Authorization', upt)
          .send({ amount: 100_000 })
      ).status,
    ).toBe(403);
    await reporting()
      .put(`/pnbp-targets/LPP-TGR/${period.slice(0, 4)}`)
      .set('Authorization', ministry)
      .send({ amount: 100_000 });
    const progress = (
      await reporting()
        .get(`/reports/pnbp-progress?year=${period.slice(0, 4)}`)
        .set('Authorization', ministry)
    ).body.rows;
    expect(progress).toEqual([{ uptCode: 'LPP-TGR', target: 100_000, issued: 20_745, deposited: 20_745, progress: 0.2075 }]);
    expect((await reporting().get('/reports/outstanding').set('Authorization', ministry)).body.rows).toEqual([]);
  });

  it("narrows every view by Kanwil and UPT within the caller's scope, drills down, and downloads each view as XLSX", async () => {
    const get = (path: string, token = ministry) => reporting().get(path).set('Authorization', token);
    type Row = { key: string; grossSales: number; netSales: number; soldQuantity: number };
    const sum = (rows: Row[], field: keyof Row) => rows.reduce((total, r) => total + Number(r[field]), 0);

    // drill-down: Kanwil, then its UPTs, then one UPT's products, each step adding up to the row it came from
    const [banten] = (await get(`/reports/rollup?period=${period}&by=kanwil`)).body.rows as Row[];
    const upts = (await get(`/reports/rollup?period=${period}&by=upt&kanwil=${banten.key}`)).body.rows as Row[];
    expect(upts.map((r) => r.key)).toEqual(['LPP-TGR']);
    expect(sum(upts, 'netSales')).toBe(banten.netSales);
    const products = (await get(`/reports/rollup?period=${period}&by=product&upt=LPP-TGR`)).body.rows as Row[];
    expect([sum(products, 'grossSales'), sum(products, 'soldQuantity')]).toEqual([upts[0].grossSales, upts[0].soldQuantity]);
    expect((await get(`/reports/rollup?period=${period}&by=upt&kanwil=KW-DKI`)).body.rows).toEqual([]);

    // a month by month series, every month of the range, and the same filters
    const months = await get(`/reports/sales-monthly?from=${period}&to=${period}&kanwil=KW-BANTEN`);
    expect(months.body).toEqual({
      freshness: { lastEventTime: expect.any(String), lastEventId: expect.any(String) },
      from: period,
      to: period,
      rows: [{ period, units: 10, netSales: 137_000, pnbp: 20_745 }],
    });
    const before = `${Number(period.slice(0, 4)) - 1}-12`;
    expect((await get(`/reports/sales-monthly?from=${before}&to=${period}&upt=LPP-TGR`)).body.rows.slice(0, 1)).toEqual([
      { period: before, units: 0, netSales: 0, pnbp: 0 },
    ]);
    expect((await get(`/reports/sales-monthly?from=${period}&to=${before}`)).body).toMatchObject({
      statusCode: 400,
      code: 'RANGE_REVERSED',
    });

    // within the caller's scope only: refused outside it, however the filter is combined
    const refusals: [string, string, number, string][] = [
      [`/reports/rollup?period=${period}&by=upt&kanwil=KW-DKI`, bearer('kanwil', 'KW-BANTEN'), 403, 'SCOPE_FORBIDDEN'],
      [`/reports/movers?period=${period}&upt=LP-CIPINANG`, bearer('curator', 'KW-BANTEN'), 403, 'SCOPE_FORBIDDEN'],
      [`/reports/discrepancies?period=${period}&upt=LP-CIPINANG`, upt, 403, 'SCOPE_FORBIDDEN'],
      [`/reports/near-expiry?kanwil=KW-DKI`, upt, 403, 'SCOPE_FORBIDDEN'],
      [`/reports/outstanding?upt=LPP-TGR`, bearer('venue', 'IMI-SBY-JUANDA'), 403, 'SCOPE_FORBIDDEN'],
      [`/reports/sales-monthly?from=${period}&to=${period}&kanwil=KW-DKI&upt=LPP-TGR`, ministry, 400, 'REGION_MISMATCH'],
      [`/reports/pnbp-progress?year=2026&kanwil=banten`, ministry, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, token, status, code] of refusals)
      expect([path, (await get(path, token)).body]).toEqual([path, expect.objectContaining({ statusCode: status, code })]);
    // the UPT's own region, and the lounge naming the UPT it sells for, are answered
    expect((await get(`/reports/rollup?period=${period}&by=upt&kanwil=KW-BANTEN&upt=LPP-TGR`, upt)).body.rows).toEqual(upts);
    expect((await get(`/reports/sales-monthly?from=${period}&to=${period}&upt=LPP-TGR`, lounge)).body.rows[0].netSales).toBe(137_000);
    expect((await get(`/reports/outstanding?kanwil=KW-BANTEN`)).body).toMatchObject({
      rows: [],
      buckets: ['0-30', '31-60', '61-90', '>90'].map((ageBucket) => ({ ageBucket, statements: 0, proceeds: 0 })),
    });

    // every view downloads as XLSX: what its JSON shows, with the filter and the freshness above
    const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    const workbook = async (path: string) => {
      const response = await get(`${path}&format=xlsx`).buffer(true).parse(binary);
      expect([path, response.status, response.headers['content-type']]).toEqual([
        path,
        200,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.body);
      // each sheet: title, region, freshness, header, then the rows
      return {
        filename: response.headers['content-disposition'],
        sheets: book.worksheets.map((sheet) => ({
          name: sheet.name,
          notes: [2, 3].map((n) => sheet.getRow(n).getCell(1).text),
          rows: sheet
            .getSheetValues()
            .slice(5)
            .map((values) => (values as unknown[]).slice(1)),
        })),
      };
    };
    const rollup = await workbook(`/reports/rollup?period=${period}&by=upt&kanwil=KW-BANTEN`);
    expect(rollup.filename).toContain(`rollup-${period}-upt-KW-BANTEN.xlsx`);
    expect(rollup.sheets[0].notes).toEqual([
      'Region: Kanwil KW-BANTEN',
      expect.stringMatching(/^Data as of: \d+ \w+ \d{4}, \d\d\.\d\d WIB$/),
    ]);
    expect(rollup.sheets[0].rows).toEqual([['LPP-TGR', 10, 153_000, 137_000, 29, 0.3448, 138_300, 20_745, 69_150]]);
    expect((await workbook(`/reports/sales-monthly?from=${period}&to=${period}`)).sheets[0].rows).toEqual([[period, 10, 137_000, 20_745]]);
    const movers = await workbook(`/reports/movers?period=${period}&top=1&upt=LPP-TGR`);
    expect(movers.sheets.map((sheet) => [sheet.name, sheet.rows.map((r) => r[0])])).toEqual([
      [`Top movers ${period}`, ['MAKARONI-150']],
      [`Slow movers ${period}`, ['KRP-BAWANG-200']],
    ]);
    const discrepancies = await workbook(`/reports/discrepancies?period=${period}`);
    expect(discrepancies.sheets.map((sheet) => sheet.rows)).toEqual([
      [['LPP-TGR', 30, 1, 1, 0.0333, 0.0333]],
      [['IMI-TGR-LOUNGE', 30, 1, 1, 0.0333, 0.0333]],
    ]);
    expect((await workbook(`/reports/near-expiry?days=90&upt=LPP-TGR`)).sheets[0].rows).toHaveLength(2);
    expect((await workbook(`/reports/outstanding?upt=LPP-TGR`)).sheets.map((sheet) => sheet.rows.length)).toEqual([4, 0]);
    expect((await workbook(`/reports/pnbp-progress?year=${period.slice(0, 4)}`)).sheets[0].rows).toEqual([
      ['LPP-TGR', 100_000, 20_745, 20_745, 0.2075],
    ]);
    expect((await workbook(`/reports/sales-daily?from=${period}-01&to=${period}-28`)).sheets[0].rows.length).toBeGreaterThan(0);
  });

  /** Follows a replay job until it is no longer running. */
  const replayEnded = (id: string) =>
    eventually(
      async () => {
        const job = (await reporting().get(`/admin/replay/${id}`).set('Authorization', admin)).body;
        return job.state === 'running' ? undefined : job;
      },
      60_000,
      `replay ${id} ended`,
    );

  it('rebuilds the read models from the beginning of the topic to the same figures as a job with progress, and keeps projecting afterwards', async () => {
    const snapshot = async () => ({
      rollup: (await reporting().get(`/reports/rollup?period=${period}&by=product`).set('Authorization', ministry)).body.rows,
      stock: (await reporting().get('/reports/stock').set('Authorization', ministry)).body.rows,
      daily: (await reporting().get(`/reports/sales-daily?from=${period}-01&to=${period}-28`).set('Authorization', ministry)).body.rows,
      discrepancies: (await reporting().get(`/reports/discrepancies?period=${period}`).set('Authorization', ministry)).body,
      // the statement is a record; the rebuilt statement sources must compute it again, digest and all
      statement: (await reporting().get(`/statements/${statementId}`).set('Authorization', ministry)).body,
      verified: (await reporting().get(`/statements/${statementId}/verify`).set('Authorization', ministry)).body,
      month: (await reporting().get(`/agreements/${agreementId}/periods/${period}/statement`).set('Authorization', ministry)).body,
    });
    const before = await snapshot();
    expect(before.verified).toMatchObject({ valid: true });
    // the month's stock-moving events: the receipt, the sales, the reversal, the return and the count's adjustment
    expect(before.verified.sourceEvents).toBe(6);
    expect((await reporting().post('/admin/replay').set('Authorization', ministry)).status).toBe(403);
    const replay = await reporting().post('/admin/replay').set('Authorization', admin);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ state: 'running', events: 0, finishedAt: null });
    expect((await reporting().get(`/admin/replay/${replay.body.id}`).set('Authorization', ministry)).status).toBe(403);
    const job = await replayEnded(replay.body.id);
    expect(job).toMatchObject({ id: replay.body.id, state: 'finished', error: null, etaSeconds: null });
    expect(job.applied).toBeGreaterThanOrEqual(8);
    expect(job.events).toBeGreaterThanOrEqual(job.applied);
    expect(job.eventsTotal).toBeGreaterThanOrEqual(job.applied);
    expect(job.eventsPerSecond).toBeGreaterThan(0);
    expect(new Date(job.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.startedAt).getTime());
    expect(await snapshot()).toEqual(before);

    // the live consumer goes on with the swapped-in tables, without repeating what the replay applied
    const makaroni = (
      await request(services.catalog.url).get('/products?upt=LPP-TGR&sku=MAKARONI-150').set('Authorization', inCatalog.admin)
    ).body.items[0].id;
    const now = new Date().toISOString();
    expect(
      (
        await consignment()
          .post('/sales')
          .set('Authorization', inConsignment.lounge)
          .send({ receiptNo: 'S-NOW', lineNo: 1, productId: makaroni, quantity: 1, soldAt: now })
      ).status,
    ).toBe(201);
    const today = periodOf(new Date(), 'Asia/Jakarta');
    const current = await eventually(
      async () => {
        const rows = (await reporting().get(`/reports/rollup?period=${today}&by=product`).set('Authorization', ministry)).body.rows;
        return rows.length === 1 ? rows : undefined;
      },
      20_000,
      'new sale projected',
    );
    expect(current[0]).toMatchObject({ key: 'MAKARONI-150', soldQuantity: 1, grossSales: 15_000 });
    const stock = (await reporting().get('/reports/stock').set('Authorization', ministry)).body.rows;
    expect(stock.find((r: { lotCode: string }) => r.lotCode === 'MK-1').quantity).toBe(9);
    expect(await snapshot().then((s) => s.rollup)).toEqual(before.rollup);
    expect(await snapshot().then((s) => s.verified)).toEqual(before.verified);
  });
  it('runs one replay at a time (409 REPLAY_RUNNING); a replay cut off by a restart shows as interrupted, and a new one runs cleanly', async () => {
    const rollup = async () =>
      (await reporting().get(`/reports/rollup?period=${period}&by=product`).set('Authorization', ministry)).body.rows;
    const before = await rollup();
    // hold the replay at its first step (copying the read models' tables) so it is surely running when the process dies
    const ds = await env.dataSource('reporting');
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`LOCK TABLE monthly_product IN ACCESS EXCLUSIVE MODE`);
    const first = await reporting().post('/admin/replay').set('Authorization', admin);
    expect(first.status).toBe(202);
    const second = await reporting().post('/admin/replay').set('Authorization', admin);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'REPLAY_RUNNING' });
    expect((await reporting().get(`/admin/replay/${first.body.id}`).set('Authorization', admin)).body.state).toBe('running');

    services.reporting.process.kill('SIGKILL');
    await holder.rollbackTransaction();
    await holder.release();
    services.reporting = await startServiceProcess('reporting', env.env('reporting', await freePort()));
    const interrupted = (await reporting().get(`/admin/replay/${first.body.id}`).set('Authorization', admin)).body;
    expect(interrupted).toMatchObject({ id: first.body.id, state: 'interrupted', etaSeconds: null });
    expect(interrupted.finishedAt).not.toBeNull();

    // the next one runs cleanly, started by `npm run replay`, which follows the job until it ends
    const command = await run('npx', ['ts-node', 'tools/replay.ts', services.reporting.url], { cwd: REPO, timeout: 120_000 });
    const lines = command.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^replay [0-9a-f-]{36} started$/);
    expect(lines[0]).not.toContain(first.body.id);
    // not a terminal: one progress line per poll, the bar full once the job has read every event
    expect(lines.slice(1, -1).length).toBeGreaterThan(0);
    expect(lines.at(-2)).toMatch(/^\[#{30}\] 100 % {2}[\d,]+ \/ [\d,]+ events {2}[\d,]+ events\/s {2}ETA /);
    expect(lines.at(-1)).toMatch(/^replayed [\d,]+ events \([\d,]+ applied to the read models\) in [\d.]+ s, [\d,]+ events\/s$/);
    const jobId = lines[0].split(' ')[1];
    expect((await reporting().get(`/admin/replay/${jobId}`).set('Authorization', admin)).body).toMatchObject({ state: 'finished' });
    expect(await rollup()).toEqual(before);
  });
});
