import { PrivateCluster } from '../test/support/private-cluster';
import { startBenchStack } from './bench-stack';
import { freshness, runSalesLoad } from './sales-load';
import { round } from './statistics';
import { VisibilityProbe } from './visibility-probe';

export interface ClusterIngestion {
  brokers: number;
  instances: number;
  acceptedLines: number;
  acceptedLinesPerSecond: number;
  untilAllVisibleSeconds: number;
  endToEndLinesPerSecond: number;
}

/**
 * Row 1's ingestion in the production shape: a three-broker cluster (3 copies, 2 in sync, acks=all) with two
 * instances each of consignment and reporting. The tills are split between the two consignment instances (as a load
 * balancer would); end to end runs from the first request until reporting shows the last sale.
 */
export async function measureClusterIngestion(
  settings: { venues: number; connections: number; batchLines: number; ingestSeconds: number },
  log: (line: string) => void,
): Promise<ClusterIngestion> {
  const instances = 2;
  const cluster = await PrivateCluster.start();
  try {
    const stack = await startBenchStack(
      log,
      settings.venues,
      {},
      { brokers: cluster.brokers, replication: PrivateCluster.REPLICATION, instances },
    );
    const probe = await new VisibilityProbe(stack.env.database).start();
    try {
      const connections = Math.max(1, Math.floor(settings.connections / instances));
      const load = (tag: string, seconds: number) =>
        Promise.all(
          stack.consignmentUrls.map((consignmentUrl, i) =>
            runSalesLoad({
              consignmentUrl,
              venues: stack.venues,
              linesPerRequest: settings.batchLines,
              connections,
              seconds,
              tag: `${tag}${i}-`,
            }),
          ),
        );
      await load('CW', Math.min(5, settings.ingestSeconds)); // warm-up, not measured
      await stack.settle();
      const results = await load('CI', settings.ingestSeconds);
      const visible = await Promise.all(results.map((r) => freshness(probe, r)));
      const startedAtMs = Math.min(...results.map((r) => r.startedAtMs));
      const lastVisibleAt = Math.max(...visible.map((v) => v.lastVisibleAt));
      const acceptedLines = results.reduce((sum, r) => sum + r.acceptedLines, 0);
      const untilAllVisibleSeconds = round((lastVisibleAt - startedAtMs) / 1000);
      return {
        brokers: PrivateCluster.NODES.length,
        instances,
        acceptedLines,
        acceptedLinesPerSecond: results.reduce((sum, r) => sum + r.acceptedLinesPerSecond, 0),
        untilAllVisibleSeconds,
        endToEndLinesPerSecond: Math.round(acceptedLines / untilAllVisibleSeconds),
      };
    } finally {
      await probe.stop();
      await stack.stop();
    }
  } finally {
    await cluster.dispose();
  }
}
