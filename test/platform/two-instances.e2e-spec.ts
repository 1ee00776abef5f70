import type { ServiceName } from '@titipan/platform';
import { AssignerProtocol, type Admin } from 'kafkajs';
import { serviceHealth } from '../../tools/demo/api-client';
import { runDemo } from '../../tools/demo/run-demo';
import { reconcile } from '../../tools/reconcile/reconcile';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { eventually } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';
import { bearers } from '../support/tokens';

type Instance = 'consignment-a' | 'consignment-b' | 'reporting-a' | 'reporting-b';
const SERVICE_OF: Record<Instance, ServiceName> = {
  'consignment-a': 'consignment',
  'consignment-b': 'consignment',
  'reporting-a': 'reporting',
  'reporting-b': 'reporting',
};
/** Housekeeping every 2 s, so both instances fire the same slot many times during the test. */
const HOUSEKEEPING_INTERVAL_S = '2';

interface JobLine {
  instance: Instance;
  job: string;
  slot: string;
  ran: boolean;
}

/**
 * Two instances each of consignment and reporting (and one catalog) on one database and one set of topics: the
 * consumers share partitions through their groups, one relay per service leads, the follower takes over within
 * 10 s of the leader's SIGKILL with every event delivered once, and a scheduled job runs once per slot.
 */
describe('two instances of every service', () => {
  const demoOutput = scratchDir('two-instances');
  let env: TestEnvironment;
  let admin: Admin;
  let catalog: RunningService;
  const instances = {} as Record<Instance, RunningService>;
  const jobLines: JobLine[] = [];
  const token = bearers;
  const lounge = token('venue', 'IMI-TGR-LOUNGE');

  const start = async (instance: Instance) => {
    const service = SERVICE_OF[instance];
    instances[instance] = await startServiceProcess(
      service,
      { ...env.env(service, await freePort()), LOG_LEVEL: 'info', LOG_FORMAT: 'json', HOUSEKEEPING_INTERVAL_S },
      { onOutput: (line) => collectJobLine(instance, line) },
    );
  };
  const collectJobLine = (instance: Instance, line: string) => {
    if (!line.includes('"job"')) return;
    try {
      const entry = JSON.parse(line) as { job?: string; slot?: string; message?: string };
      if (!entry.job || !entry.slot || !entry.message) return;
      if (entry.message.endsWith(' running')) jobLines.push({ instance, job: entry.job, slot: entry.slot, ran: true });
      if (entry.message.endsWith('slot taken by another instance'))
        jobLines.push({ instance, job: entry.job, slot: entry.slot, ran: false });
    } catch {
      // not a JSON log line
    }
  };
  const health = (instance: Instance) => serviceHealth(SERVICE_OF[instance], instances[instance].url);
  const leading = async (instance: Instance): Promise<boolean> => (await health(instance)).checks.outbox.relay.leading === true;
  const call = async (instance: Instance, method: string, path: string, auth: Record<ServiceName, string>, body?: unknown) => {
    const response = await fetch(`${instances[instance].url}${path}`, {
      method,
      headers: { authorization: auth[SERVICE_OF[instance]], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** Each member of the group and the partitions it was assigned, once the group is stable. */
  const assignments = async (groupId: string): Promise<number[][]> => {
    const {
      groups: [group],
    } = await admin.describeGroups([groupId]);
    if (group.state !== 'Stable') return [];
    return group.members.map((m) => {
      const assignment = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      return Object.values(assignment?.assignment ?? {})
        .flat()
        .sort();
    });
  };

  let paving: string;

  beforeAll(async () => {
    env = await TestEnvironment.create(3);
    admin = env.kafka.admin();
    await admin.connect();
    catalog = await startServiceProcess('catalog', env.env('catalog', await freePort()));
    // the a instances start first, so they lead; the b instances join their consumer groups afterwards
    await start('consignment-a');
    await start('reporting-a');
    await start('consignment-b');
    await start('reporting-b');
    await runDemo(
      { catalog: catalog.url, consignment: instances['consignment-a'].url, reporting: instances['reporting-b'].url },
      { outputDir: demoOutput.path },
    );
    const products = await fetch(`${catalog.url}/products?upt=LP-TGR-1&sku=PAVING-K100`, {
      headers: { authorization: token('admin').catalog },
    });
    paving = ((await products.json()) as { items: { id: string }[] }).items[0].id;
    const agreementId = (await call('consignment-b', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', token('admin'))).body.items[0].id;
    const dispatch = await call('consignment-a', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-TWO', quantity: 20_000 }],
    });
    await call('consignment-b', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 20_000, damaged: 0, short: 0 }],
    });
  }, 300_000);
  afterAll(() =>
    cleanUp(
      stopEach(instances),
      () => catalog?.stop(),
      () => admin?.disconnect(),
      () => env?.dispose(),
      demoOutput.remove,
    ),
  );

  it('shares each consumer group’s partitions between the two instances of reporting', async () => {
    const consumers: { groupId: string; topics: string[] }[] = Object.values((await health('reporting-a')).checks.consumers);
    expect(consumers.length).toBeGreaterThan(1);
    for (const { groupId, topics } of consumers) {
      const partitions = (await admin.fetchTopicOffsets(topics[0])).length * topics.length;
      const members = await eventually(
        async () => {
          const now = await assignments(groupId);
          return now.length === 2 && now.every((p) => p.length > 0) && now;
        },
        60_000,
        `${groupId} shared by two members`,
      );
      // every partition has exactly one owner
      expect(members.flat()).toHaveLength(partitions);
    }
  });

  it('has exactly one relay leader per service', async () => {
    for (const service of ['consignment', 'reporting'] as const) {
      const leaders = [];
      for (const instance of [`${service}-a`, `${service}-b`] as Instance[]) if (await leading(instance)) leaders.push(instance);
      expect(leaders).toEqual([`${service}-a`]);
    }
  });

  it('fails over to the other relay within 10 s when the leader is killed mid-stream, delivering every event once', async () => {
    const lines = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        receiptNo: `${prefix}-${Math.floor(i / 10)}`,
        lineNo: (i % 10) + 1,
        productId: paving,
        quantity: 1,
        soldAt: new Date().toISOString(),
      }));
    // the tills upload to the instance that survives; the leader publishes their events until it dies
    const uploads = Array.from({ length: 8 }, (_, n) =>
      call('consignment-b', 'POST', '/sales/batches', lounge, { lines: lines(`TWO${n}`, 400) }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise((r) => instances['consignment-a'].process.once('exit', r));
    instances['consignment-a'].process.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    await eventually(() => leading('consignment-b'), 10_000, 'the surviving relay leads');
    const takeoverMs = Date.now() - killedAt;
    const results = await Promise.all(uploads);
    expect(results.map((r) => r.body.accepted)).toEqual(Array(8).fill(400));

    await eventually(async () => (await health('consignment-b')).checks.outbox.unsent === 0, 60_000, 'outbox drained');
    const caughtUp = async (instance: Instance) => Object.values((await health(instance)).checks.consumers).every((c: any) => c.lag === 0);
    await eventually(async () => (await caughtUp('reporting-a')) && (await caughtUp('reporting-b')), 60_000, 'reporting caught up');
    const result = await reconcile({ consignment: instances['consignment-b'].url, reporting: instances['reporting-a'].url });
    const counters = await Promise.all(
      (['reporting-a', 'reporting-b'] as Instance[]).map(async (i): Promise<{ counters: Record<string, number> }[]> =>
        Object.values((await health(i)).checks.consumers),
      ),
    );
    const sum = (field: string) => counters.flat().reduce((total, c) => total + c.counters[field], 0);
    const figures = {
      takeoverMs,
      ledgerLines: result.saleLines.ledger,
      reportingLines: result.saleLines.reporting,
      applied: sum('applied'),
      duplicatesSuppressed: sum('duplicates'),
      deadLettered: sum('deadLettered'),
      lost: Math.max(0, result.saleLines.ledger - result.saleLines.reporting),
      doubleCounted: Math.max(0, result.saleLines.reporting - result.saleLines.ledger),
      differences: result.differences.length,
    };
    console.log(`relay leader SIGKILL mid-stream with two instances: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });
    expect(result.saleLines.ledger).toBeGreaterThanOrEqual(3200);
  });

  it('runs a scheduled job once per slot across instances', async () => {
    // both reporting instances have been firing the housekeeping jobs every 2 s since they started
    await eventually(
      async () => {
        const both = jobLines.filter((l) => l.job === 'outbox-retention' && SERVICE_OF[l.instance] === 'reporting');
        const slots = new Set(both.map((l) => l.slot));
        return [...slots].filter((slot) => both.filter((l) => l.slot === slot).length === 2).length >= 3;
      },
      30_000,
      'three slots fired by both reporting instances',
    );
    for (const service of ['consignment', 'reporting'] as const) {
      for (const job of ['outbox-retention', 'inbox-retention']) {
        const lines = jobLines.filter((l) => l.job === job && SERVICE_OF[l.instance] === service);
        const bySlot = new Map<string, JobLine[]>();
        for (const line of lines) bySlot.set(line.slot, [...(bySlot.get(line.slot) ?? []), line]);
        expect(bySlot.size).toBeGreaterThan(0);
        for (const [slot, fired] of bySlot) expect([slot, fired.filter((l) => l.ran).length]).toEqual([slot, 1]);
      }
    }
    // and the database agrees: every slot an instance ran is claimed there, by that instance
    const ran = jobLines.filter((l) => l.ran && SERVICE_OF[l.instance] === 'reporting');
    const claims: { job: string; slot: Date; instance: string }[] = await (
      await env.dataSource('reporting')
    ).query(`SELECT job, slot, instance FROM job_run`);
    const claimed = new Map(claims.map((c) => [`${c.job}@${c.slot.toISOString()}`, c.instance]));
    const pids = { 'reporting-a': instances['reporting-a'].process.pid, 'reporting-b': instances['reporting-b'].process.pid };
    for (const line of ran)
      expect(claimed.get(`${line.job}@${line.slot}`)).toMatch(new RegExp(`/${pids[line.instance as 'reporting-a']}$`));
  });
});
