import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh');

/** A Kafka broker of a test's own (the project's script, other ports and data), so the test may stop it. */
export class PrivateBroker {
  private constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  static async start(): Promise<PrivateBroker> {
    const dataDir = mkdtempSync(join(tmpdir(), 'titipan-broker-'));
    const port = await freePort();
    const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(await freePort()), KAFKA_DATA_DIR: dataDir, KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m' };
    const broker = new PrivateBroker(port, env, dataDir);
    await broker.up();
    return broker;
  }

  async up(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 120_000 });
  }

  async down(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.env, timeout: 60_000 });
  }

  async dispose(): Promise<void> {
    await this.down().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
