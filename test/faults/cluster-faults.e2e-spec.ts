import { topicName } from '@titipan/contracts';
import type { ServiceName } from '@titipan/platform';
import type { Admin } from 'kafkajs';
import { faultFigures, type FaultFigures } from './fault-figures';
import { cleanUp, scratchDir } from '../support/clean-up';
import { PrivateCluster } from '../support/private-cluster';
import { TestEnvironment } from '../support/test-environment';
import { bearers } from '../support/tokens';
import { INSTANCES, instancesOf, TwoInstanceStack, type Instance } from '../support/two-instance-stack';

/**
 * Polls every half second (each health call costs the services a broker round trip, and the machine is small) until
 * `check` gives a value; on timeout the error carries the last value and what `diagnose` reports.
 */
async function until<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
  diagnose?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await check();
    if (last !== undefined && last !== false) return last as T;
    if (Date.now() > deadline) {
      const diagnosis = diagnose ? await diagnose().catch((error: Error) => `(diagnosis failed: ${error.message})`) : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last: ${JSON.stringify(last)}\n${diagnosis}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The production shape under faults (issue 17): three brokers (3 copies, 2 in sync, acks=all), two instances each
 * of catalog, consignment and reporting on one database and one set of topics. Brokers and instances die by
 * SIGKILL while the lounge uploads sales; every test ends with the reconciliation finding no difference, nothing
 * lost and nothing counted twice, and prints the figures. One cluster and one stack for the file; after each test
 * every broker and instance runs again and every replica is back in sync, so each test starts whole.
 */
describe('fault: the three-broker cluster with two instances of every service', () => {
  const demoOutput = scratchDir('cluster-faults');
  let cluster: PrivateCluster;
  let env: TestEnvironment;
  let admin: Admin;
  let stack: TwoInstanceStack;
  /** When each instance's relay logged that it took the lead (the log's own timestamps). */
  const ledAt: Partial<Record<Instance, number[]>> = {};
  /** Brokers this file killed and has not restarted yet. */
  const down = new Set<number>();
  const token = bearers;
  const lounge = token('venue', 'IMI-TGR-LOUNGE');
  let paving: string;
  /** Sale lines the services answered 2xx for: every one must be in the ledger. */
  let acknowledgedLines = 0;

  const topic = () => topicName('consignment', env.topicPrefix);

  beforeAll(async () => {
    cluster = await PrivateCluster.start();
    env = await TestEnvironment.create(3, cluster.brokers, PrivateCluster.REPLICATION);
    admin = env.kafka.admin();
    await admin.connect();
    stack = new TwoInstanceStack(
      env,
      (instance, entry) => {
        if (typeof entry.message === 'string' && entry.message.startsWith('relay leading'))
          (ledAt[instance] ??= []).push(Date.parse(entry.time));
      },
      process.env.CLUSTER_FAULTS_LOG_DIR,
    );
    await stack.start(demoOutput.path);
    const products = await stack.call('catalog-a', 'GET', '/products?upt=LP-TGR-1&sku=PAVING-K100', token('admin'));
    paving = products.body.items[0].id;
    const agreementId = (await stack.call('consignment-b', 'GET', '/agreements?upt=LP-TGR-1&status=ACTIVE', token('admin'))).body.items[0]
      .id;
    const dispatch = await stack.call('consignment-a', 'POST', '/dispatches', token('upt', 'LP-TGR-1'), {
      agreementId,
      lines: [{ productId: paving, lotCode: 'PV-CLUSTER', quantity: 200_000 }],
    });
    await stack.call('consignment-b', 'POST', `/dispatches/${dispatch.body.id}/receipt`, lounge, {
      lines: [{ lineNo: 1, accepted: 200_000, damaged: 0, short: 0 }],
    });
  }, 420_000);

  // each test starts with three brokers in sync and every instance running, whatever the previous one left
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.stop();
    for (const node of [...down]) await restartBroker(node);
    for (const instance of INSTANCES) if (!stack.alive(instance)) await stack.startInstance(instance);
    await allInSync();
  }, 300_000);

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

  const killBroker = async (node: number) => {
    down.add(node);
    await cluster.kill(node);
  };
  const restartBroker = async (node: number) => {
    await cluster.restart(node);
    down.delete(node);
  };

  const partitions = async () => (await admin.fetchTopicMetadata({ topics: [topic()] })).topics[0].partitions;

  /** Where the brokers stand and what consignment's outbox holds: the message of a wait that timed out. */
  const diagnose = async () => {
    const consignment = instancesOf('consignment').filter((i) => stack.alive(i));
    const outboxes = await Promise.all(consignment.map(async (i) => [i, (await stack.health(i)).checks.outbox]));
    const brokers = await cluster.status();
    const leaders = (await partitions().catch(() => [])).map((p) => `${p.partitionId}: leader ${p.leader}, isr ${p.isr.join(',')}`);
    return `brokers:\n${brokers}partitions of ${topic()}: ${leaders.join('; ')}\noutboxes: ${JSON.stringify(outboxes)}`;
  };

  /**
   * Every partition of consignment.events has all three replicas in sync: a broker back from a kill must catch up
   * before another may die, or a partition is left with one in-sync copy and refuses writes (min.insync.replicas 2).
   */
  const allInSync = () =>
    until(async () => (await partitions()).every((p) => p.isr.length === 3), 120_000, 'every replica in sync', diagnose);

  const relayLeaders = async (service: ServiceName) => {
    const leading: Instance[] = [];
    for (const instance of instancesOf(service))
      if (stack.alive(instance) && (await stack.health(instance)).checks.outbox.relay.leading === true) leading.push(instance);
    return leading;
  };

  const batch = (prefix: string, size: number) =>
    Array.from({ length: size }, (_, i) => ({
      receiptNo: `${prefix}-${Math.floor(i / 10)}`,
      lineNo: (i % 10) + 1,
      productId: paving,
      quantity: 1,
      soldAt: new Date().toISOString(),
    }));

  /** Sale streams of the running test, stopped after it even when it failed (a stream left running would sell on). */
  const streams: { stop(): Promise<unknown> }[] = [];

  /**
   * Batches of 100 sale lines uploaded one after another, alternately to each given consignment instance, until
   * stopped; a batch the instance did not answer (it died) is status 0.
   */
  const saleStream = (prefix: string, to: Instance[] = instancesOf('consignment')) => {
    let running = true;
    let uploaded = 0;
    const statuses: number[] = [];
    const done = (async () => {
      while (running) {
        const n = uploaded;
        const response = await stack
          .call(to[n % to.length], 'POST', '/sales/batches', lounge, { lines: batch(`${prefix}${n}`, 100) })
          .catch(() => ({ status: 0, body: {} as any }));
        statuses.push(response.status);
        if (response.status === 201) acknowledgedLines += response.body.accepted;
        uploaded++;
      }
    })();
    const stream = {
      /** Resolves once `more` further batches were answered. */
      progress: (more: number) => {
        const target = uploaded + more;
        return until(async () => uploaded >= target, 120_000, `${more} more sale batches`);
      },
      stop: async () => {
        running = false;
        await done;
        return statuses;
      },
    };
    streams.push(stream);
    return stream;
  };

  /** Outboxes drained and every live reporting consumer caught up, then the figures over the live instances. */
  const converged = async (): Promise<FaultFigures> => {
    const consignment = instancesOf('consignment').filter((i) => stack.alive(i));
    const reporting = instancesOf('reporting').filter((i) => stack.alive(i));
    await until(async () => (await stack.health(consignment[0])).checks.outbox.unsent === 0, 120_000, 'outbox drained', diagnose);
    await until(
      async () => {
        for (const instance of reporting) {
          const consumers: { lag?: number }[] = Object.values((await stack.health(instance)).checks.consumers);
          if (consumers.length === 0 || !consumers.every((c) => c.lag === 0)) return false;
        }
        return true;
      },
      120_000,
      'reporting caught up',
      async () => JSON.stringify(await Promise.all(reporting.map(async (i) => [i, (await stack.health(i)).checks.consumers]))),
    );
    const figures = await faultFigures(
      { consignment: stack.url(consignment[0]), reporting: stack.url(reporting[0]) },
      { consignment: consignment.map((i) => stack.url(i)), reporting: reporting.map((i) => stack.url(i)) },
    );
    // every sale answered 2xx is in the ledger (which holds the demo's sales too)
    expect(figures.ledgerLines).toBeGreaterThanOrEqual(acknowledgedLines);
    return figures;
  };

  const expectClean = (figures: FaultFigures) =>
    expect(figures).toMatchObject({ lost: 0, doubleCounted: 0, deadLettered: 0, differences: 0 });

  it('runs exactly one relay leader per service, and the two reporting instances share consignment.events', async () => {
    for (const service of ['catalog', 'consignment', 'reporting'] as const) expect(await relayLeaders(service)).toHaveLength(1);
    const groups = await Promise.all(
      instancesOf('reporting').map(async (i) =>
        Object.keys((await stack.health(i)).checks.consumers).filter((g) => g.endsWith('consignment-reader')),
      ),
    );
    expect(groups).toEqual([[`${env.topicPrefix}reporting.consignment-reader`], [`${env.topicPrefix}reporting.consignment-reader`]]);
    const members = await until(
      async () => {
        const {
          groups: [group],
        } = await admin.describeGroups([`${env.topicPrefix}reporting.consignment-reader`]);
        return group.state === 'Stable' && group.members.length === 2 && group.members;
      },
      60_000,
      'the consignment reader shared by two members',
    );
    expect(members).toHaveLength(2);
  });

  it('loses nothing when the partition leader broker is killed during a sale stream to two consignment instances, restarted, and then a different broker is killed', async () => {
    const ends = async () => new Map((await admin.fetchTopicOffsets(topic())).map((o) => [o.partition, Number(o.high)]));
    const before = await ends();
    const stream = saleStream('BRK');
    await stream.progress(5);
    // the partition the lounge's sales go to (keyed by the agreement): the one that grew; its leader is killed mid-send
    const [busy] = await until(
      async () => {
        const grown = [...(await ends())].filter(([p, end]) => end > before.get(p)!).map(([p]) => p);
        return grown.length > 0 && grown;
      },
      60_000,
      'the sales published',
    );
    const leaderOf = async (partition: number) => (await partitions()).find((p) => p.partitionId === partition)!.leader;
    const leader = await leaderOf(busy);
    await killBroker(leader);
    await stream.progress(5);
    await restartBroker(leader);
    await allInSync();
    await stream.progress(5);
    // then a different broker: the partition's leader now, unless leadership has already gone back to the first
    const now = await leaderOf(busy);
    const other = now !== leader ? now : PrivateCluster.NODES.find((n) => n !== leader)!;
    await killBroker(other);
    await stream.progress(5);
    const statuses = await stream.stop();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const figures = await converged();
    console.log(
      `cluster, broker ${leader} (leader of partition ${busy}, the lounge's) SIGKILL, restarted, then broker ${other}${other === now ? ' (its leader then)' : ''} SIGKILL during ${statuses.length} sale batches of 100 to two consignment instances: ${JSON.stringify(figures)}`,
    );
    expectClean(figures);
  }, 360_000);

  it('loses nothing when the relay leading consignment instance dies mid-batch and a reporting instance dies while applying; the relay fails over within 10 s', async () => {
    const [leader] = await relayLeaders('consignment');
    expect(leader).toBeDefined();
    const survivor = instancesOf('consignment').find((i) => i !== leader)!;
    // a till keeps uploading to the survivor throughout, so there is always something to apply
    const stream = saleStream('INSTS', [survivor]);
    await stream.progress(2);
    // four tills upload to the leader; it dies in the middle and each till retries the same upload on the survivor
    const uploads = Array.from({ length: 4 }, (_, n) => batch(`INST${n}`, 500));
    const first = uploads.map((lines) =>
      stack.call(leader, 'POST', '/sales/batches', lounge, { lines }).catch(() => ({ status: 0, body: {} as any })),
    );
    await new Promise((r) => setTimeout(r, 150));
    delete ledAt[survivor];
    const killedAt = await stack.kill(leader);
    const interrupted = await Promise.all(first);
    const retries = await Promise.all(uploads.map((lines) => stack.call(survivor, 'POST', '/sales/batches', lounge, { lines })));
    for (const retry of retries)
      expect([retry.status, retry.body.accepted + retry.body.duplicates, retry.body.refused]).toEqual([201, 500, 0]);
    acknowledgedLines += 2000;

    // the survivor's relay took the lead: the time is read from its log line, not from a poll or a sleep
    const takeoverAt = await until(async () => ledAt[survivor]?.[0], 30_000, `${survivor} leads`);
    const takeoverMs = takeoverAt - killedAt;
    expect(await relayLeaders('consignment')).toEqual([survivor]);

    // the reporting instance that applies the lounge's events (its partition's owner) dies while it applies them
    const applied = async (instance: Instance) =>
      Object.values((await stack.health(instance)).checks.consumers).reduce((sum: number, c: any) => sum + c.counters.applied, 0);
    const before = await Promise.all(instancesOf('reporting').map(applied));
    const applying = await until(
      async () => {
        const now = await Promise.all(instancesOf('reporting').map(applied));
        return instancesOf('reporting').find((_, i) => now[i] > before[i]);
      },
      60_000,
      'a reporting instance applying',
    );
    await stack.kill(applying);
    await stream.progress(5);
    const statuses = await stream.stop();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const figures = await converged();
    console.log(
      `cluster, ${leader} (relay leader) SIGKILL mid-batch (first attempts: ${interrupted.map((r) => r.status || 'cut off').join(', ')}; retried on ${survivor}: ${retries.map((r) => `${r.body.accepted} new + ${r.body.duplicates} duplicates`).join(', ')}), relay failover to ${survivor} in ${takeoverMs} ms; ${applying} SIGKILL while applying, ${statuses.length} batches of 100 meanwhile: ${JSON.stringify(figures)}`,
    );
    expect(takeoverMs).toBeLessThanOrEqual(10_000);
    expectClean(figures);
  }, 360_000);

  it('with two brokers down the relay cannot publish (acks=all, min.insync.replicas 2), health says so, every acknowledged sale survives and all converges once a broker is back', async () => {
    const [first, second] = [PrivateCluster.NODES[0], PrivateCluster.NODES[1]];
    await killBroker(first);
    await killBroker(second);
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await stack.call(i % 2 ? 'consignment-b' : 'consignment-a', 'POST', '/sales', lounge, {
        receiptNo: `TWODOWN-${i}`,
        lineNo: 1,
        productId: paving,
        quantity: 1,
        soldAt: new Date().toISOString(),
      });
      statuses.push(response.status === 201 ? 201 : `${response.status} ${response.body.code}`);
      if (response.status === 201) acknowledgedLines += 1;
    }
    // the writes are taken into the outbox: a service does not need the broker to accept a sale
    expect(statuses).toEqual(Array(20).fill(201));
    // with one broker of three, acks=all cannot be met (min.insync.replicas 2) and the controllers have no quorum:
    // the relay cannot publish, the backlog stays, and once its oldest row is 30 s old the outbox check says so
    const during = await until(
      async () => {
        const h = await stack.health('consignment-b');
        return h.checks.outbox.status === 'degraded' && h;
      },
      120_000,
      'consignment health: outbox degraded',
      diagnose,
    );
    const reportingHealth = await stack.health('reporting-a');
    /** The checks of a health report that are not ok: database, broker, outbox, and each consumer group by name. */
    const failing = (h: any): string[] => [
      ...['database', 'broker', 'outbox'].filter((name) => h.checks[name].status !== 'ok'),
      ...Object.values(h.checks.consumers as Record<string, { groupId: string; status: string; code?: string }>)
        .filter((c) => c.status !== 'ok')
        .map((c) => `${c.groupId.slice(env.topicPrefix.length)} ${c.code ?? c.status}`),
    ];
    console.log(
      `cluster, two brokers down: consignment /health ${during.status} (${failing(during).join(', ')}; broker ${JSON.stringify(during.checks.broker)}, outbox ${JSON.stringify(during.checks.outbox)}); reporting /health ${reportingHealth.status} (${failing(reportingHealth).join(', ')})`,
    );
    expect(during.status).toBe('degraded');
    expect(during.checks.outbox.unsent).toBeGreaterThanOrEqual(20);
    expect(during.checks.outbox.oldestUnsentAgeMs).toBeGreaterThan(30_000);

    await restartBroker(first);
    const figures = await converged();
    console.log(`cluster, brokers ${first} and ${second} down during 20 sales, ${first} back: ${JSON.stringify(figures)}`);
    expectClean(figures);
    // and health says so: ok again with two brokers of three
    await until(async () => (await stack.health('consignment-a')).status === 'ok', 60_000, 'consignment health ok', diagnose);
  }, 360_000);

  it('runs one replay at a time, started on either reporting instance while the other consumes and sales keep flowing, and reconciles', async () => {
    const stream = saleStream('RPL');
    await stream.progress(3);
    const jobs: string[] = [];
    for (const [on, other] of [
      ['reporting-a', 'reporting-b'],
      ['reporting-b', 'reporting-a'],
    ] as const) {
      const started = await stack.call(on, 'POST', '/admin/replay', token('admin'));
      expect(started.status).toBe(202);
      // one replay at a time across the instances: the other one refuses a second
      const second = await stack.call(other, 'POST', '/admin/replay', token('admin'));
      expect([second.status, second.body.code, second.body.details?.id]).toEqual([409, 'REPLAY_RUNNING', started.body.id]);
      // the other instance keeps consuming while the replay runs; at the swap its consumers wait at a commit boundary
      const job = await until(
        async () => {
          const { body } = await stack.call(other, 'GET', `/admin/replay/${started.body.id}`, token('admin'));
          expect(['running', 'finished']).toContain(body.state);
          return body.state === 'finished' && body;
        },
        180_000,
        `the replay on ${on} finished`,
      );
      jobs.push(`on ${on}: ${job.events} events (${job.applied} applied)`);
      await stream.progress(3);
    }
    const statuses = await stream.stop();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const figures = await converged();
    console.log(
      `cluster, a replay on each reporting instance while the other consumes (${statuses.length} batches of 100 meanwhile): ${jobs.join('; ')}; ${JSON.stringify(figures)}`,
    );
    expectClean(figures);
  }, 360_000);
});
