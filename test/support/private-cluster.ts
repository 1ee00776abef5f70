import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh');

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A base port whose six cluster ports (base..base+2 for clients, base+10..base+12 for controllers) are free now. */
async function freeBasePort(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = [0, 1, 2, 10, 11, 12].map((offset) => base + offset);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
}

/**
 * A three-broker KRaft cluster of a test's own (`kafka.sh cluster`: three combined broker+controller nodes, SASL and
 * the same principals as every broker of this checkout), on free ports and wiped data, so the test may kill and
 * restart its nodes. Topics on it are provisioned with 3 copies, 2 in sync (TestEnvironment.create's `replication`).
 */
export class PrivateCluster {
  static readonly NODES = [1, 2, 3] as const;
  static readonly REPLICATION = { replicationFactor: 3, minInsyncReplicas: 2 };

  private constructor(
    readonly basePort: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  /** Every node's client address (kafkajs finds the others from any one). */
  get brokers(): string[] {
    return PrivateCluster.NODES.map((n) => `127.0.0.1:${this.portOf(n)}`);
  }

  /** The client port of node n (its broker id is n). */
  portOf(node: number): number {
    return this.basePort + node - 1;
  }

  static async start(): Promise<PrivateCluster> {
    for (let attempt = 1; ; attempt++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'titipan-cluster-'));
      const basePort = await freeBasePort();
      const env = {
        ...process.env,
        KAFKA_CLUSTER_BASE_PORT: String(basePort),
        KAFKA_CLUSTER_DATA_DIR: dataDir,
        KAFKA_CLUSTER_HEAP_OPTS: '-Xms128m -Xmx384m',
      };
      const cluster = new PrivateCluster(basePort, env, dataDir);
      try {
        await cluster.script('start');
        return cluster;
      } catch (error) {
        await cluster.dispose();
        if (attempt >= 3 || !/already in use/.test((error as Error).message)) throw error;
      }
    }
  }

  private async script(...args: string[]): Promise<string> {
    const { stdout } = await run('bash', [SCRIPT, 'cluster', ...args], { env: this.env, timeout: 180_000 });
    return stdout;
  }

  /** SIGKILL to node n: no controlled shutdown, as when a machine dies. */
  async kill(node: number): Promise<void> {
    await this.script('kill', String(node));
  }

  /** Starts node n again (after a kill) and waits until it serves. */
  async restart(node: number): Promise<void> {
    await this.script('restart', String(node));
  }

  async status(): Promise<string> {
    return this.script('status').catch((error: { stdout?: string }) => error.stdout ?? '');
  }

  async stop(): Promise<void> {
    await this.script('stop');
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
