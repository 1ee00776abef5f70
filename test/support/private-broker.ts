import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh');

const portAccepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  }).then((open) => open);

/** A Kafka broker of a test's own (the project's script, other ports and data), so the test may stop it. */
export class PrivateBroker {
  private starting?: Promise<void>;

  private constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  private static async create(): Promise<PrivateBroker> {
    const dataDir = mkdtempSync(join(tmpdir(), 'titipan-broker-'));
    const port = await freePort();
    const env = {
      ...process.env,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      KAFKA_DATA_DIR: dataDir,
      KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
    };
    return new PrivateBroker(port, env, dataDir);
  }

  /**
   * The ports are free when picked, but another process (a service or an identity provider another test starts)
   * can take one before Kafka binds it: such a start is tried again on new ports.
   */
  private static async onFreshPorts(open: (broker: PrivateBroker) => Promise<void>): Promise<PrivateBroker> {
    for (let attempt = 1; ; attempt++) {
      const broker = await PrivateBroker.create();
      try {
        await open(broker);
        return broker;
      } catch (error) {
        await broker.dispose();
        if (attempt >= 3 || !/Address already in use/.test((error as Error).message)) throw error;
      }
    }
  }

  /** A broker on wiped data, ready to serve (the script's own readiness check has passed). */
  static async start(): Promise<PrivateBroker> {
    return PrivateBroker.onFreshPorts((broker) => broker.up());
  }

  /**
   * A broker on wiped data, returned the moment its client port accepts a connection: what a client that
   * starts right behind the broker meets. `ready()` waits for the start script to finish.
   */
  static async launch(): Promise<PrivateBroker> {
    return PrivateBroker.onFreshPorts((broker) => broker.launchScript());
  }

  private async launchScript(): Promise<void> {
    const script = spawn('bash', [SCRIPT, 'start'], { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    script.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    this.starting = new Promise((resolve, reject) =>
      script.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kafka.sh start exited ${code}: ${output}`)))),
    );
    this.starting.catch(() => undefined); // surfaced by ready(), or by the port never opening below
    const deadline = Date.now() + 120_000;
    while (!(await portAccepts(this.port))) {
      if (script.exitCode !== null && script.exitCode !== 0) await this.starting;
      if (Date.now() > deadline) throw new Error(`broker port ${this.port} did not open: ${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async ready(): Promise<void> {
    await this.starting;
  }

  async up(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 120_000 });
  }

  async down(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await run('bash', [SCRIPT, 'stop'], { env: this.env, timeout: 60_000 });
  }

  async dispose(): Promise<void> {
    await this.down().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
