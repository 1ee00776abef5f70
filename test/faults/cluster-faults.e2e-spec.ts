import { topicName } from '@titipan/contracts';
import type { Admin } from 'kafkajs';
import { faultFigures, type FaultFigures } from './fault-figures';
import { cleanUp, scratchDir } from '../support/clean-up';
import { eventually } from '../support/kafka-probe';
import { PrivateCluster } from '../support/private-cluster';
import { TestEnvironment } from '../support/test-environment';
import { bearers } from '../support/tokens';
import { INSTANCES, TwoInstanceStack, type Instance } from '../support/two-instance-stack';

/**
 * The production shape under faults: three brokers (3 copies, 2 in sync), two instances each of consignment and
 * reporting. Brokers and instances are killed with SIGKILL while the lounge uploads sales; every test ends with the
 * reconciliation finding no difference, nothing lost and nothing counted twice. One cluster and one stack for the file.
 */
describe('fault: the three-broker cluster with two instances of every service', () => {
  const demoOutput = scratchDir('cluster-faults');
  let cluster: PrivateCluster;
  let env: TestEnvironment;
  let admin: Admin;
  let stack: TwoInstanceStack;
  /** When each instance's relay last logged that it took the lead (the log's own timestamp). */
  const ledAt: Partial<Record<Instance, number>> = {};
  const token = bearers;
  const lounge = token('venue', 'IMI-TGR-LOUNGE');
  let paving: string;
  /** Sale lines the services answered 2xx for: every one must end up in the ledger and in reporting. */
  let acknowledgedLines = 0;

  beforeAll(async () => {
    cluster = await PrivateCluster.start();
    env = await TestEnvironment.create(3, cluster.brokers, PrivateCluster.REPLICATION);
    admin = env.kafka.admin();
    await admin.connect();
    stack = new TwoInstanceStack(env, (instance, entry) => {
      if (typeof entry.message === 'string' && entry.message.startsWith('relay leading')) ledAt[instance] = Date.parse(entry.time);
    });
    await stack.start(demoOutput.path);
    const products = await fetch(`${stack.catalog!.url}/products?upt=LP-TGR-1&sku=PAVING-K100`, {
      headers: { authorization: token('admin').catalog },
    });
    paving = ((await products.json()) as { items: { id: string }[] }).items[0].id;
    const agreementId = (await stack.call('consignment-b', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', token('admin'))).body.items[0]
      .id;
    const dispatch = await stack.call('consignment-a', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-CLUSTER', quantity: 20_000 }],
    });
    await stack.call('consignment-b', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 20_000, damaged: 0, short: 0 }],
    });
  }, 420_000);
  afterAll(
    () =>
      cleanUp(
        () => stack?.stop(),
        () => admin?.disconnect(),
        () => env?.dispose(),
        () => cluster?.dispose(),
        demoOutput.remove,
      ),
    180_000,
  );

  const batch = (prefix: string, size: number) =>
    Array.from({ length: size }, (_, i) => ({
      receiptNo: `${prefix}-${Math.floor(i / 10)}`,
      lineNo: (i % 10) + 1,
      productId: paving,
      quantity: 1,
      soldAt: new Date().toISOString(),
    }));

  /** Batches of 100 sale lines uploaded one after another, alternately to each consignment instance, until stopped. */
  const saleStream = (prefix: string) => {
    let running = true;
    let uploaded = 0;
    const statuses: number[] = [];
    const done = (async () => {
      while (running) {
        const n = uploaded;
        const response = await stack.call(n % 2 ? 'consignment-b' : 'consignment-a', 'POST', '/sales/batches', lounge, {
          lines: batch(`${prefix}${n}`, 100),
        });
        statuses.push(response.status);
        if (response.status === 201) acknowledgedLines += response.body.accepted;
        uploaded++;
      }
    })();
    return {
      /** Resolves once `more` further batches were answered. */
      progress: (more: number) => {
        const target = uploaded + more;
        return eventually(async () => uploaded >= target, 120_000, `${more} more sale batches`);
      },
      stop: async () => {
        running = false;
        await done;
        return statuses;
      },
    };
  };

  const leaderOfPartition0 = async () =>
    (await admin.fetchTopicMetadata({ topics: [topicName('consignment', env.topicPrefix)] })).topics[0].partitions.find(
      (p) => p.partitionId === 0,
    )!.leader;

  /**
   * Every partition of consignment.events has all three replicas in sync again: a broker back from a kill must catch
   * up before another may die, or a partition is left with one in-sync copy and refuses writes (min.insync.replicas 2).
   */
  const allInSync = () =>
    eventually(
      async () =>
        (await admin.fetchTopicMetadata({ topics: [topicName('consignment', env.topicPrefix)] })).topics[0].partitions.every(
          (p) => p.isr.length === 3,
        ),
      120_000,
      'every replica back in sync',
    );

  /** Outboxes drained and every reporting consumer caught up, then the figures over the instances given. */
  const converged = async (live: Instance[] = INSTANCES): Promise<FaultFigures> => {
    const consignment = live.filter((i) => i.startsWith('consignment'));
    const reporting = live.filter((i) => i.startsWith('reporting'));
    await eventually(async () => (await stack.health(consignment[0])).checks.outbox.unsent === 0, 120_000, 'outbox drained');
    await eventually(
      async () => {
        for (const instance of reporting) {
          const consumers: { lag?: number }[] = Object.values((await stack.health(instance)).checks.consumers);
          if (consumers.length === 0 || !consumers.every((c) => c.lag === 0)) return false;
        }
        return true;
      },
      120_000,
      'reporting caught up',
    );
    const figures = await faultFigures(
      { consignment: stack.url(consignment[0]), reporting: stack.url(reporting[0]) },
      { consignment: consignment.map((i) => stack.url(i)), reporting: reporting.map((i) => stack.url(i)) },
    );
    // every sale answered 2xx is in the ledger (which holds the demo's sales too), and reporting matches the ledger
    expect(figures.ledgerLines).toBeGreaterThanOrEqual(acknowledgedLines);
    return figures;
  };

  const expectClean = (figures: FaultFigures) =>
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });

  it('loses nothing when one consignment instance dies mid-batch and one reporting instance dies while applying; the relay fails over within 10 s', async () => {
    expect((await stack.health('consignment-a')).checks.outbox.relay.leading).toBe(true);
    // four tills upload to consignment-a; it dies in the middle and each till retries the same upload on consignment-b
    const uploads = Array.from({ length: 4 }, (_, n) => batch(`INST${n}`, 500));
    const first = uploads.map((lines) =>
      stack.call('consignment-a', 'POST', '/sales/batches', lounge, { lines }).catch(() => ({ status: 0, body: {} as any })),
    );
    await new Promise((r) => setTimeout(r, 200));
    const consignmentKilledAt = await stack.kill('consignment-a');
    const interrupted = await Promise.all(first);
    const retries = await Promise.all(uploads.map((lines) => stack.call('consignment-b', 'POST', '/sales/batches', lounge, { lines })));
    for (const retry of retries)
      expect([retry.status, retry.body.accepted + retry.body.duplicates, retry.body.refused]).toEqual([201, 500, 0]);
    acknowledgedLines += 2000;

    // the survivor's relay took the lead: the bound is read from its log's timestamp, not from a sleep
    const takeover = await eventually(
      async () => (ledAt['consignment-b'] ?? 0) > consignmentKilledAt - 1000 && ledAt['consignment-b']!,
      30_000,
      'consignment-b leads',
    );
    const takeoverMs = takeover - consignmentKilledAt;
    expect((await stack.health('consignment-b')).checks.outbox.relay.leading).toBe(true);

    // reporting-a dies while it applies those events; reporting-b takes over its partitions
    await eventually(
      async () => Object.values((await stack.health('reporting-a')).checks.consumers).some((c: any) => c.counters.applied > 0),
      60_000,
      'reporting-a applying',
    );
    await stack.kill('reporting-a');
    const figures = await converged(['consignment-b', 'reporting-b']);
    console.log(
      `cluster, consignment-a SIGKILL mid-batch (first attempts ${interrupted.map((r) => r.status || 'cut off').join(',')}) and reporting-a SIGKILL while applying; relay takeover ${takeoverMs} ms: ${JSON.stringify(figures)}`,
    );
    expect(takeoverMs).toBeLessThanOrEqual(10_000);
    expectClean(figures);

    // both come back for the tests below
    await stack.startInstance('consignment-a');
    await stack.startInstance('reporting-a');
  }, 420_000);

  it('loses nothing when the partition leader broker is killed during a sale stream, restarted, and then a different broker is killed', async () => {
    const stream = saleStream('BRK');
    await stream.progress(5);
    const leader = await leaderOfPartition0();
    await cluster.kill(leader);
    await stream.progress(5);
    await cluster.restart(leader);
    await allInSync();
    await stream.progress(5);
    const other = PrivateCluster.NODES.find((n) => n !== leader)!;
    await cluster.kill(other);
    await stream.progress(5);
    const statuses = await stream.stop();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const figures = await converged();
    console.log(
      `cluster, broker ${leader} (leader of partition 0) SIGKILL, restarted, then broker ${other} SIGKILL during ${statuses.length} sale batches of 100: ${JSON.stringify(figures)}`,
    );
    expectClean(figures);
    await cluster.restart(other);
    await allInSync();
  }, 420_000);

  it('with two brokers down the relay cannot publish (acks=all, min.insync.replicas 2), health says so, every acknowledged sale survives and all converges once a broker is back', async () => {
    const [first, second] = [PrivateCluster.NODES[0], PrivateCluster.NODES[1]];
    await cluster.kill(first);
    await cluster.kill(second);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await stack.call(i % 2 ? 'consignment-b' : 'consignment-a', 'POST', '/sales', lounge, {
        receiptNo: `TWODOWN-${i}`,
        lineNo: 1,
        productId: paving,
        quantity: 1,
        soldAt: new Date().toISOString(),
      });
      statuses.push(response.status);
      if (response.status === 201) acknowledgedLines += 1;
    }
    // the writes are in the outbox; with one of three brokers, acks=all cannot be met (min.insync.replicas 2)
    expect(statuses).toEqual(Array(20).fill(201));
    // the relay cannot publish: the backlog stays and, once its oldest row is 30 s old, health says degraded
    const during = await eventually(
      async () => {
        const h = await stack.health('consignment-b');
        return h.status === 'degraded' && h;
      },
      120_000,
      'consignment health degraded',
    );
    console.log(
      `cluster, two brokers down: /health shows broker ${JSON.stringify(during.checks.broker)}, outbox ${JSON.stringify(during.checks.outbox)}`,
    );
    expect(during.checks.outbox.unsent).toBeGreaterThanOrEqual(20);
    expect(during.checks.outbox.status).toBe('degraded');

    await cluster.restart(first);
    const figures = await converged();
    console.log(`cluster, two brokers down during 20 sales, one back: ${JSON.stringify(figures)}`);
    expectClean(figures);
    await cluster.restart(second);
    await allInSync();
  }, 420_000);

  it('runs one replay at a time across the two reporting instances while sales keep flowing, and reconciles', async () => {
    const stream = saleStream('RPL');
    await stream.progress(3);
    const started = await stack.call('reporting-a', 'POST', '/admin/replay', token('admin'));
    expect(started.status).toBe(202);
    const second = await stack.call('reporting-b', 'POST', '/admin/replay', token('admin'));
    expect([second.status, JSON.stringify(second.body)]).toEqual([409, expect.stringContaining('REPLAY_RUNNING')]);
    // reporting-b keeps consuming while the replay runs; at the swap its consumers wait at a commit boundary
    const job = await eventually(
      async () => {
        const { body } = await stack.call('reporting-b', 'GET', `/admin/replay/${started.body.id}`, token('admin'));
        expect(['running', 'finished']).toContain(body.state);
        return body.state === 'finished' && body;
      },
      180_000,
      'replay finished',
    );
    await stream.progress(3);
    const statuses = await stream.stop();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const figures = await converged();
    console.log(
      `cluster, replay on reporting-a while reporting-b consumes (${statuses.length} batches of 100 during it): job ${JSON.stringify(job)}; ${JSON.stringify(figures)}`,
    );
    expectClean(figures);
  }, 420_000);
});
