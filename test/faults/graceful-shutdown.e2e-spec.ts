import { SERVICES, type ServiceName } from '@titipan/platform';
import { runDemo } from '../../tools/demo/run-demo';
import { faultFigures } from './fault-figures';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { freePort } from '../support/free-port';
import { eventually } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { urlsOf } from '../support/stack';
import { serviceHealth } from '../../tools/demo/api-client';
import { bearers } from '../support/tokens';

/** SIGTERM under load: in-flight requests finish, offsets commit, the relay stops, the process exits 0 in time. */
describe('fault: graceful shutdown under load', () => {
  const demoOutput = scratchDir('demo');
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const envs = {} as Record<ServiceName, Record<string, string>>;
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

  beforeAll(async () => {
    env = await TestEnvironment.create();
    for (const service of SERVICES) {
      envs[service] = env.env(service, await freePort());
      services[service] = await startServiceProcess(service, envs[service]);
    }
    await runDemo(urlsOf(services), { outputDir: demoOutput.path });
  }, 240_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  it('finishes an in-flight upload, exits 0 within the bound, and loses nothing', async () => {
    const paving = (await call('catalog', 'GET', '/products?upt=LP-TGR-1&sku=PAVING-K100', admin)).body.items[0].id;
    const agreementId = (await call('consignment', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', admin)).body.items[0].id;
    const dispatch = await call('consignment', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-TERM', quantity: 5_000 }],
    });
    await call('consignment', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 5_000, damaged: 0, short: 0 }],
    });
    const lines = Array.from({ length: 4000 }, (_, i) => ({
      receiptNo: `TERM-${Math.floor(i / 10)}`,
      lineNo: (i % 10) + 1,
      productId: paving,
      quantity: 1,
      soldAt: new Date().toISOString(),
    }));

    const upload = call('consignment', 'POST', '/sales/batches', lounge, { lines });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const exitCode = await services.consignment.stop(25_000);
    const seconds = (Date.now() - started) / 1000;
    const result = await upload;
    console.log(
      `SIGTERM during a 4,000-line upload: the upload answered ${result.status} (${result.body.accepted} accepted); exit ${exitCode} after ${seconds.toFixed(1)} s`,
    );
    expect(result.status).toBe(201);
    expect(result.body.accepted).toBe(4000);
    expect(exitCode).toBe(0);
    expect(seconds).toBeLessThan(20);

    services.consignment = await startServiceProcess('consignment', envs.consignment);
    const retry = await call('consignment', 'POST', '/sales/batches', lounge, { lines });
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 4000 });
    await eventually(
      async () => (await serviceHealth('consignment', services.consignment.url)).checks.outbox.unsent === 0,
      60_000,
      'outbox drained',
    );
    await eventually(
      async () => {
        const h = await serviceHealth('reporting', services.reporting.url);
        return h.status === 'ok' && Object.values(h.checks.consumers).every((c: any) => c.lag === 0);
      },
      60_000,
      'reporting caught up',
    );
    const figures = await faultFigures({ consignment: services.consignment.url, reporting: services.reporting.url });
    console.log(`graceful shutdown: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
  });
});
