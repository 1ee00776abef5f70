import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { KeycloakAdmin, TITIPAN_REALM } from '@titipan/identity';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { waitForConsumers } from '../../tools/demo/api-client';
import { applyRealm } from '../../tools/identity/apply-realm';
import { titipanRealm } from '../../tools/identity/realm';
import { consoleEnv } from '../../tools/local-settings';
import { seedCatalog } from '../../tools/seed/seed-catalog';
import { seedVenues } from '../../tools/seed/seed-venues';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { usersCommand } from '../../tools/users';
import { cleanUp, stopEach } from './clean-up';
import { freePort } from './free-port';
import { PrivateKeycloak } from './private-keycloak';
import { TestEnvironment } from './test-environment';

export { KEYCLOAK_START_MS } from './private-keycloak';

const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-this-test' };
/** The password of every person a console test adds. */
export const PERSON_PASSWORD = 'kasir-password-1';
export const SIZES = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
] as const;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type ServiceName = 'catalog' | 'consignment' | 'reporting' | 'notification';

export interface ConsoleStackOptions {
  /** Runs on the services' fresh databases before any service starts (a benchmark's preloaded data). */
  prepare?: (env: TestEnvironment) => Promise<void>;
  /** Settings added to every service's environment. */
  serviceEnv?: Record<string, string>;
}

/**
 * The whole stack a console browser test runs against, each part a process: a private Keycloak with the realm
 * from code, the services asked for (trusting it), the console serving the built app from dist/apps/console/web,
 * the reference catalog and the Tangerang lounge, and Chromium (Debian's, driven by playwright-core).
 */
export class ConsoleStack {
  readonly services: Partial<Record<ServiceName | 'console', RunningService>> = {};
  /** Screenshots of this suite, under the OS temp directory. */
  readonly shots: string;
  private keycloak?: PrivateKeycloak;
  private env?: TestEnvironment;
  browser!: Browser;
  base!: string;

  private constructor(label: string) {
    this.shots = mkdtempSync(join(tmpdir(), `console-${label}-`));
  }

  static async start(
    label: string,
    services: readonly ServiceName[] = ['catalog', 'consignment'],
    options: ConsoleStackOptions = {},
  ): Promise<ConsoleStack> {
    const stack = new ConsoleStack(label);
    try {
      await stack.startParts(services, options);
    } catch (error) {
      await stack.dispose().catch(() => undefined);
      throw error;
    }
    return stack;
  }

  private async startParts(services: readonly ServiceName[], options: ConsoleStackOptions): Promise<void> {
    this.keycloak = await PrivateKeycloak.start();
    const issuer = `${this.keycloak.url}/realms/${TITIPAN_REALM}`;
    const consolePort = await freePort();
    this.base = `http://127.0.0.1:${consolePort}`;
    await applyRealm(
      new KeycloakAdmin(this.keycloak.bootstrapAdmin(TITIPAN_REALM)),
      titipanRealm({ consoleRedirectUris: [`${this.base}/*`], userAdminClientId: USER_ADMIN.clientId, userAdminSecret: USER_ADMIN.secret }),
    );
    this.env = await TestEnvironment.create();
    await options.prepare?.(this.env);
    const ports: Partial<Record<ServiceName, number>> = {};
    for (const service of services) ports[service] = await freePort();
    // catalog administers people at the provider (/user-accounts, the admin pages), asking consignment whether a venue code exists
    const userAdmin = {
      USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
      USER_ADMIN_CLIENT_SECRET: USER_ADMIN.secret,
      ...(ports.consignment ? { CONSIGNMENT_URL: `http://127.0.0.1:${ports.consignment}` } : {}),
    };
    for (const service of services) {
      this.services[service] = await startServiceProcess(
        service,
        {
          ...this.env.env(service, ports[service]),
          OIDC_ISSUER: issuer,
          // the documents' QR codes open this console
          CONSOLE_PUBLIC_URL: this.base,
          ...(service === 'catalog' ? userAdmin : {}),
          ...options.serviceEnv,
        },
        { timeoutMs: 180_000 },
      );
    }
    // the reference catalog and venue, where their services run (a reporting-only stack has its data preloaded)
    if (this.services.catalog) await seedCatalog(this.url('catalog'));
    if (this.services.catalog && this.services.consignment) {
      await waitForConsumers('consignment', this.url('consignment'), ['directory-replica', 'product-replica'], 120_000);
      await seedVenues(this.url('consignment'));
    }
    const urls = Object.fromEntries(services.map((service) => [service, this.url(service)]));
    this.services.console = await startServiceProcess('console', {
      ...consoleEnv(issuer, { port: consolePort, services: urls }),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });
    this.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }

  url(service: ServiceName): string {
    const running = this.services[service];
    if (!running) throw new Error(`${service} was not started for this console test`);
    return running.url;
  }

  /** A person at the provider, as an administrator adds them (`npm run users -- add …`). */
  async addPerson(username: string, role: string, scope: string | null, name: string): Promise<void> {
    const commandEnv = {
      ...process.env,
      ...this.keycloak!.env,
      KEYCLOAK_USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
      KEYCLOAK_USER_ADMIN_SECRET: USER_ADMIN.secret,
      // the command acts through catalog's user administration (which asks consignment about venue codes itself)
      ...(this.services.catalog ? { CATALOG_URL: this.url('catalog') } : {}),
    };
    const argv = ['add', '--username', username, '--role', role, '--password', PERSON_PASSWORD, '--name', name];
    if (scope) argv.push('--scope', scope);
    const errors: string[] = [];
    const code = await usersCommand(argv, { out: () => undefined, err: (line) => errors.push(line) }, commandEnv);
    if (code !== 0) throw new Error(`users ${argv.join(' ')} exited ${code}: ${errors.join('\n')}`);
  }

  /**
   * Opens the console at `path` in a new browser context: the app sends the browser to the provider's sign-in page,
   * where the person signs in, and comes back to `path`. `onSignInPage` sees that page (a screenshot, say).
   */
  async signIn(
    username: string,
    path: string,
    onSignInPage?: (page: Page) => Promise<void>,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport: SIZES[0], locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && console.log(`browser console: ${message.text()}`));
    await page.goto(`${this.base}${path}`);
    await page.locator('#username').waitFor({ timeout: 60_000 });
    await onSignInPage?.(page);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(PERSON_PASSWORD);
    await page.locator('#kc-login').click();
    await page.waitForURL(`${this.base}${path}`, { timeout: 60_000 });
    return { context, page };
  }

  /** The page at both sizes (a tablet held either way), under `shots`. */
  async shoot(page: Page, name: string): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(this.shots, `${name}-${size.name}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[0]);
  }

  async dispose(): Promise<void> {
    await cleanUp(
      () => this.browser?.close(),
      [...stopEach(this.services), () => this.keycloak?.dispose()],
      () => this.env?.dispose(),
    );
  }
}

/** No serious or critical accessibility violation on the page as it is now (axe-core). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }).toEqual({
    page: name,
    violations: [],
  });
}

/** playwright-core has no test runner: a condition polled until it holds. */
export async function expectSoon(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
