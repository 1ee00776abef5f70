import { topicName } from '@titipan/contracts';
import request from 'supertest';
import { freePort } from '../../../test/support/free-port';
import { TopicProbe } from '../../../test/support/kafka-probe';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearer as bearerFor } from '../../../test/support/tokens';
import { startServiceProcess, type RunningService } from '../../../tools/service-process';
import { cleanUp } from '../../../test/support/clean-up';

/** Products over HTTP against the catalog process, the real database and the real broker. */
describe('catalog products', () => {
  let env: TestEnvironment;
  let catalog: RunningService;
  let probe: TopicProbe;
  const bearer = (role: Parameters<typeof bearerFor>[1], scope?: string) => bearerFor('catalog', role, scope);
  const admin = bearer('admin');
  const tangerang = bearer('upt', 'LP-TGR-1');
  const perempuan = bearer('upt', 'LPP-TGR');
  const curatorBanten = bearer('curator', 'KW-BANTEN');
  const curatorDki = bearer('curator', 'KW-DKI');
  const api = () => request(catalog.url);
  const scores = { quality: 4, packaging: 4, compliance: 5, marketPotential: 3 };
  const halal = { kind: 'HALAL', number: 'ID36110012345670126', issuedOn: '2026-01-05' };
  const pirt = { kind: 'PIRT', number: 'P-IRT No. 2063671010123-29', issuedOn: '2024-03-01' };
  const keripik = {
    sku: 'KRP-TEMPE-100',
    name: 'Keripik Tempe 100 g',
    category: 'food',
    unit: 'pack',
    price: 10_000,
    shelfLifeDays: 90,
    certificates: [pirt, halal],
  };
  const eventsOf = (productId: string, type?: string) =>
    probe.received.map((r) => JSON.parse(r.message.value!.toString())).filter((e) => e.subject === productId && (!type || e.type === type));
  const create = async (token: string, body: object) => {
    const response = await api().post('/products').set('Authorization', token).send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string; status: string };
  };
  const submitted = async (token: string, body: object) => {
    const product = await create(token, body);
    expect((await api().post(`/products/${product.id}/submit`).set('Authorization', token)).status).toBe(200);
    return product;
  };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    catalog = await startServiceProcess('catalog', env.env('catalog', await freePort()));
    probe = await new TopicProbe(env.kafka, [topicName('catalog', env.topicPrefix)]).start();
    for (const kanwil of [
      { code: 'KW-BANTEN', name: 'Kanwil Ditjenpas Banten' },
      { code: 'KW-DKI', name: 'Kanwil Ditjenpas DKI Jakarta' },
    ]) {
      expect((await api().post('/kanwils').set('Authorization', admin).send(kanwil)).status).toBe(201);
    }
    for (const upt of [
      { code: 'LP-TGR-1', name: 'Lapas Kelas I Tangerang', type: 'LAPAS', class: 'I', kanwilCode: 'KW-BANTEN', satkerCode: '412345' },
      {
        code: 'LPP-TGR',
        name: 'Lapas Perempuan Kelas IIA Tangerang',
        type: 'LPP',
        class: 'IIA',
        kanwilCode: 'KW-BANTEN',
        satkerCode: '412346',
      },
      { code: 'LP-CIPINANG', name: 'Lapas Kelas I Cipinang', type: 'LAPAS', class: 'I', kanwilCode: 'KW-DKI', satkerCode: '412400' },
    ]) {
      expect((await api().post('/upts').set('Authorization', admin).send(upt)).status).toBe(201);
    }
  });
  afterAll(() =>
    cleanUp(
      () => probe?.stop(),
      () => catalog?.stop(),
      () => env?.dispose(),
    ),
  );

  it('registers a draft, submits it, and a curator of its Kanwil approves it: the snapshot event is emitted once', async () => {
    const draft = await create(tangerang, keripik);
    expect(draft).toMatchObject({ status: 'DRAFT', uptCode: 'LP-TGR-1', kanwilCode: 'KW-BANTEN', price: 10_000, consignable: true });
    expect(eventsOf(draft.id)).toEqual([]); // drafts are private to the UPT

    const submit = await api().post(`/products/${draft.id}/submit`).set('Authorization', tangerang);
    expect(submit.body.status).toBe('SUBMITTED');
    const approve = await api()
      .post(`/products/${draft.id}/reviews`)
      .set('Authorization', curatorBanten)
      .send({ decision: 'APPROVE', scores, notes: 'rapi' });
    expect(approve.status).toBe(201);
    expect(approve.body.product.status).toBe('APPROVED');
    expect(approve.body.review).toMatchObject({ decision: 'APPROVED', scores, reviewer: 'curator@KW-BANTEN' });

    const [approved] = await probe.waitFor(
      1,
      (r) => r.message.value!.toString().includes('"catalog.product.approved"') && r.message.key?.toString() === draft.id,
    );
    expect(JSON.parse(approved.message.value!.toString())).toMatchObject({
      subject: draft.id,
      partitionKey: draft.id,
      actor: { id: 'curator@KW-BANTEN', role: 'curator', scope: 'KW-BANTEN' },
      data: {
        productId: draft.id,
        sku: 'KRP-TEMPE-100',
        name: 'Keripik Tempe 100 g',
        category: 'food',
        uptCode: 'LP-TGR-1',
        kanwilCode: 'KW-BANTEN',
        unit: 'pack',
        price: 10_000,
        shelfLifeDays: 90,
        consignable: true,
        reviewId: approve.body.review.id,
      },
    });
    // approving again is an illegal transition, and nothing more is published
    const again = await api()
      .post(`/products/${draft.id}/reviews`)
      .set('Authorization', curatorBanten)
      .send({ decision: 'APPROVE', scores });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { current: 'APPROVED', requested: 'APPROVED' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(eventsOf(draft.id).map((e) => e.type)).toEqual(['catalog.product.submitted', 'catalog.product.approved']);
  });

  it('refuses an approval that breaks a rule with the rule named, writes and emits nothing, and lets the UPT fix it', async () => {
    const product = await submitted(perempuan, {
      ...keripik,
      sku: 'MAKARONI-150',
      name: 'Makaroni Keju 150 g',
      price: 15_000,
      shelfLifeDays: 60,
      certificates: [pirt],
    });
    const refused = await api()
      .post(`/products/${product.id}/reviews`)
      .set('Authorization', curatorBanten)
      .send({ decision: 'APPROVE', scores });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'HALAL_REQUIRED', details: { rule: 'halal-from-2026-10-17' } });
    expect((await api().get(`/products/${product.id}`).set('Authorization', admin)).body.status).toBe('SUBMITTED');
    expect((await api().get(`/products/${product.id}/reviews`).set('Authorization', admin)).body).toMatchObject({ items: [], total: 0 });

    const reject = await api()
      .post(`/products/${product.id}/reviews`)
      .set('Authorization', curatorBanten)
      .send({ decision: 'REJECT', scores, notes: 'sertifikat halal belum ada' });
    expect(reject.body.product.status).toBe('REJECTED');
    expect((await api().post(`/products/${product.id}/revise`).set('Authorization', perempuan)).body.status).toBe('DRAFT');
    const fixed = await api()
      .patch(`/products/${product.id}`)
      .set('Authorization', perempuan)
      .send({ certificates: [pirt, halal] });
    expect(fixed.status).toBe(200);
    await api().post(`/products/${product.id}/submit`).set('Authorization', perempuan);
    expect(
      (await api().post(`/products/${product.id}/reviews`).set('Authorization', curatorBanten).send({ decision: 'APPROVE', scores }))
        .status,
    ).toBe(201);

    await probe.waitFor(
      1,
      (r) => r.message.key?.toString() === product.id && r.message.value!.toString().includes('"catalog.product.approved"'),
    );
    expect(eventsOf(product.id).map((e) => e.type)).toEqual([
      'catalog.product.submitted',
      'catalog.product.rejected',
      'catalog.product.submitted',
      'catalog.product.approved',
    ]);
    expect(eventsOf(product.id, 'catalog.product.rejected')[0].data.reasons).toEqual(['sertifikat halal belum ada']);
  });

  it('keeps a product of a day or less listed but not consignable', async () => {
    const bolu = await create(perempuan, {
      sku: 'BOLU-NONA',
      name: 'Bolu Nona Hitam Manis',
      category: 'food',
      unit: 'box',
      price: 45_000,
      shelfLifeDays: 1,
      certificates: [{ kind: 'BPOM_MD', number: 'MD 123456789012', issuedOn: '2025-02-01' }, halal],
    });
    expect(bolu).toMatchObject({ consignable: false });
  });

  it("enforces scope: a venue cannot create products, a UPT cannot touch another UPT's product, a curator only reviews its Kanwil", async () => {
    const venue = await api().post('/products').set('Authorization', bearer('venue', 'IMI-TGR-LOUNGE')).send(keripik);
    expect(venue.status).toBe(403);
    expect(venue.body.code).toBe('ROLE_NOT_ALLOWED');

    const product = await create(tangerang, {
      ...keripik,
      sku: 'TELANG-250',
      name: 'Minuman Bunga Telang 250 ml',
      category: 'beverage',
      price: 8_000,
      shelfLifeDays: 30,
    });
    const edit = await api().patch(`/products/${product.id}`).set('Authorization', perempuan).send({ name: 'mine now' });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'OUT_OF_SCOPE', message: 'upt of LPP-TGR may not act on upt LP-TGR-1' });
    expect((await api().post(`/products/${product.id}/submit`).set('Authorization', perempuan)).status).toBe(403);

    await api().post(`/products/${product.id}/submit`).set('Authorization', tangerang);
    const foreign = await api()
      .post(`/products/${product.id}/reviews`)
      .set('Authorization', curatorDki)
      .send({ decision: 'APPROVE', scores });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('OUT_OF_SCOPE');
    const own = await api().post(`/products/${product.id}/reviews`).set('Authorization', tangerang).send({ decision: 'APPROVE', scores });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('ROLE_NOT_ALLOWED');
    expect((await api().get(`/products/${product.id}`).set('Authorization', admin)).body.status).toBe('SUBMITTED');
  });

  it('validates input at the edge: bounds, formats and unknown fields, writing nothing', async () => {
    const before = (await api().get('/products').set('Authorization', admin)).body.total;
    const bad = await api()
      .post('/products')
      .set('Authorization', tangerang)
      .send({
        ...keripik,
        sku: 'bad sku',
        price: 0,
        shelfLifeDays: -1,
        colour: 'red',
        certificates: [{ kind: 'HALAL', number: 'ID123', issuedOn: '2026-13-01' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`).sort()).toEqual([
      'certificates.0.issuedOn:isIso8601',
      'certificates.0.number:certificateNumberFormat',
      'colour:whitelistValidation',
      'price:min',
      'shelfLifeDays:min',
      'sku:matches',
    ]);
    expect(
      (
        await api()
          .post('/products')
          .set('Authorization', tangerang)
          .send({ ...keripik, price: 10_000_000_000 })
      ).body.details.fields[0],
    ).toMatchObject({ field: 'price', rule: 'max' });
    expect((await api().get('/products').set('Authorization', admin)).body.total).toBe(before);

    const duplicate = await api().post('/products').set('Authorization', tangerang).send(keripik);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'SKU_TAKEN', details: { field: 'sku' } });
    // the same SKU at another UPT is another product
    await create(bearer('upt', 'LP-CIPINANG'), keripik);

    expect((await api().get('/products/0190c8e4-0000-7000-8000-000000000000').set('Authorization', admin)).status).toBe(404);
    expect((await api().get('/products/not-a-uuid').set('Authorization', admin)).body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_ID',
    });
  });

  it('never edits the identity of an approved product, only its description and certificates', async () => {
    const { items } = (await api().get('/products?upt=LP-TGR-1&status=APPROVED').set('Authorization', admin)).body;
    const id = items[0].id;
    const sku = await api().patch(`/products/${id}`).set('Authorization', tangerang).send({ sku: 'NEW-SKU' });
    expect(sku.status).toBe(409);
    expect(sku.body).toMatchObject({ code: 'IDENTITY_IMMUTABLE', details: { current: 'APPROVED', fields: ['sku'] } });
    const description = await api().patch(`/products/${id}`).set('Authorization', tangerang).send({ description: 'gurih, tanpa pengawet' });
    expect(description.status).toBe(200);
    expect(description.body).toMatchObject({ sku: 'KRP-TEMPE-100', description: 'gurih, tanpa pengawet' });
  });

  it('changes prices from a time on, never in the past, keeping the history', async () => {
    const { items } = (await api().get('/products?upt=LP-TGR-1&status=APPROVED').set('Authorization', admin)).body;
    const id = items[0].id;
    const past = await api()
      .post(`/products/${id}/price-changes`)
      .set('Authorization', tangerang)
      .send({ price: 12_000, effectiveFrom: '2026-01-01T00:00:00+07:00' });
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('PRICE_CHANGE_IN_PAST');

    const future = new Date(Date.now() + 7 * 24 * 3600_000);
    const scheduled = await api()
      .post(`/products/${id}/price-changes`)
      .set('Authorization', tangerang)
      .send({ price: 12_000, effectiveFrom: future.toISOString() });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.items.map((p: { price: number }) => p.price)).toEqual([10_000, 12_000]);
    // the current price is still the old one until the new one takes effect
    expect((await api().get(`/products/${id}`).set('Authorization', admin)).body.price).toBe(10_000);
    const [changed] = await probe.waitFor(
      1,
      (r) => r.message.key?.toString() === id && r.message.value!.toString().includes('price-changed'),
    );
    expect(JSON.parse(changed.message.value!.toString()).data).toMatchObject({
      productId: id,
      oldPrice: 10_000,
      newPrice: 12_000,
      effectiveFrom: future.toISOString().replace('Z', '+00:00'),
    });

    const now = await api().post(`/products/${id}/price-changes`).set('Authorization', tangerang).send({ price: 11_000 });
    expect(now.status).toBe(201);
    expect((await api().get(`/products/${id}`).set('Authorization', admin)).body.price).toBe(11_000);
  });

  it('suspends and reinstates through a curator, and discontinued products stay as they are', async () => {
    const { items } = (await api().get('/products?upt=LP-TGR-1&status=APPROVED').set('Authorization', admin)).body;
    const id = items[0].id;
    const suspend = await api().post(`/products/${id}/suspend`).set('Authorization', curatorBanten).send({ reason: 'kemasan rusak' });
    expect(suspend.body.status).toBe('SUSPENDED');
    expect((await api().post(`/products/${id}/reinstate`).set('Authorization', curatorBanten)).body.status).toBe('APPROVED');
    const discontinued = await api()
      .post(`/products/${id}/discontinue`)
      .set('Authorization', tangerang)
      .send({ reason: 'tidak diproduksi lagi' });
    expect(discontinued.body.status).toBe('DISCONTINUED');
    expect((await api().patch(`/products/${id}`).set('Authorization', tangerang).send({ description: 'x' })).body.code).toBe(
      'PRODUCT_DISCONTINUED',
    );
    const types = () => eventsOf(id).map((e) => e.type);
    await probe.waitFor(1, (r) => r.message.key?.toString() === id && r.message.value!.toString().includes('discontinued'));
    expect(types().slice(-3)).toEqual(['catalog.product.suspended', 'catalog.product.reinstated', 'catalog.product.discontinued']);
  });

  it('suspends, on the expiry check, an approved product whose P-IRT reached 5 years, with an event, once', async () => {
    const product = await submitted(tangerang, { ...keripik, sku: 'KRP-BAWANG-200', name: 'Keripik Bawang 200 g' });
    await api().post(`/products/${product.id}/reviews`).set('Authorization', curatorBanten).send({ decision: 'APPROVE', scores });
    // time passes: the P-IRT is now exactly 5 years old
    const ds = await env.dataSource('catalog');
    const fiveYearsAgo = new Date();
    fiveYearsAgo.setUTCFullYear(fiveYearsAgo.getUTCFullYear() - 5);
    await ds.query(`UPDATE product_certificate SET issued_on = $2 WHERE product_id = $1 AND kind = 'PIRT'`, [
      product.id,
      fiveYearsAgo.toISOString().slice(0, 10),
    ]);

    expect((await api().post('/compliance/expiry-checks').set('Authorization', bearer('venue', 'IMI-TGR-LOUNGE'))).status).toBe(403);
    const check = await api().post('/compliance/expiry-checks').set('Authorization', admin);
    expect(check.status).toBe(200);
    expect(check.body.suspended).toEqual([
      expect.objectContaining({ productId: product.id, violations: [expect.objectContaining({ code: 'PIRT_EXPIRED' })] }),
    ]);
    expect((await api().get(`/products/${product.id}`).set('Authorization', admin)).body.status).toBe('SUSPENDED');
    expect((await api().post('/compliance/expiry-checks').set('Authorization', admin)).body.suspended).toEqual([]);

    const [suspended] = await probe.waitFor(
      1,
      (r) => r.message.key?.toString() === product.id && r.message.value!.toString().includes('suspended'),
    );
    expect(JSON.parse(suspended.message.value!.toString()).data).toMatchObject({
      cause: 'CERTIFICATE_EXPIRED',
      reason: expect.stringMatching(/expired/),
    });
    // reinstating needs a valid permit again
    const reinstate = await api().post(`/products/${product.id}/reinstate`).set('Authorization', curatorBanten);
    expect(reinstate.status).toBe(422);
    expect(reinstate.body.code).toBe('PIRT_EXPIRED');
  });

  it('lists with filters and paging, with totals', async () => {
    const all = (await api().get('/products?limit=2').set('Authorization', bearer('ministry'))).body;
    expect(all.items).toHaveLength(2);
    expect(all).toMatchObject({ limit: 2, offset: 0 });
    const rest = (await api().get(`/products?limit=200&offset=2`).set('Authorization', admin)).body;
    expect(rest.items).toHaveLength(all.total - 2);
    const byKanwil = (await api().get('/products?kanwil=KW-DKI').set('Authorization', admin)).body;
    expect(byKanwil.items.map((p: { uptCode: string }) => p.uptCode)).toEqual(['LP-CIPINANG']);
    const text = (await api().get('/products?q=keripik&upt=LP-TGR-1').set('Authorization', admin)).body;
    expect(text.items.map((p: { name: string }) => p.name).sort()).toEqual(['Keripik Bawang 200 g', 'Keripik Tempe 100 g']);
    const beverages = (await api().get('/products?category=beverage&status=SUBMITTED').set('Authorization', admin)).body;
    expect(beverages.items.map((p: { sku: string }) => p.sku)).toEqual(['TELANG-250']);
    expect((await api().get('/products?status=SOLD').set('Authorization', admin)).status).toBe(400);
  });
});

describe('catalog API documentation', () => {
  let env: TestEnvironment;
  let catalog: RunningService;
  beforeAll(async () => {
    env = await TestEnvironment.create();
    catalog = await startServiceProcess('catalog', env.env('catalog', await freePort()));
  });
  afterAll(() =>
    cleanUp(
      () => catalog?.stop(),
      () => env?.dispose(),
    ),
  );

  it('serves an OpenAPI document describing the product endpoints and their bodies, without a token', async () => {
    const doc = (await request(catalog.url).get('/docs/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/products',
      '/products/{id}',
      '/products/{id}/reviews',
      '/products/{id}/price-changes',
      '/compliance/expiry-checks',
      '/upts',
      '/kanwils',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.components.schemas.CreateProductDto.required).toEqual(expect.arrayContaining(['sku', 'name', 'category', 'unit', 'price']));
    expect(doc.components.schemas.ReviewDto.properties.decision.enum).toEqual(['APPROVE', 'REJECT']);
    expect((await request(catalog.url).get('/docs')).status).toBe(200);
  });
});
