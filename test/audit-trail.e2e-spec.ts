import { mintToken, SERVICES, type ServiceName } from '@titipan/platform';
import type { ActorRole } from '@titipan/contracts';
import request from 'supertest';
import { type RunningService } from '../tools/service-process';
import { cleanUp, scratchDir, stopEach } from './support/clean-up';
import { startServicesWithDemo } from './support/stack';
import { TestEnvironment } from './support/test-environment';
import { LOCAL } from '../tools/local-settings';

/** An actor's Authorization headers, one per service (a token works on the service it names only). */
type Tokens = Record<ServiceName, string>;

interface Entry {
  position: string;
  at: string;
  actor: { id: string; role: ActorRole; scope: string | null; username?: string };
  correlationId: string;
  causationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  eventId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  scope: { venueCode: string | null; uptCode: string | null; kanwilCodes: string[] };
}

const LOUNGE = 'IMI-TGR-LOUNGE';
const SOETTA = 'IMI-JKT-SOETTA';
const DAY = 24 * 3600_000;

/** The services with an audit trail: notification records no organisation's change (a person's read marks and e-mail preferences are their own). */
const AUDITED = SERVICES.filter((service) => service !== 'notification');

/**
 * The audit trail of each service over HTTP, against the three services as processes after the demo's month:
 * every state-changing request leaves an entry with its actor, correlation id, entity and scope (and before
 * and after for changes in place); a refused request leaves none; `GET /audit` filters and stays within the
 * caller's scope.
 */
describe('audit trail in each service', () => {
  const demoOutput = scratchDir('audit-demo');
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const bearer = (role: ActorRole, scope?: string, sub?: string): Tokens =>
    Object.fromEntries(
      SERVICES.map((service) => [service, `Bearer ${mintToken(LOCAL.signingKey, { service, role, scope, sub })}`]),
    ) as Tokens;
  const admin = bearer('admin', undefined, 'admin-budi');
  const ministry = bearer('ministry', undefined, 'ditjenpas-rina');
  const cashier = bearer('venue', LOUNGE, 'kasir-ani');
  const lounge = bearer('venue', LOUNGE);
  const soetta = bearer('venue', SOETTA, 'kasir-soetta');
  const tangerangStaff = bearer('upt', 'LP-TGR-1', 'staf-tgr');
  const cipinangStaff = bearer('upt', 'LP-CIPINANG', 'staf-cipinang');
  const bantenCurator = bearer('curator', 'KW-BANTEN', 'kurator-banten');
  const bantenKanwil = bearer('kanwil', 'KW-BANTEN', 'kanwil-banten');
  const dkiKanwil = bearer('kanwil', 'KW-DKI', 'kanwil-dki');
  let run = 0;
  const correlation = (name: string) => `audit-${name}-${++run}`;

  const api = (service: ServiceName) => request(services[service].url);
  /** A request with a correlation id of its own. */
  const send = (
    service: ServiceName,
    method: 'post' | 'put' | 'patch',
    path: string,
    token: Tokens,
    correlationId: string,
    body?: object,
  ) => api(service)[method](path).set('Authorization', token[service]).set('x-correlation-id', correlationId).send(body);
  const audit = (service: ServiceName, token: Tokens, query: Record<string, string | number> = {}) =>
    api(service)
      .get('/audit')
      .query({ limit: 200, ...query })
      .set('Authorization', token[service]);
  const entriesOf = async (service: ServiceName, token: Tokens, query: Record<string, string | number> = {}): Promise<Entry[]> => {
    const response = await audit(service, token, query);
    expect(response.status).toBe(200);
    return response.body.items as Entry[];
  };
  const byCorrelation = (service: ServiceName, correlationId: string) =>
    entriesOf(service, admin).then((items) => items.filter((e) => e.correlationId === correlationId));

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServicesWithDemo(env, services, demoOutput.path);
  }, 300_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  describe('consignment', () => {
    let agreementId: string;
    let productId: string;
    let soettaAgreement: string;
    let dispatchId: string;
    let saleCorrelation: string;

    beforeAll(async () => {
      agreementId = (
        await api('consignment').get(`/agreements?upt=LP-TGR-1&venue=${LOUNGE}&status=ACTIVE`).set('Authorization', admin.consignment)
      ).body.items[0].id;
      const products = (await api('catalog').get('/products?upt=LP-TGR-1&status=APPROVED&limit=200').set('Authorization', admin.catalog))
        .body.items as { id: string; consignable: boolean }[];
      productId = products.find((p) => p.consignable)!.id;
      // a second venue, in another Kanwil, with an agreement of its own
      expect(
        (
          await send('consignment', 'post', '/venues', admin, correlation('venue'), {
            code: SOETTA,
            name: 'Gerai UMKM WBP, Bandara Soekarno-Hatta',
            partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta',
            type: 'immigration-lounge',
            kanwilCode: 'KW-DKI',
            timeZone: 'Asia/Jakarta',
            collectiveOutlet: false,
          })
        ).status,
      ).toBe(201);
      const draft = await send('consignment', 'post', '/agreements', admin, correlation('agreement'), {
        uptCode: 'LP-CIPINANG',
        venueCode: SOETTA,
        commissionBp: 0,
        validFrom: '2026-01-01',
      });
      expect(draft.status).toBe(201);
      soettaAgreement = draft.body.id;
      expect((await send('consignment', 'post', `/agreements/${soettaAgreement}/activate`, admin, correlation('activate'))).status).toBe(
        200,
      );
    });

    it('records a dispatch and its receipt with the actor, correlation id, entity and id; the receipt with the status before and after', async () => {
      const dispatchCorrelation = correlation('dispatch');
      const dispatch = await send('consignment', 'post', '/dispatches', tangerangStaff, dispatchCorrelation, {
        agreementId,
        lines: [{ productId, lotCode: 'AUDIT-1', expiryDate: new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10), quantity: 10 }],
      });
      expect(dispatch.status).toBe(201);
      dispatchId = dispatch.body.id;
      const [created] = await byCorrelation('consignment', dispatchCorrelation);
      expect(created).toMatchObject({
        actor: { id: 'staf-tgr', role: 'upt', scope: 'LP-TGR-1', username: 'staf-tgr' },
        correlationId: dispatchCorrelation,
        action: 'consignment.dispatch.created',
        entity: 'dispatch',
        entityId: dispatchId,
        eventId: expect.any(String),
        scope: { venueCode: LOUNGE, uptCode: 'LP-TGR-1', kanwilCodes: ['KW-BANTEN'] },
      });

      const receiptCorrelation = correlation('receipt');
      const receipt = await send('consignment', 'post', `/dispatches/${dispatchId}/receipt`, lounge, receiptCorrelation, {
        lines: [{ lineNo: 1, accepted: 10, damaged: 0, short: 0 }],
      });
      expect(receipt.status).toBe(201);
      expect(await byCorrelation('consignment', receiptCorrelation)).toEqual([
        expect.objectContaining({
          actor: { id: `venue@${LOUNGE}`, role: 'venue', scope: LOUNGE, username: `venue@${LOUNGE}` },
          action: 'consignment.receipt.confirmed',
          entity: 'dispatch',
          entityId: dispatchId,
          before: { status: 'IN_TRANSIT' },
          after: { status: 'RECEIVED' },
        }),
      ]);
    });

    it("records a sales batch with the cashier's subject, role and scope", async () => {
      saleCorrelation = correlation('sale');
      const line = { receiptNo: 'AUDIT-STRUK-1', lineNo: 1, productId, lotCode: 'AUDIT-1', quantity: 2, soldAt: new Date().toISOString() };
      const sale = await send('consignment', 'post', '/sales/batches', cashier, saleCorrelation, {
        lines: [line],
      });
      expect(sale.status).toBe(201);
      expect(sale.body.accepted).toBe(1);
      const entries = await byCorrelation('consignment', saleCorrelation);
      expect(entries).toEqual([
        expect.objectContaining({
          actor: { id: 'kasir-ani', role: 'venue', scope: LOUNGE, username: 'kasir-ani' },
          correlationId: saleCorrelation,
          action: 'consignment.sales.recorded',
          entity: 'sales-batch',
          entityId: sale.body.lines[0].batchId,
          scope: { venueCode: LOUNGE, uptCode: 'LP-TGR-1', kanwilCodes: ['KW-BANTEN'] },
        }),
      ]);
      // the same upload again changes nothing, and records nothing
      const resent = correlation('sale-resent');
      const again = await send('consignment', 'post', '/sales/batches', cashier, resent, {
        lines: [line],
      });
      expect(again.body.duplicates).toBe(1);
      expect(await byCorrelation('consignment', resent)).toEqual([]);
    });

    it('records nothing for a refused request', async () => {
      const oversell = correlation('oversell');
      const refused = await send('consignment', 'post', '/sales', cashier, oversell, {
        receiptNo: 'AUDIT-STRUK-2',
        lineNo: 1,
        productId,
        lotCode: 'AUDIT-1',
        quantity: 9_999,
        soldAt: new Date().toISOString(),
      });
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'INSUFFICIENT_STOCK' });
      const foreign = correlation('foreign-cancel');
      const cancel = await send('consignment', 'post', `/dispatches/${dispatchId}/cancel`, cipinangStaff, foreign, { reason: 'not ours' });
      expect(cancel.status).toBe(403);
      const clash = correlation('clash');
      expect((await send('consignment', 'post', `/agreements/${agreementId}/activate`, admin, clash)).status).toBe(409);
      for (const id of [oversell, foreign, clash]) expect(await byCorrelation('consignment', id)).toEqual([]);
    });

    it('records a price change with the price in effect before it and the history row it added', async () => {
      const before = (await api('consignment').get(`/agreements/${agreementId}`).set('Authorization', admin.consignment)).body.prices as {
        productId: string;
        price: number;
      }[];
      const old = before.find((p) => p.productId === productId)!.price;
      const priceCorrelation = correlation('prices');
      const set = await send('consignment', 'put', `/agreements/${agreementId}/prices`, admin, priceCorrelation, {
        prices: [{ productId, price: old + 500 }],
      });
      expect(set.status).toBe(200);
      expect(await byCorrelation('consignment', priceCorrelation)).toEqual([
        expect.objectContaining({
          actor: { id: 'admin-budi', role: 'admin', scope: null, username: 'admin-budi' },
          action: 'consignment.agreement.prices-set',
          entity: 'agreement',
          entityId: agreementId,
          eventId: null,
          before: { prices: [expect.objectContaining({ productId, price: old })] },
          after: { prices: [expect.objectContaining({ productId, price: old + 500 })] },
        }),
      ]);
    });

    it('records a stock count that matches the book, though it publishes nothing', async () => {
      const countCorrelation = correlation('count');
      const count = await send('consignment', 'post', '/stock-counts', lounge, countCorrelation, {
        agreementId,
        reason: 'audit: cek stok',
        lines: [{ productId, lotCode: 'AUDIT-1', counted: 8 }],
      });
      expect(count.status).toBe(201);
      expect(await byCorrelation('consignment', countCorrelation)).toEqual([
        expect.objectContaining({
          action: 'consignment.stock-count.recorded',
          entity: 'stock-count',
          entityId: count.body.id,
          eventId: null,
        }),
      ]);
    });

    it("has an entry for each kind of change the demo's month made", async () => {
      const actions = new Set<string>();
      for (const entity of ['venue', 'agreement', 'dispatch', 'sales-batch', 'return', 'stock-count', 'period']) {
        for (const e of await entriesOf('consignment', admin, { entity, venue: LOUNGE })) actions.add(e.action);
      }
      expect([...actions].sort()).toEqual(
        expect.arrayContaining([
          'consignment.agreement.activated',
          'consignment.agreement.created',
          'consignment.agreement.prices-set',
          'consignment.dispatch.created',
          'consignment.period.closed',
          'consignment.receipt.confirmed',
          'consignment.return.shipped',
          'consignment.sales.recorded',
          'consignment.stock.adjusted',
          'consignment.venue.registered',
        ]),
      );
    });

    it('filters by entity and id, actor, and time (from inclusive, to exclusive)', async () => {
      const ofDispatch = await entriesOf('consignment', admin, { entity: 'dispatch', id: dispatchId });
      expect(ofDispatch.map((e) => e.action)).toEqual(['consignment.receipt.confirmed', 'consignment.dispatch.created']);
      const byCashier = await entriesOf('consignment', admin, { actor: 'kasir-ani' });
      expect(byCashier.map((e) => e.correlationId)).toEqual([saleCorrelation]);

      const [sale] = await byCorrelation('consignment', saleCorrelation);
      const fromSale = await entriesOf('consignment', admin, { from: sale.at, entity: 'dispatch' });
      expect(fromSale).toEqual([]); // the dispatch's entries are older than the sale
      const toSale = await entriesOf('consignment', admin, { to: sale.at, actor: 'kasir-ani' });
      expect(toSale).toEqual([]);
      const aroundSale = await entriesOf('consignment', admin, { from: sale.at, to: new Date(Date.parse(sale.at) + 1).toISOString() });
      expect(aroundSale.map((e) => e.correlationId)).toContain(saleCorrelation);
      expect(aroundSale.every((e) => e.at === sale.at)).toBe(true);

      expect((await audit('consignment', admin, { from: '2026-11-01' })).body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(
        (await audit('consignment', admin, { from: '2026-11-02T00:00:00+07:00', to: '2026-11-01T00:00:00+07:00' })).body,
      ).toMatchObject({
        statusCode: 400,
        code: 'RANGE_REVERSED',
      });
    });

    it("answers a page within the caller's scope, and refuses a filter outside it", async () => {
      const page = (await audit('consignment', lounge, { limit: 5 })).body;
      expect(page).toMatchObject({ limit: 5, offset: 0 });
      expect(page.total).toBeGreaterThan(100);
      const own = await entriesOf('consignment', lounge);
      expect(own.every((e) => e.scope.venueCode === LOUNGE)).toBe(true);
      const soettas = await entriesOf('consignment', soetta);
      expect(soettas.length).toBeGreaterThan(0);
      expect(soettas.every((e) => e.scope.venueCode === SOETTA)).toBe(true);

      const outOfScope: Record<string, string>[] = [
        { venue: SOETTA },
        { entity: 'agreement', id: soettaAgreement },
        { id: soettaAgreement },
      ];
      for (const query of outOfScope) {
        const refused = await audit('consignment', lounge, query);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('OUT_OF_SCOPE');
      }
      expect((await entriesOf('consignment', soetta, { entity: 'agreement', id: soettaAgreement })).map((e) => e.action)).toEqual([
        'consignment.agreement.activated',
        'consignment.agreement.created',
      ]);
      expect((await audit('consignment', tangerangStaff, { upt: 'LP-CIPINANG' })).status).toBe(403);
      expect((await entriesOf('consignment', tangerangStaff)).every((e) => e.scope.uptCode === 'LP-TGR-1')).toBe(true);
      // a Kanwil reads the agreements of its venues
      const dki = await entriesOf('consignment', dkiKanwil);
      expect(dki.length).toBeGreaterThan(0);
      expect(dki.every((e) => e.scope.kanwilCodes.includes('KW-DKI'))).toBe(true);
      expect((await audit('consignment', dkiKanwil, { entity: 'dispatch', id: dispatchId })).status).toBe(403);
      expect((await entriesOf('consignment', bantenKanwil, { entity: 'dispatch', id: dispatchId })).length).toBe(2);
    });
  });

  describe('catalog', () => {
    let productId: string;

    it('records a new product, an edit of its certificates with before and after, and each status change', async () => {
      const create = correlation('product');
      const product = await send('catalog', 'post', '/products', tangerangStaff, create, {
        sku: 'AUDIT-MADU-250',
        name: 'Madu Hutan 250 ml',
        category: 'food',
        unit: 'bottle',
        price: 45_000,
        shelfLifeDays: 365,
        certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010177-29', issuedOn: '2024-02-01' }],
      });
      expect(product.status).toBe(201);
      productId = product.body.id;
      expect(await byCorrelation('catalog', create)).toEqual([
        expect.objectContaining({
          actor: { id: 'staf-tgr', role: 'upt', scope: 'LP-TGR-1', username: 'staf-tgr' },
          action: 'catalog.product.created',
          entity: 'product',
          entityId: productId,
          after: expect.objectContaining({ sku: 'AUDIT-MADU-250', status: 'DRAFT' }),
          scope: { venueCode: null, uptCode: 'LP-TGR-1', kanwilCodes: ['KW-BANTEN'] },
        }),
      ]);

      const edit = correlation('certificates');
      const halal = { kind: 'HALAL', number: 'ID36110012345670126', issuedOn: '2025-01-15' };
      const patched = await send('catalog', 'patch', `/products/${productId}`, tangerangStaff, edit, {
        certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010177-29', issuedOn: '2024-02-01' }, halal],
      });
      expect(patched.status).toBe(200);
      const [edited] = await byCorrelation('catalog', edit);
      expect(edited).toMatchObject({ action: 'catalog.product.updated', eventId: null });
      expect(edited.before).toEqual({ certificates: [expect.objectContaining({ kind: 'PIRT' })] });
      expect(edited.after).toEqual({ certificates: [expect.objectContaining({ kind: 'PIRT' }), expect.objectContaining(halal)] });

      const submit = correlation('submit');
      expect((await send('catalog', 'post', `/products/${productId}/submit`, tangerangStaff, submit)).status).toBe(200);
      const approve = correlation('approve');
      const review = await send('catalog', 'post', `/products/${productId}/reviews`, bantenCurator, approve, {
        decision: 'APPROVE',
        scores: { quality: 4, packaging: 4, compliance: 4, marketPotential: 4 },
      });
      expect(review.status).toBe(201);
      const suspend = correlation('suspend');
      expect((await send('catalog', 'post', `/products/${productId}/suspend`, bantenCurator, suspend, { reason: 'audit' })).status).toBe(
        200,
      );
      const changes = [
        [submit, 'catalog.product.submitted', 'DRAFT', 'SUBMITTED', 'staf-tgr'],
        [approve, 'catalog.product.approved', 'SUBMITTED', 'APPROVED', 'kurator-banten'],
        [suspend, 'catalog.product.suspended', 'APPROVED', 'SUSPENDED', 'kurator-banten'],
      ];
      for (const [id, action, from, to, actor] of changes) {
        expect(await byCorrelation('catalog', id)).toEqual([
          expect.objectContaining({
            action,
            actor: expect.objectContaining({ id: actor }),
            eventId: expect.any(String),
            before: { status: from },
            after: { status: to },
          }),
        ]);
      }
    });

    it('records nothing for a refused change', async () => {
      const identity = correlation('sku-change');
      const refused = await send('catalog', 'patch', `/products/${productId}`, tangerangStaff, identity, { sku: 'AUDIT-OTHER' });
      expect(refused.status).toBe(409);
      const foreign = correlation('foreign-suspend');
      expect((await send('catalog', 'post', `/products/${productId}/reinstate`, cipinangStaff, foreign)).status).toBe(403);
      for (const id of [identity, foreign]) expect(await byCorrelation('catalog', id)).toEqual([]);
    });

    it("keeps a UPT to its own products' entries and a Kanwil to its UPTs'", async () => {
      expect((await audit('catalog', cipinangStaff, { entity: 'product', id: productId })).status).toBe(403);
      const cipinang = await entriesOf('catalog', cipinangStaff);
      expect(cipinang.length).toBeGreaterThan(0);
      expect(cipinang.every((e) => e.scope.uptCode === 'LP-CIPINANG')).toBe(true);
      expect((await entriesOf('catalog', bantenCurator, { entity: 'product', id: productId })).length).toBe(5);
      expect((await audit('catalog', dkiKanwil, { entity: 'product', id: productId })).status).toBe(403);
      // the seed's curator approved every reference product of Banten
      const seeded = await entriesOf('catalog', bantenKanwil, { entity: 'product', actor: 'seed-curator@KW-BANTEN' });
      expect(seeded.length).toBeGreaterThan(5);
      expect(seeded.every((e) => e.action === 'catalog.product.approved' && e.scope.kanwilCodes[0] === 'KW-BANTEN')).toBe(true);
    });
  });

  describe('reporting', () => {
    it("records the demo's payments and deposit with the status before and after, and each issue as its closer's doing", async () => {
      const statements = (await api('reporting').get(`/statements?venue=${LOUNGE}&limit=200`).set('Authorization', admin.reporting)).body
        .items as {
        id: string;
        uptCode: string;
      }[];
      const tangerang = statements.find((s) => s.uptCode === 'LP-TGR-1')!;
      const entries = await entriesOf('reporting', lounge, { entity: 'statement', id: tangerang.id });
      expect(entries.map((e) => [e.action, e.actor.id, e.before, e.after])).toEqual([
        ['reporting.statement.deposited', 'demo-upt@LP-TGR-1', { status: 'PAID' }, { status: 'DEPOSITED' }],
        ['reporting.statement.paid', `demo-venue@${LOUNGE}`, { status: 'ISSUED' }, { status: 'PAID' }],
        ['reporting.statement.issued', `demo-venue@${LOUNGE}`, null, null],
      ]);
      expect(entries[2].causationId).toEqual(expect.any(String)); // issued while handling the close
      expect(entries[0].scope).toEqual({ venueCode: LOUNGE, uptCode: 'LP-TGR-1', kanwilCodes: ['KW-BANTEN'] });
      expect((await audit('reporting', soetta, { entity: 'statement', id: tangerang.id })).status).toBe(403);
      // unfiltered, the lounge sees its own statements' entries, not the ministry's national split policy
      const own = await entriesOf('reporting', lounge);
      expect(own.length).toBeGreaterThan(3);
      expect(own.every((e) => e.scope.venueCode === LOUNGE)).toBe(true);
      const national = await entriesOf('reporting', admin, { entity: 'split-policy', actor: 'demo-ministry' });
      expect(national.map((e) => e.scope)).toEqual([{ venueCode: null, uptCode: null, kanwilCodes: [] }]);
    });

    it("records a split policy, and a PNBP target's amount before and after", async () => {
      const policy = correlation('split');
      const created = await send('reporting', 'post', '/split-policies', ministry, policy, {
        uptCode: 'LP-TGR-1',
        effectiveFrom: '2030-01-01',
        shares: [
          { name: 'PNBP', basisPoints: 2_000, legalReference: 'Kepmen M.01-PP.02.01/1990' },
          { name: 'PREMI', basisPoints: 8_000, legalReference: 'PP 32/1999 pasal 29' },
        ],
      });
      expect(created.status).toBe(201);
      expect(await byCorrelation('reporting', policy)).toEqual([
        expect.objectContaining({
          actor: { id: 'ditjenpas-rina', role: 'ministry', scope: null, username: 'ditjenpas-rina' },
          action: 'reporting.split-policy.created',
          entity: 'split-policy',
          entityId: created.body.id,
          after: expect.objectContaining({ uptCode: 'LP-TGR-1', effectiveFrom: '2030-01-01' }),
          scope: { venueCode: null, uptCode: 'LP-TGR-1', kanwilCodes: ['KW-BANTEN'] },
        }),
      ]);

      const first = correlation('target');
      expect((await send('reporting', 'put', '/pnbp-targets/LP-TGR-1/2030', ministry, first, { amount: 10_000_000 })).status).toBe(201);
      const second = correlation('target');
      // targets are effective-dated history: a revision names the day it applies from
      const revision = { amount: 12_500_000, effectiveFrom: '2030-07-01' };
      expect((await send('reporting', 'put', '/pnbp-targets/LP-TGR-1/2030', ministry, second, revision)).status).toBe(200);
      const refused = correlation('target');
      expect((await send('reporting', 'put', '/pnbp-targets/LP-TGR-1/2030', tangerangStaff, refused, { amount: 1 })).status).toBe(403);
      const [set] = await byCorrelation('reporting', first);
      expect(set).toMatchObject({ entity: 'pnbp-target', entityId: 'LP-TGR-1/2030', before: null, after: { amount: 10_000_000 } });
      const [reset] = await byCorrelation('reporting', second);
      expect(reset).toMatchObject({ before: { amount: 10_000_000, effectiveFrom: '2030-01-01' }, after: revision });
      expect(await byCorrelation('reporting', refused)).toEqual([]);
      expect((await entriesOf('reporting', tangerangStaff, { entity: 'pnbp-target' })).length).toBe(2);
      expect((await audit('reporting', cipinangStaff, { entity: 'pnbp-target', id: 'LP-TGR-1/2030' })).status).toBe(403);
    });
  });
  describe("GET /audit-entries: the admins' search of each service's trail", () => {
    const search = (service: ServiceName, query: Record<string, string | number> = {}, token: Tokens = admin) =>
      api(service).get('/audit-entries').query(query).set('Authorization', token[service]);
    const found = async (service: ServiceName, query: Record<string, string | number>): Promise<Entry[]> => {
      const response = await search(service, { limit: 200, ...query });
      expect(response.status).toBe(200);
      return response.body.items as Entry[];
    };

    it('answers admins only, on each of the three services', async () => {
      for (const service of AUDITED) {
        for (const token of [ministry, bantenKanwil, tangerangStaff, lounge])
          expect([service, (await search(service, {}, token)).body.code]).toEqual([service, 'ROLE_NOT_ALLOWED']);
        expect((await search(service)).status).toBe(200);
      }
    });

    it('pages newest first by cursor, each page going on below the last, until the last page says so', async () => {
      for (const service of AUDITED) {
        const whole = (await search(service, { limit: 12 })).body as { items: Entry[]; nextCursor: string | null };
        const first = (await search(service, { limit: 5 })).body as { items: Entry[]; nextCursor: string };
        const second = (await search(service, { limit: 7, cursor: first.nextCursor })).body as { items: Entry[] };
        expect([...first.items, ...second.items]).toEqual(whole.items);
        const positions = whole.items.map((e) => BigInt(e.position));
        expect(positions).toEqual([...positions].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
        expect(first.nextCursor).toBe(first.items[4].position);
      }
      const [newer, older] = await found('reporting', { subject: 'LP-TGR-1/2030' });
      const page = (await search('reporting', { subject: 'LP-TGR-1/2030', limit: 1 })).body;
      expect(page).toEqual({ items: [newer], nextCursor: newer.position });
      expect((await search('reporting', { subject: 'LP-TGR-1/2030', limit: 1, cursor: page.nextCursor })).body).toEqual({
        items: [older],
        nextCursor: null,
      });
    });

    it('finds entries by words of their action, subject and details, by subject, by actor (subject or username), by action and by time, all together', async () => {
      // the product the catalog tests made and edited: its name is in the created entry's details
      const madu = await found('catalog', { q: 'madu hut' });
      expect(madu.map((e) => e.action)).toEqual(['catalog.product.created']);
      const productId = madu[0].entityId;
      const history = await found('catalog', { subject: productId });
      expect(history.map((e) => e.action)).toEqual([
        'catalog.product.suspended',
        'catalog.product.approved',
        'catalog.product.submitted',
        'catalog.product.updated',
        'catalog.product.created',
      ]);
      expect((await found('catalog', { q: 'ID36110012345670126' })).map((e) => e.action)).toEqual(['catalog.product.updated']);
      expect((await found('catalog', { q: 'suspended', subject: productId, actor: 'kurator-banten' })).map((e) => e.action)).toEqual([
        'catalog.product.suspended',
      ]);
      expect(await found('catalog', { q: 'madu', actor: 'kasir-ani' })).toEqual([]);

      const cashier = await found('consignment', { actor: 'kasir-ani', action: 'consignment.sales.recorded' });
      expect(cashier.length).toBeGreaterThan(0);
      expect(cashier.every((e) => e.actor.id === 'kasir-ani' && e.action === 'consignment.sales.recorded')).toBe(true);
      const [sale] = cashier;
      const around = await found('consignment', { from: sale.at, to: new Date(Date.parse(sale.at) + 1).toISOString(), actor: 'kasir-ani' });
      expect(around.map((e) => e.position)).toContain(sale.position);
      expect(await found('consignment', { to: sale.at, actor: 'kasir-ani', subject: sale.entityId })).toEqual([]);
      // a venue's code, split by its dashes as the words are, finds the venue's registration
      expect((await found('consignment', { q: SOETTA, action: 'consignment.venue.registered' })).map((e) => e.entityId)).toEqual([SOETTA]);

      const policies = await found('reporting', { q: 'PNBP Kepmen', actor: 'ditjenpas-rina' });
      expect(policies.map((e) => e.action)).toEqual(['reporting.split-policy.created']);
      expect((await found('reporting', { subject: 'LP-TGR-1/2030' })).map((e) => e.after)).toEqual([
        { amount: 12_500_000, effectiveFrom: '2030-07-01', legalReference: null },
        { amount: 10_000_000, effectiveFrom: '2030-01-01', legalReference: null },
      ]);
    });

    it('refuses a bad filter with its code and field', async () => {
      const refusals: [Record<string, string | number>, string][] = [
        [{ from: '2026-11-01' }, 'VALIDATION_FAILED'],
        [{ to: 'yesterday' }, 'VALIDATION_FAILED'],
        [{ from: '2026-11-02T00:00:00+07:00', to: '2026-11-01T00:00:00+07:00' }, 'RANGE_REVERSED'],
        [{ cursor: 'abc' }, 'VALIDATION_FAILED'],
        [{ cursor: '0' }, 'VALIDATION_FAILED'],
        [{ q: '!!!' }, 'VALIDATION_FAILED'],
        [{ action: 'DROP TABLE' }, 'VALIDATION_FAILED'],
        [{ limit: 0 }, 'VALIDATION_FAILED'],
        [{ entity: 'product' }, 'VALIDATION_FAILED'],
      ];
      for (const [query, code] of refusals) {
        const refused = await search('consignment', query);
        expect([query, refused.status, refused.body.code]).toEqual([query, 400, code]);
      }
      expect((await search('consignment', { cursor: 'abc' })).body.details.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });
  });
});
