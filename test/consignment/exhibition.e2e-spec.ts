import { localDate } from '@titipan/kernel';
import { addDays } from '@titipan/contracts';
import { type ServiceName } from '@titipan/platform';
import request from 'supertest';
import { seedCatalog } from '../../tools/seed/seed-catalog';
import { type RunningService } from '../../tools/service-process';
import { serviceHealth } from '../../tools/demo/api-client';
import { cleanUp, stopEach } from '../support/clean-up';
import { eventually } from '../support/kafka-probe';
import { startServices } from '../support/stack';
import { TestEnvironment } from '../support/test-environment';
import { bearers } from '../support/tokens';

type Tokens = Record<ServiceName, string>;

/**
 * An exhibition (issue 19, decision 0029): a PIPAS Banten edition with three Banten UPTs over three days in WITA,
 * set up in one call, stocked, selling (a booth's offline day uploaded after midnight included), its event period
 * closed by hand for one UPT and automatically for the others at the end of the return window, and its unsold
 * goods proposed back to each UPT and confirmed. Real Postgres and Kafka; the event lies in the recent past, so
 * the clock need not move: "after the end" and "after the return window" are now.
 */
describe('an exhibition', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const admin = bearers('admin');
  const kanwil = bearers('kanwil', 'KW-BANTEN');
  const otherKanwil = bearers('kanwil', 'KW-DKI');
  const booth = bearers('venue', 'PIPAS-BTN-E2E');
  const tangerang = bearers('upt', 'LP-TGR-1');
  const perempuan = bearers('upt', 'LPP-TGR');
  const serang = bearers('upt', 'LP-SRG');
  const catalog = () => request(services.catalog.url);
  const consignment = () => request(services.consignment.url);

  const WITA = 'Asia/Makassar';
  const today = localDate(new Date(), WITA);
  // three days ending the day before yesterday (WITA), one day of return window: it ended at 00:00 today WITA
  const first = addDays(today, -4);
  const last = addDays(today, -2);
  const period = `${first}..${last}`;
  const wita = (day: string, time: string) => `${day}T${time}+08:00`;
  const expiry = addDays(today, 120);

  const body = {
    code: 'PIPAS-BTN-E2E',
    name: 'PIPAS Banten (e2e)',
    series: 'PIPAS Banten',
    edition: 'e2e',
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
  const agreementOf: Record<string, string> = {};
  let keripik: string;
  let tas: string;
  let piring: string;

  const consumerApplied = async (name: string) => {
    const consumers = Object.values<{ groupId: string; lag: number; counters: { applied: number } }>(
      (await serviceHealth('consignment', services.consignment.url)).checks.consumers,
    );
    const c = consumers.find((x) => x.groupId.endsWith(name));
    return c && c.lag === 0 ? c.counters.applied : undefined;
  };
  const sell = (lines: object[]) => consignment().post('/sales/batches').set('Authorization', booth.consignment).send({ lines });
  const line = (receiptNo: string, productId: string, quantity: number, soldAt: string) => ({
    receiptNo,
    lineNo: 1,
    productId,
    quantity,
    soldAt,
  });
  const deliver = async (agreementId: string, sender: Tokens, productId: string, lotCode: string, quantity: number) => {
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', sender.consignment)
      .send({ agreementId, dispatchedAt: wita(first, '06:00:00'), lines: [{ productId, lotCode, expiryDate: expiry, quantity }] });
    expect(dispatch.status).toBe(201);
    const receipt = await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', booth.consignment)
      .send({ receivedAt: wita(first, '08:00:00'), lines: [{ lineNo: 1, accepted: quantity, damaged: 0, short: 0 }] });
    expect(receipt.status).toBe(201);
  };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
    await seedCatalog(services.catalog.url);
    await eventually(async () => ((await consumerApplied('product-replica')) ?? 0) >= 14, 30_000, 'product replica');
    await eventually(async () => ((await consumerApplied('directory-replica')) ?? 0) >= 10, 30_000, 'directory replica');
    const sku = async (upt: string, code: string) =>
      (await catalog().get(`/products?upt=${upt}&sku=${code}`).set('Authorization', admin.catalog)).body.items[0].id as string;
    [keripik, tas, piring] = [
      await sku('LP-TGR-1', 'KRP-TEMPE-100'),
      await sku('LPP-TGR', 'TAS-JEANS-PITA'),
      await sku('LP-SRG', 'LIDI-PIRING'),
    ];
  });

  afterAll(() => cleanUp(stopEach(services), () => env?.dispose()));

  it('is set up in one call: the venue and one active event-period agreement per UPT; a retry answers the same', async () => {
    const refused = await consignment()
      .post('/exhibitions')
      .set('Authorization', otherKanwil.consignment)
      .send({ ...body, kanwilCode: 'KW-BANTEN' });
    expect(refused.status).toBe(403);
    expect(
      (
        await consignment()
          .post('/exhibitions')
          .set('Authorization', kanwil.consignment)
          .send({ ...body, uptCodes: ['LP-TGR-1', 'LP-CIPINANG'] })
      ).body.code,
    ).toBe('UPT_OUTSIDE_REGION');

    const created = await consignment().post('/exhibitions').set('Authorization', kanwil.consignment).send(body);
    expect(created.status).toBe(201);
    exhibitionId = created.body.id;
    expect(created.body).toMatchObject({ code: 'PIPAS-BTN-E2E', organiserCode: 'KW-BANTEN', kanwilCode: 'KW-BANTEN', period, first, last });
    expect(created.body.agreements).toHaveLength(3);
    for (const a of created.body.agreements) {
      expect(a).toMatchObject({
        status: 'ACTIVE',
        settlementCycle: 'EVENT',
        commissionBp: 1_000,
        maxDiscountBp: 500,
        validFrom: first,
        validTo: addDays(last, 1),
        eventPeriod: { first, last, returnWindowDays: 1 },
        exhibitionId,
        timeZone: WITA,
      });
      agreementOf[a.uptCode] = a.id;
    }
    const venue = await consignment().get('/venues/PIPAS-BTN-E2E').set('Authorization', admin.consignment);
    expect(venue.body).toMatchObject({ type: 'exhibition', timeZone: WITA, kanwilCode: 'KW-BANTEN' });

    const again = await consignment().post('/exhibitions').set('Authorization', kanwil.consignment).send(body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(exhibitionId);
    expect(again.body.agreements.map((a: { id: string }) => a.id).sort()).toEqual(Object.values(agreementOf).sort());
    const changed = await consignment()
      .post('/exhibitions')
      .set('Authorization', kanwil.consignment)
      .send({ ...body, commissionBp: 0 });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('EXHIBITION_EXISTS');
  });

  it('takes dispatches and receipts as any venue, and sales on each day, a booth day uploaded after midnight included', async () => {
    await deliver(agreementOf['LP-TGR-1'], tangerang, keripik, 'KT-E2E', 50);
    await deliver(agreementOf['LPP-TGR'], perempuan, tas, 'TAS-E2E', 5);
    await deliver(agreementOf['LP-SRG'], serang, piring, 'PRG-E2E', 40);

    const days = await sell([
      line('E2E-D1-1', keripik, 10, wita(first, '10:00:00')),
      line('E2E-D1-2', piring, 5, wita(first, '11:00:00')),
      line('E2E-D3-1', tas, 1, wita(last, '15:00:00')),
      // 23:59 on the last day, WITA: in
      line('E2E-D3-2', keripik, 2, wita(last, '23:59:00')),
    ]);
    expect(days.status).toBe(201);
    expect(days.body).toMatchObject({ accepted: 4, refused: 0 });
    for (const l of days.body.lines) expect(l.period).toBe(period);

    // the booth was offline on the middle day; its queue uploads that day now, days later: occurredAt decides
    const offline = await sell([
      line('E2E-D2-1', keripik, 3, wita(addDays(first, 1), '09:30:00')),
      line('E2E-D2-2', piring, 10, wita(addDays(first, 1), '16:45:00')),
      line('E2E-D2-3', tas, 2, wita(addDays(first, 1), '20:15:00')),
    ]);
    expect(offline.body).toMatchObject({ accepted: 3, refused: 0 });
    for (const l of offline.body.lines) expect(l.period).toBe(period);

    // 00:00 the next day, WITA (the agreement is still valid: the return window): refused
    const late = await consignment()
      .post('/sales')
      .set('Authorization', booth.consignment)
      .send(line('E2E-D4-1', keripik, 1, wita(addDays(last, 1), '00:00:00')));
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'OUTSIDE_EVENT_PERIOD' });
    expect(late.body.details).toMatchObject({ period, first, last, day: addDays(last, 1) });
    // and a day before the first
    const early = await consignment()
      .post('/sales')
      .set('Authorization', booth.consignment)
      .send(line('E2E-D0-1', keripik, 1, wita(addDays(first, -1), '23:59:00')));
    expect([early.status, early.body.code]).toEqual([422, 'AGREEMENT_INACTIVE']);

    const detail = await consignment().get(`/exhibitions/${exhibitionId}`).set('Authorization', kanwil.consignment);
    const onHand = Object.fromEntries(
      detail.body.agreements.map((a: { uptCode: string; unitsOnHand: { sellable: number } }) => [a.uptCode, a.unitsOnHand.sellable]),
    );
    expect(onHand).toEqual({ 'LP-TGR-1': 50 - 10 - 2 - 3, 'LPP-TGR': 5 - 1 - 2, 'LP-SRG': 40 - 5 - 10 });
  });

  it('refuses to close an event that has not ended, and a month at an exhibition agreement', async () => {
    const tomorrow = { ...body, code: 'PIPAS-BTN-E2E-2', edition: 'e2e-2', first: today, last: addDays(today, 1), uptCodes: ['LP-CLG'] };
    const running = await consignment().post('/exhibitions').set('Authorization', kanwil.consignment).send(tomorrow);
    expect(running.status).toBe(201);
    const closeEarly = await consignment()
      .post(`/agreements/${running.body.agreements[0].id}/periods/${today}..${addDays(today, 1)}/close`)
      .set('Authorization', admin.consignment);
    expect([closeEarly.status, closeEarly.body.code]).toEqual([422, 'PERIOD_NOT_ENDED']);
    const proposalsEarly = await consignment()
      .get(`/exhibitions/${running.body.id}/proposed-returns`)
      .set('Authorization', admin.consignment);
    expect([proposalsEarly.status, proposalsEarly.body.code]).toEqual([422, 'EXHIBITION_NOT_ENDED']);

    const month = await consignment()
      .post(`/agreements/${agreementOf['LP-SRG']}/periods/${first.slice(0, 7)}/close`)
      .set('Authorization', booth.consignment);
    expect([month.status, month.body.code]).toEqual([422, 'PERIOD_NOT_OF_AGREEMENT']);
  });

  it('proposes one return per UPT from its stock on hand, which the exhibition staff confirm', async () => {
    const proposed = await consignment().get(`/exhibitions/${exhibitionId}/proposed-returns`).set('Authorization', booth.consignment);
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const byUpt = Object.fromEntries(proposed.body.items.map((p: { uptCode: string }) => [p.uptCode, p]));
    expect(Object.keys(byUpt).sort()).toEqual(['LP-SRG', 'LP-TGR-1', 'LPP-TGR']);
    expect(byUpt['LP-TGR-1']).toMatchObject({
      cause: 'EXHIBITION_END',
      reason: 'unsold',
      status: 'PROPOSED',
      lines: [{ productId: keripik, lotCode: 'KT-E2E', bucket: 'SELLABLE', quantity: 35 }],
    });
    expect(byUpt['LPP-TGR'].lines).toEqual([{ productId: tas, lotCode: 'TAS-E2E', bucket: 'SELLABLE', quantity: 2 }]);
    // asked again: the same proposals, nothing more
    const again = await consignment().get(`/exhibitions/${exhibitionId}/proposed-returns`).set('Authorization', kanwil.consignment);
    expect(again.body.items.map((p: { id: string }) => p.id).sort()).toEqual(proposed.body.items.map((p: { id: string }) => p.id).sort());
    // a UPT sees its own proposal only
    const own = await consignment().get(`/exhibitions/${exhibitionId}/proposed-returns`).set('Authorization', serang.consignment);
    expect([own.body.total, own.body.items.map((p: { uptCode: string }) => p.uptCode)]).toEqual([1, ['LP-SRG']]);

    // a UPT may not confirm the exhibition's return: the staff ship it
    const byUptStaff = await consignment().post(`/proposed-returns/${byUpt['LP-SRG'].id}/confirm`).set('Authorization', serang.consignment);
    expect([byUptStaff.status, byUptStaff.body.code]).toEqual([403, 'OUT_OF_SCOPE']);

    for (const upt of ['LP-TGR-1', 'LPP-TGR', 'LP-SRG']) {
      const confirmed = await consignment().post(`/proposed-returns/${byUpt[upt].id}/confirm`).set('Authorization', booth.consignment);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.proposal.status).toBe('CONFIRMED');
      expect(confirmed.body.return).toMatchObject({
        id: byUpt[upt].id,
        agreementId: agreementOf[upt],
        reason: 'unsold',
        status: 'SHIPPED',
      });
    }
    // the same confirmation retried answers the same return
    const retried = await consignment().post(`/proposed-returns/${byUpt['LP-SRG'].id}/confirm`).set('Authorization', booth.consignment);
    expect([retried.status, retried.body.return.id]).toEqual([200, byUpt['LP-SRG'].id]);

    const detail = await consignment().get(`/exhibitions/${exhibitionId}`).set('Authorization', admin.consignment);
    for (const a of detail.body.agreements) expect(a.unitsOnHand).toEqual({ sellable: 0, quarantine: 0 });
  });

  it('closes the event period by hand after the end, and automatically for the rest at the end of the return window', async () => {
    const byHand = await consignment()
      .post(`/agreements/${agreementOf['LP-SRG']}/periods/${period}/close`)
      .set('Authorization', booth.consignment);
    expect(byHand.status).toBe(200);
    expect(byHand.body).toMatchObject({ agreementId: agreementOf['LP-SRG'], period });
    expect(byHand.body.controlTotals.saleLines).toBe(2);

    const auto = await consignment().post('/exhibitions/auto-close').set('Authorization', admin.consignment);
    expect(auto.status).toBe(200);
    const mine = auto.body.closed.filter((c: { agreementId: string }) => Object.values(agreementOf).includes(c.agreementId));
    expect(mine.map((c: { agreementId: string }) => c.agreementId).sort()).toEqual(
      [agreementOf['LP-TGR-1'], agreementOf['LPP-TGR']].sort(),
    );
    for (const c of mine) expect(c.period).toBe(period);
    // nothing twice: a second run closes none of them
    const second = await consignment().post('/exhibitions/auto-close').set('Authorization', admin.consignment);
    expect(second.body.closed.filter((c: { agreementId: string }) => Object.values(agreementOf).includes(c.agreementId))).toEqual([]);

    const closes = await consignment().get(`/agreements/${agreementOf['LP-TGR-1']}/periods`).set('Authorization', tangerang.consignment);
    expect(closes.body.items).toEqual([expect.objectContaining({ period, closedBy: 'service:consignment' })]);
    // after the close, a sale in the event period is refused as any sale in a closed period
    const afterClose = await consignment()
      .post('/sales')
      .set('Authorization', booth.consignment)
      .send(line('E2E-D3-9', tas, 1, wita(last, '12:00:00')));
    expect([afterClose.status, afterClose.body.code]).toEqual([409, 'PERIOD_CLOSED']);
  });
});
