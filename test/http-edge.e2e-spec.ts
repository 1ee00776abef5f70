import { SERVICES, type ServiceName } from '@titipan/platform';
import { Client } from 'pg';
import { startBenchStack, type BenchStack } from '../bench/bench-stack';
import { runSalesLoad } from '../bench/sales-load';
import { serviceHealth } from '../tools/demo/api-client';
import { startServiceProcess, type RunningService } from '../tools/service-process';
import { cleanUp } from './support/clean-up';
import { freePort } from './support/free-port';
import { eventually } from './support/kafka-probe';
import { ADMIN_URL } from './support/test-settings';
import { bearer } from './support/tokens';

const get = (url: string, authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });

/**
 * What every service does at its edge, before any business rule: security headers, health in three parts,
 * and rate limits per address and per actor that the benchmark's tills never meet but a burst does.
 */
describe('the HTTP edge of every service', () => {
  let stack: BenchStack;
  /** A second catalog on the same database with tiny limits, to reach them in a few requests. */
  let limited: RunningService;
  /** The benchmark's stack runs the three services a sale goes through; notification is started beside it. */
  let notification: RunningService;
  const urlOf = (service: ServiceName) => (service === 'notification' ? notification.url : stack.urls[service]);
  const LIMITS = { RATE_LIMIT_PER_ACTOR: '20', RATE_LIMIT_PER_ADDRESS: '50', RATE_LIMIT_WINDOW_S: '60' };

  beforeAll(async () => {
    stack = await startBenchStack(() => undefined, 1);
    limited = await startServiceProcess('catalog', { ...stack.env.env('catalog', await freePort()), ...LIMITS });
    notification = await startServiceProcess('notification', stack.env.env('notification', await freePort()));
  }, 300_000);
  afterAll(() =>
    cleanUp(
      () => limited?.stop(),
      () => notification?.stop(),
      () => stack?.stop(),
    ),
  );

  it('sends security headers on every answer, and the API documents still load under their policy', async () => {
    for (const service of SERVICES) {
      const url = urlOf(service);
      for (const response of [await get(`${url}/health/live`), await get(`${url}/health`)]) {
        const h = response.headers;
        expect(h.get('x-content-type-options')).toBe('nosniff');
        expect(h.get('x-frame-options')).toBe('DENY');
        expect(h.get('strict-transport-security')).toMatch(/^max-age=\d+/);
        expect(h.get('referrer-policy')).toBe('no-referrer');
        expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
        expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(h.get('x-powered-by')).toBeNull();
      }
      const docs = await get(`${url}/docs`);
      expect(docs.status).toBe(200);
      const policy = docs.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toMatch(/style-src 'self'[^;]*'unsafe-inline'/);
      const html = await docs.text();
      // the policy allows only the service's own scripts: the page has no inline script, and each of its own loads
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const scripts = [...html.matchAll(/<script[^>]*\bsrc=['"]([^'"]+)['"]/g)].map((m) => new URL(m[1], `${url}/docs`));
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const script of scripts) {
        expect(script.origin).toBe(new URL(url).origin);
        const asset = await get(script.href);
        expect([script.pathname, asset.status]).toEqual([script.pathname, 200]);
      }
    }
  });

  it('answers liveness and readiness to anyone, and the detailed health only to an admin, with no error text', async () => {
    for (const service of SERVICES) {
      const url = urlOf(service);
      expect(await (await get(`${url}/health/live`)).json()).toEqual({ status: 'up' });
      expect(await (await get(`${url}/health/ready`)).json()).toEqual({ status: 'up' });
      const anonymous = await get(`${url}/health`);
      expect([anonymous.status, ((await anonymous.json()) as any).code]).toEqual([401, 'TOKEN_MISSING']);
      const venue = await get(`${url}/health`, bearer(service, 'venue', 'IMI-TGR-LOUNGE'));
      expect([venue.status, ((await venue.json()) as any).code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      const detail = await serviceHealth(service, url);
      expect(detail).toMatchObject({ service, status: 'ok', checks: { database: { status: 'ok' }, broker: { status: 'ok' } } });
      expect(JSON.stringify(detail)).not.toMatch(/"error"/);
    }
    // a flood of readiness calls: every one answered from the cached check
    const answers = await Promise.all(Array.from({ length: 200 }, () => get(`${stack.urls.consignment}/health/ready`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it("lets the benchmark's eight tills, on one token and one address, sell at its rate without a single 429", async () => {
    // runSalesLoad fails on any answer but 2xx. The benchmark's single-sale run: 200 sales/s from eight tills. Here
    // the eight share one token as well as one address, which asks more of the limits than the benchmark does
    // (its tills each have their own venue).
    const singles = await runSalesLoad({
      consignmentUrl: stack.urls.consignment,
      venues: stack.venues,
      linesPerRequest: 1,
      connections: 8,
      ratePerSecond: 200,
      seconds: 10,
      tag: 'EDGE-S',
    });
    expect(singles.failed).toBe(0);
    expect(singles.requests).toBeGreaterThan(0);
    console.log(`edge: ${singles.requests} sales at ${singles.requestsPerSecond}/s from one address and one actor, no 429`);
  });

  it('refuses a burst above the actor or the address limit with 429 and Retry-After, never the probes', async () => {
    const url = limited.url;
    const expectLimited = async (response: Response, limit: 'actor' | 'address', max: number) => {
      const body = (await response.json()) as any;
      expect([response.status, body.code, body.details.limit, body.details.max]).toEqual([429, 'RATE_LIMITED', limit, max]);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(body.details.retryAfterSeconds).toBe(retryAfter);
    };
    for (let i = 0; i < 60; i++) expect((await get(`${url}/health/live`)).status).toBe(200);
    expect((await get(`${url}/health/ready`)).status).toBe(200);

    const [first, second] = [bearer('catalog', 'venue', 'IMI-TGR-LOUNGE'), bearer('catalog', 'venue', 'IMI-SBY-JUANDA')];
    for (let i = 0; i < 20; i++) expect((await get(`${url}/kanwils`, first)).status).toBe(200);
    await expectLimited(await get(`${url}/kanwils`, first), 'actor', 20);
    expect((await get(`${url}/upts`, second)).status).toBe(200); // another actor at the same address has its own budget

    // 22 requests spent of the address's 50; requests with a bad token count too
    for (let i = 0; i < 28; i++) expect((await get(`${url}/kanwils`, 'Bearer not.a.token')).status).toBe(401);
    await expectLimited(await get(`${url}/kanwils`, 'Bearer not.a.token'), 'address', 50);
    await expectLimited(await get(`${url}/upts`, second), 'address', 50);
    expect((await get(`${url}/health/live`)).status).toBe(200);
    expect((await get(`${url}/health/ready`)).status).toBe(200);
    // the other instances count on their own
    expect((await get(`${stack.urls.catalog}/kanwils`, first)).status).toBe(200);
  });

  it('turns readiness down while the database refuses the service, and the detail says why by code only', async () => {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const database = stack.env.database;
    const url = stack.urls.consignment;
    try {
      await admin.query(`REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
      const down = await eventually(
        async () => {
          const response = await get(`${url}/health/ready`);
          return response.status === 503 ? response.json() : undefined;
        },
        20_000,
        'readiness down',
      );
      expect(down).toEqual({ status: 'down' });
      const detail = await get(`${url}/health`, bearer('consignment', 'admin'));
      const text = await detail.text();
      expect(detail.status).toBe(503);
      expect(JSON.parse(text).checks.database).toEqual({ status: 'down', code: 'SQLSTATE_42501' });
      expect(text).not.toMatch(/permission|denied/i);
      expect(text).not.toContain(database);
      expect((await get(`${url}/health/live`)).status).toBe(200); // alive all the same: restarting would not help
    } finally {
      await admin.query(`GRANT CONNECT ON DATABASE ${database} TO PUBLIC`);
      await admin.end();
    }
    await eventually(async () => (await get(`${url}/health/ready`)).status === 200, 20_000, 'ready again');
  });
});
