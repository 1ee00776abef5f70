import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KeycloakAdminSettings } from '@titipan/identity';
import { dropDatabase } from '@titipan/platform';
import { freePort } from './free-port';
import { ADMIN_URL, databasePrefix } from './test-settings';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'infra', 'keycloak', 'keycloak.sh');

/** A cold start creates Keycloak's tables; on two shared cores that can take minutes. */
export const KEYCLOAK_START_MS = 900_000;

/**
 * A Keycloak of a test file's own (the project's script, other ports, its own data dir and an empty database
 * named after the run), beside the default one. The environment it gives (`env`) points the realm set-up and
 * the users command at it.
 */
export class PrivateKeycloak {
  private constructor(
    readonly port: number,
    readonly database: string,
    private readonly scriptEnv: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What tools/identity/idp-settings.ts reads: this instance and its bootstrap admin. */
  get env(): NodeJS.ProcessEnv {
    return {
      KEYCLOAK_URL: this.url,
      KEYCLOAK_BOOTSTRAP_CLIENT_ID: this.scriptEnv.KEYCLOAK_BOOTSTRAP_CLIENT_ID,
      KEYCLOAK_BOOTSTRAP_CLIENT_SECRET: this.scriptEnv.KEYCLOAK_BOOTSTRAP_CLIENT_SECRET,
    };
  }

  /** The master realm's bootstrap admin, administering the realm `realm`. */
  bootstrapAdmin(realm: string): KeycloakAdminSettings {
    return {
      url: this.url,
      realm,
      clientRealm: 'master',
      clientId: this.scriptEnv.KEYCLOAK_BOOTSTRAP_CLIENT_ID!,
      clientSecret: this.scriptEnv.KEYCLOAK_BOOTSTRAP_CLIENT_SECRET!,
    };
  }

  /**
   * Started on an empty database and ready (the script's health check has passed). `port` when a service started
   * beside it must know the issuer beforehand.
   */
  static async start(options: { port?: number } = {}): Promise<PrivateKeycloak> {
    const id = randomBytes(3).toString('hex');
    const dataDir = mkdtempSync(join(tmpdir(), 'titipan-keycloak-'));
    const port = options.port ?? (await freePort());
    const database = `${databasePrefix()}kc${id}`;
    const scriptEnv: NodeJS.ProcessEnv = {
      ...process.env,
      KEYCLOAK_DATA_DIR: dataDir,
      KEYCLOAK_PORT: String(port),
      KEYCLOAK_MANAGEMENT_PORT: String(await freePort()),
      KEYCLOAK_DB: database,
      // one login role for every test database (roles belong to the whole cluster, databases are dropped)
      KEYCLOAK_DB_USER: 'titipan_keycloak_test',
      KEYCLOAK_BOOTSTRAP_CLIENT_ID: 'titipan-test-bootstrap',
      KEYCLOAK_BOOTSTRAP_CLIENT_SECRET: randomBytes(16).toString('hex'),
      KEYCLOAK_HEAP_OPTS: '-Xms128m -Xmx512m',
      KEYCLOAK_START_TIMEOUT: String(KEYCLOAK_START_MS / 1000 - 30),
    };
    const keycloak = new PrivateKeycloak(port, database, scriptEnv, dataDir);
    try {
      await run('bash', [SCRIPT, 'start'], { env: scriptEnv, timeout: KEYCLOAK_START_MS });
    } catch (error) {
      await keycloak.dispose(); // a start that timed out may have left the JVM running
      throw error;
    }
    return keycloak;
  }

  async dispose(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.scriptEnv, timeout: 60_000 }).catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
    await dropDatabase(ADMIN_URL, this.database);
  }
}
