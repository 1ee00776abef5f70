import { topicName } from '@titipan/contracts';
import { freePort } from '../../../test/support/free-port';
import { TopicProbe } from '../../../test/support/kafka-probe';
import { TestEnvironment } from '../../../test/support/test-environment';
import { bearer } from '../../../test/support/tokens';
import { PRODUCTS, UPTS } from '../../../tools/seed/reference-catalog';
import { seedCatalog } from '../../../tools/seed/seed-catalog';
import { startServiceProcess, type RunningService } from '../../../tools/service-process';
import { cleanUp } from '../../../test/support/clean-up';

describe('catalog seed command', () => {
  let env: TestEnvironment;
  let catalog: RunningService;
  let probe: TopicProbe;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    catalog = await startServiceProcess('catalog', env.env('catalog', await freePort()));
    probe = await new TopicProbe(env.kafka, [topicName('catalog', env.topicPrefix)]).start();
  });
  afterAll(() =>
    cleanUp(
      () => probe?.stop(),
      () => catalog?.stop(),
      () => env?.dispose(),
    ),
  );

  it('loads the reference UPTs and products through the API, approved, and a second run changes nothing', async () => {
    const first = await seedCatalog(catalog.url);
    expect(first).toMatchObject({ created: PRODUCTS.length, approved: PRODUCTS.length });
    const second = await seedCatalog(catalog.url);
    expect(second).toMatchObject({ created: 0, approved: 0 });

    const headers = { authorization: bearer('catalog', 'ministry') };
    const approved = (await (await fetch(`${catalog.url}/products?status=APPROVED&limit=200`, { headers })).json()) as {
      total: number;
      items: { sku: string; consignable: boolean }[];
    };
    expect(approved.total).toBe(PRODUCTS.length);
    expect(approved.items.filter((p: { consignable: boolean }) => !p.consignable).map((p: { sku: string }) => p.sku)).toEqual([
      'BOLU-NONA',
    ]);
    const upts = (await (await fetch(`${catalog.url}/upts?limit=200`, { headers })).json()) as { total: number };
    expect(upts.total).toBe(UPTS.length);

    const approvedEvents = await probe.waitFor(PRODUCTS.length, (r) => r.message.value!.toString().includes('"catalog.product.approved"'));
    await new Promise((r) => setTimeout(r, 300));
    expect(probe.received.filter((r) => r.message.value!.toString().includes('"catalog.product.approved"'))).toHaveLength(
      approvedEvents.length,
    );
    expect(new Set(approvedEvents.map((r) => r.message.key?.toString())).size).toBe(PRODUCTS.length);
  });
});
