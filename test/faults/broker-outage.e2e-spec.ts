import { type ServiceName } from '@titipan/platform';
import { faultFigures, FAULT_LOAD } from './fault-figures';
import { type RunningService } from '../../tools/service-process';
import { eventually } from '../support/kafka-probe';
import { PrivateBroker } from '../support/private-broker';
import { TestEnvironment } from '../support/test-environment';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { startServicesWithDemo } from '../support/stack';
import { serviceHealth } from '../../tools/demo/api-client';
import { bearers } from '../support/tokens';

/**
 * The broker goes away while the lounge keeps selling: every sale is accepted into the outbox, health says
 * degraded, and once the broker is back everything converges, with nothing lost and nothing counted twice.
 */
describe('fault: broker outage during sales', () => {
  const demoOutput = scratchDir('demo');
  let broker: PrivateBroker;
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  /** An actor's tokens, one per service; the helper below sends the one for the service it calls. */
  const token = bearers;
  const admin = token('admin');
  const lounge = token('venue', 'IMI-TGR-LOUNGE');
  const health = (service: ServiceName) => serviceHealth(service, services[service].url);
  const json = async (service: ServiceName, path: string, auth: Record<ServiceName, string>, init: RequestInit = {}) => {
    const response = await fetch(`${services[service].url}${path}`, {
      ...init,
      headers: { authorization: auth[service], 'content-type': 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    env = await TestEnvironment.create(3, broker.brokers);
    await startServicesWithDemo(env, services, demoOutput.path);
  }, 240_000);
  afterAll(() =>
    cleanUp(
      stopEach(services),
      () => env?.dispose(),
      () => broker?.dispose(),
      demoOutput.remove,
    ),
  );

  it('keeps accepting sales while the broker is down, then converges with lost = 0 and double-counted = 0', async () => {
    const tas = (await json('catalog', '/products?upt=LPP-TGR&sku=TAS-JEANS-PITA', admin)).body.items[0].id;
    const agreementId = (await json('consignment', '/agreements?upt=LPP-TGR&status=ACTIVE', admin)).body.items[0].id;
    const dispatch = await json('consignment', '/dispatches', token('upt', 'LPP-TGR'), {
      method: 'POST',
      body: JSON.stringify({ agreementId, lines: [{ productId: tas, lotCode: 'TAS-OUTAGE', quantity: 500 }] }),
    });
    await json('consignment', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      method: 'POST',
      body: JSON.stringify({ lines: [{ lineNo: 1, accepted: 500, damaged: 0, short: 0 }] }),
    });
    const publishedBefore = (await health('consignment')).checks.outbox.relay.published;

    const statuses: number[] = [];
    const sell = async (i: number) =>
      statuses.push(
        (
          await json('consignment', '/sales', lounge, {
            method: 'POST',
            body: JSON.stringify({ receiptNo: `OUTAGE-${i}`, lineNo: 1, productId: tas, quantity: 1, soldAt: new Date().toISOString() }),
          })
        ).status,
      );
    const n = 15 * FAULT_LOAD;
    for (let i = 0; i < n; i++) await sell(i);
    await broker.down();
    for (let i = n; i < 3 * n; i++) await sell(i);
    const during = await health('consignment');
    expect(during.status).toBe('degraded');
    expect(during.checks.broker).toEqual({ status: 'down', code: expect.stringMatching(/^(TIMEOUT|E[A-Z]+|KAFKA_[A-Z_]+)$/) });
    expect(during.checks.outbox.unsent).toBeGreaterThan(0);
    // still ready: it takes every sale into its outbox
    expect(await (await fetch(`${services.consignment.url}/health/ready`)).json()).toEqual({ status: 'up' });
    await broker.up();
    for (let i = 3 * n; i < 4 * n; i++) await sell(i);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4 * n);

    // converge: the outbox drains and reporting's consumers catch up
    await eventually(async () => (await health('consignment')).checks.outbox.unsent === 0, 90_000, 'outbox drained');
    await eventually(
      async () => {
        const h = await health('reporting');
        return h.status === 'ok' && Object.values(h.checks.consumers).every((c: any) => c.lag === 0);
      },
      90_000,
      'reporting caught up',
    );

    const figures = await faultFigures({ consignment: services.consignment.url, reporting: services.reporting.url });
    console.log(`broker outage (${4 * n} sales, ${2 * n} while the broker was down): ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
    expect(figures.produced - publishedBefore).toBeGreaterThanOrEqual(4 * n);
  });
});
