import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@titipan/platform';
import { parse } from 'yaml';
import type { RunningService } from '../../tools/service-process';
import { cleanUp, stopEach } from '../support/clean-up';
import { eventually } from '../support/kafka-probe';
import { startServices } from '../support/stack';
import { TestEnvironment } from '../support/test-environment';
import { bearer } from '../support/tokens';

const get = (url: string, authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });

/** The samples of a Prometheus text answer: name, labels and value of every line that is not a comment. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** Every service's GET /metrics: Prometheus text, the same access rule as the detailed health, named by convention. */
describe('metrics of every service', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const scrape = async (service: ServiceName) => {
    const response = await get(`${services[service].url}/metrics`, bearer(service, 'admin'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServices(env, services);
  }, 180_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose()));

  it('answers only an admin, as the detailed health does', async () => {
    for (const service of SERVICES) {
      const url = services[service].url;
      expect((await get(`${url}/metrics`)).status).toBe(401);
      expect((await get(`${url}/health`)).status).toBe(401);
      expect((await get(`${url}/metrics`, bearer(service, 'venue', 'IMI-TGR-LOUNGE'))).status).toBe(403);
      expect((await get(`${url}/health`, bearer(service, 'venue', 'IMI-TGR-LOUNGE'))).status).toBe(403);
    }
  });

  it('labels HTTP latency with the route pattern and status, never the raw URL', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const admin = bearer('consignment', 'admin');
    expect((await get(`${services.consignment.url}/agreements/${missing}`, admin)).status).toBe(404);
    expect((await get(`${services.consignment.url}/no-such-path/${missing}`, admin)).status).toBe(404);
    const text = await scrape('consignment');
    const counts = samples(text).filter((s) => s.name === 'titipan_http_request_duration_seconds_count');
    expect(counts.some((s) => s.labels.route === '/agreements/:id' && s.labels.status_code === '404' && s.labels.method === 'GET')).toBe(
      true,
    );
    expect(counts.some((s) => s.labels.route === 'unmatched' && s.labels.status_code === '404')).toBe(true);
    expect(text).not.toContain(missing);
    expect(counts.every((s) => s.labels.service === 'consignment')).toBe(true);
  });

  it('serves lag per group and partition, the outbox, event counters and relay leadership, each labelled with its service', async () => {
    // reporting's consumers join their groups after start; wait until each partition of their topics has a lag sample
    await eventually(
      async () => samples(await scrape('reporting')).some((s) => s.name === 'titipan_consumer_lag_messages'),
      60_000,
      'consumer lag measured',
    );
    for (const service of SERVICES) {
      const all = samples(await scrape(service));
      const one = (name: string) => all.filter((s) => s.name === name);
      expect(all.every((s) => s.labels.service === service)).toBe(true);
      expect(one('titipan_relay_leader').map((s) => s.value)).toEqual([1]); // the only instance leads
      expect(one('titipan_outbox_backlog_events')).toHaveLength(1);
      expect(one('titipan_outbox_oldest_unsent_age_seconds')).toHaveLength(1);
      expect(one('titipan_events_relayed_total')).toHaveLength(1);
    }
    const reporting = samples(await scrape('reporting'));
    const lag = reporting.filter((s) => s.name === 'titipan_consumer_lag_messages');
    const groups = new Set(lag.map((s) => s.labels.group));
    expect(groups.size).toBeGreaterThan(1);
    for (const s of lag)
      expect(s.labels).toEqual(expect.objectContaining({ topic: expect.any(String), partition: expect.stringMatching(/^\d+$/) }));
    for (const name of ['titipan_events_applied_total', 'titipan_events_duplicates_total', 'titipan_events_dead_lettered_total'])
      expect(new Set(reporting.filter((s) => s.name === name).map((s) => s.labels.group))).toEqual(groups);
  });

  it('names in the example alert rules only metrics a service serves', async () => {
    const rules = parse(readFileSync(join(__dirname, '../../docs/operations/alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const served = new Set<string>();
    for (const service of SERVICES) for (const s of samples(await scrape(service))) served.add(s.name);
    const named = rules.groups.flatMap((g) => g.rules).flatMap((r) => [...r.expr.matchAll(/\btitipan_[a-z0-9_]+/g)].map((m) => m[0]));
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(named.filter((name) => !served.has(name))).toEqual([]);
  });
});
