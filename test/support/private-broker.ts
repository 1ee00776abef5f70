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

  /** A broker on wiped data, ready to serve (the script's own readiness check has passed). */
  static async start(): Promise<PrivateBroker> {
    const broker = await PrivateBroker.create();
    await broker.up();
    return broker;
  }

  /**
   * A broker on wiped data, returned the moment its client port accepts a connection: what a client that
   * starts right behind the broker meets. `ready()` waits for the start script to finish.
   */
  static async launch(): Promise<PrivateBroker> {
    const broker = await PrivateBroker.create();
    const script = spawn('bash', [SCRIPT, 'start'], { env: broker.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    script.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    broker.starting = new Promise((resolve, reject) =>
      script.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kafka.sh start exited ${code}: ${output}`)))),
    );
    broker.starting.catch(() => undefined); // surfaced by ready(), or by the port never opening below
    const deadline = Date.now() + 120_000;
    while (!(await portAccepts(broker.port))) {
      if (script.exitCode !== null && script.exitCode !== 0) await broker.starting;
      if (Date.now() > deadline) throw new Error(`broker port ${broker.port} did not open: ${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return broker;
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
