import { SERVICES, type ServiceName } from '@titipan/platform';
import { runDemo } from '../../tools/demo/run-demo';
import { faultFigures, FAULT_LOAD } from './fault-figures';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { freePort } from '../support/free-port';
import { eventually } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { urlsOf } from '../support/stack';
import { serviceHealth } from '../../tools/demo/api-client';
import { bearers } from '../support/tokens';

/** SIGKILL, not a graceful stop: what was committed survives, and what was not is retried by the client. */
describe('fault: services killed mid-stream', () => {
  const demoOutput = scratchDir('demo');
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const envs = {} as Record<ServiceName, Record<string, string>>;
  /** An actor's tokens, one per service; the helper below sends the one for the service it calls. */
  const token = bearers;
  const admin = token('admin');
  const lounge = token('venue', 'IMI-TGR-LOUNGE');
  const health = (service: ServiceName) => serviceHealth(service, services[service].url);
  const call = async (service: ServiceName, method: string, path: string, auth: Record<ServiceName, string>, body?: unknown) => {
    const response = await fetch(`${services[service].url}${path}`, {
      method,
      headers: { authorization: auth[service], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const kill = async (service: ServiceName) => {
    const exited = new Promise((r) => services[service].process.once('exit', r));
    services[service].process.kill('SIGKILL');
    await exited;
  };
  const restart = async (service: ServiceName) => {
    services[service] = await startServiceProcess(service, envs[service]);
  };
  let paving: string;
  let agreementId: string;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    for (const service of SERVICES) {
      envs[service] = env.env(service, await freePort());
      services[service] = await startServiceProcess(service, envs[service]);
    }
    await runDemo(urlsOf(services), { outputDir: demoOutput.path });
    paving = (await call('catalog', 'GET', '/products?upt=LP-TGR-1&sku=PAVING-K100', admin)).body.items[0].id;
    agreementId = (await call('consignment', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', admin)).body.items[0].id;
    const dispatch = await call('consignment', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-CRASH', quantity: 20_000 }],
    });
    await call('consignment', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 20_000, damaged: 0, short: 0 }],
    });
  }, 240_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  const batch = (prefix: string, size: number) =>
    Array.from({ length: size }, (_, i) => ({
      receiptNo: `${prefix}-${Math.floor(i / 10)}`,
      lineNo: (i % 10) + 1,
      productId: paving,
      quantity: 1,
      soldAt: new Date().toISOString(),
    }));

  const converged = async () => {
    await eventually(async () => (await health('consignment')).checks.outbox.unsent === 0, 60_000, 'outbox drained');
    await eventually(
      async () => {
        const h = await health('reporting');
        return h.status === 'ok' && Object.values(h.checks.consumers).every((c: any) => c.lag === 0);
      },
      60_000,
      'reporting caught up',
    );
    return faultFigures({ consignment: services.consignment.url, reporting: services.reporting.url });
  };

  it('loses nothing when reporting is killed in the middle of a stream of events', async () => {
    const uploads = Array.from({ length: 6 * FAULT_LOAD }, (_, n) =>
      call('consignment', 'POST', '/sales/batches', lounge, { lines: batch(`STREAM${n}`, 500) }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await kill('reporting');
    const results = await Promise.all(uploads);
    expect(results.map((r) => r.body.accepted)).toEqual(Array(6 * FAULT_LOAD).fill(500));
    await restart('reporting');
    const figures = await converged();
    console.log(`reporting SIGKILL mid-stream (${3000 * FAULT_LOAD} lines): ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
  });

  it('loses nothing and counts nothing twice when consignment is killed during a batch the client then retries', async () => {
    const lines = batch('CRASH', 4000);
    const first = call('consignment', 'POST', '/sales/batches', lounge, { lines }).catch((error) => ({
      status: 0,
      body: { error: String(error) },
    }));
    await new Promise((r) => setTimeout(r, 150));
    await kill('consignment');
    const interrupted = await first;
    await restart('consignment');
    // the till retries the same upload with the same receipt numbers
    const retry = await call('consignment', 'POST', '/sales/batches', lounge, { lines });
    expect(retry.status).toBe(201);
    expect(retry.body.accepted + retry.body.duplicates).toBe(4000);
    expect(retry.body.refused).toBe(0);
    if (interrupted.status === 201)
      expect(retry.body.duplicates).toBe(4000); // the first had committed after all
    else expect(retry.body.accepted).toBe(4000); // the first rolled back whole
    const figures = await converged();
    const sold = (await call('consignment', 'GET', `/sales?agreement=${agreementId}&receiptNo=CRASH-0`, admin)).body.total;
    console.log(
      `consignment SIGKILL mid-batch: first attempt ${interrupted.status || 'cut off'}, retry accepted ${retry.body.accepted} and recognised ${retry.body.duplicates}; ${JSON.stringify(figures)}`,
    );
    expect(sold).toBe(10);
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
  });
});
