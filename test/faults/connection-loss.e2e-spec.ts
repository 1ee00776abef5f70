import { SERVICES, type ServiceName } from '@titipan/platform';
import { Client } from 'pg';
import { faultFigures, FAULT_LOAD } from './fault-figures';
import { type RunningService } from '../../tools/service-process';
import { eventually } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { ADMIN_URL } from '../support/test-settings';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { startServicesWithDemo } from '../support/stack';
import { serviceHealth } from '../../tools/demo/api-client';
import { bearers } from '../support/tokens';

/**
 * The database drops every service connection (pg_terminate_backend) while sales come in: requests either
 * complete or fail with a retryable 503, the services reconnect by themselves, and retries count once.
 */
describe('fault: database connections terminated under load', () => {
  const demoOutput = scratchDir('demo');
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  /** An actor's tokens, one per service; the helper below sends the one for the service it calls. */
  const token = bearers;
  const admin = token('admin');
  const lounge = token('venue', 'IMI-TGR-LOUNGE');
  const call = async (service: ServiceName, method: string, path: string, auth: Record<ServiceName, string>, body?: unknown) => {
    const response = await fetch(`${services[service].url}${path}`, {
      method,
      headers: { authorization: auth[service], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  let paving: string;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServicesWithDemo(env, services, demoOutput.path);
    paving = (await call('catalog', 'GET', '/products?upt=LP-TGR-1&sku=PAVING-K100', admin)).body.items[0].id;
    const agreementId = (await call('consignment', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', admin)).body.items[0].id;
    const dispatch = await call('consignment', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-DB', quantity: 1_000 }],
    });
    await call('consignment', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 1_000, damaged: 0, short: 0 }],
    });
  }, 240_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  it('completes or fails cleanly with 503 RETRYABLE, reconnects without a restart, and counts each retried sale once', async () => {
    const pids = Object.fromEntries(SERVICES.map((s) => [s, services[s].process.pid]));
    const pg = new Client({ connectionString: ADMIN_URL });
    await pg.connect();
    const terminate = async () =>
      (
        await pg.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND usename LIKE 'titipan_%'`,
          [env.database],
        )
      ).rows[0].n as number;
    const statuses = new Map<number, number>();
    let terminated = 0;
    const sell = async (i: number) => {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const r = await call('consignment', 'POST', '/sales', lounge, {
          receiptNo: `DB-${i}`,
          lineNo: 1,
          productId: paving,
          quantity: 1,
          soldAt: new Date().toISOString(),
        });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 201) return r.body.status as string;
        // the only acceptable failure: a clean, retryable one
        expect(r.status).toBe(503);
        expect(r.body.code).toBe('RETRYABLE');
        await new Promise((res) => setTimeout(res, 100 * attempt));
      }
      throw new Error(`sale DB-${i} never got through`);
    };
    const outcomes: string[] = [];
    for (let round = 0; round < 6 * FAULT_LOAD; round++) {
      const sales = Array.from({ length: 10 }, (_, k) => sell(round * 10 + k));
      await new Promise((r) => setTimeout(r, 20));
      terminated += await terminate();
      outcomes.push(...(await Promise.all(sales)));
    }
    await pg.end();
    expect(terminated).toBeGreaterThan(0);
    expect(outcomes).toHaveLength(60 * FAULT_LOAD);
    // every sale counted once: a retry of one that had committed is recognised as a duplicate
    const recorded = (await call('consignment', 'GET', '/sales?receiptNo=DB-0', admin)).body.total;
    expect(recorded).toBe(1);
    const total = await Promise.all(
      Array.from({ length: 60 * FAULT_LOAD }, (_, i) => call('consignment', 'GET', `/sales?receiptNo=DB-${i}`, token('ministry'))),
    );
    expect(total.map((t) => t.body.total)).toEqual(Array(60 * FAULT_LOAD).fill(1));

    for (const s of SERVICES) expect(services[s].process.pid).toBe(pids[s]); // no restart
    await eventually(
      async () => {
        const h = await serviceHealth('reporting', services.reporting.url);
        return h.status === 'ok' && Object.values(h.checks.consumers).every((c: any) => c.lag === 0);
      },
      60_000,
      'reporting caught up',
    );
    await eventually(
      async () => (await serviceHealth('consignment', services.consignment.url)).checks.outbox.unsent === 0,
      60_000,
      'outbox drained',
    );
    const figures = await faultFigures({ consignment: services.consignment.url, reporting: services.reporting.url });
    console.log(
      `connection loss: ${terminated} connections terminated; responses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}; ${JSON.stringify(figures)}`,
    );
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
  });
});
