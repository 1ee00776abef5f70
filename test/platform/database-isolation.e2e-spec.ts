import { TestEnvironment } from '../support/test-environment';
import { cleanUp } from '../support/clean-up';

describe('each service can use only its own schema', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await TestEnvironment.create();
  });
  afterAll(() => cleanUp(() => env?.dispose()));

  it('lets the catalog role work in its schema and refuses it the consignment schema', async () => {
    const consignment = await env.dataSource('consignment');
    const catalog = await env.dataSource('catalog');

    // the consignment role has its outbox; the catalog role cannot read it
    await expect(consignment.query('SELECT count(*)::int AS n FROM consignment.outbox')).resolves.toEqual([{ n: 0 }]);
    await expect(catalog.query('SELECT count(*) FROM consignment.outbox')).rejects.toThrow(/permission denied for schema consignment/);
    await expect(catalog.query('CREATE TABLE consignment.intruder (x int)')).rejects.toThrow(/permission denied for schema consignment/);
    await expect(catalog.query('CREATE TABLE public.stray (x int)')).rejects.toThrow(/permission denied for schema public/);

    // unqualified names resolve to the service's own schema
    await expect(catalog.query('SELECT current_schema() AS s')).resolves.toEqual([{ s: 'catalog' }]);
    await expect(catalog.query('SELECT count(*)::int AS n FROM outbox')).resolves.toEqual([{ n: 0 }]);
  });
});
