import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeycloakAdmin, parseForm, TITIPAN_REALM } from '@titipan/identity';
import { ApiClient, caller, waitForConsumers } from '../../tools/demo/api-client';
import { applyRealm } from '../../tools/identity/apply-realm';
import { titipanRealm } from '../../tools/identity/realm';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { usersCommand } from '../../tools/users';
import { seedCatalog } from '../../tools/seed/seed-catalog';
import { cleanUp, scratchDir, stopEach } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { KEYCLOAK_START_MS, PrivateKeycloak } from '../support/private-keycloak';
import { TestEnvironment } from '../support/test-environment';

/**
 * The console's backend-for-frontend as people's browsers use it: a private Keycloak with the realm from code,
 * catalog, consignment and reporting, and the console, all as processes. A person signs in as a browser does
 * (fetch with cookie jars: /auth/login → the provider's form → /auth/callback) and the console forwards their
 * requests with their token. Access tokens live 35 s here, so the console refreshes them 5 s after each sign-in
 * (it refreshes with less than 30 s left) and a token obtained at sign-in is dead within the suite.
 */
const TOKEN_SECONDS = 35;
const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-this-test' };
const LOUNGE = 'IMI-TGR-LOUNGE';
const OTHER_VENUE = 'IMI-SOETTA-T3';
const PASSWORD = 'kasir-password-1';
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;

let keycloak: PrivateKeycloak;
let env: TestEnvironment;
let issuer: string;
let consoleUrl: string;
let consoleApp: RunningService;
const consoleLog: string[] = [];
const services: Partial<Record<'catalog' | 'consignment' | 'reporting', RunningService>> = {};
const web = scratchDir('console-web');
/** Every answer the console gave in this suite, headers and body, to look for tokens in. */
const seen: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/** Just enough of a browser: cookies per origin, the raw Set-Cookie lines kept, redirects not followed. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();
  readonly setCookies: string[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    this.jars.get(origin)!.set(name, value);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      if (origin === consoleUrl) this.setCookies.push(line);
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    if (origin === consoleUrl) seen.push(`${[...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${text}`);
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
}

/** Starts a sign-in at the console and fills in the provider's form: answers the callback URL the provider sends the browser to. */
async function throughTheProvider(browser: Browser, username: string, returnTo = '/'): Promise<string> {
  const login = await browser.fetch(`${consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(login.status).toBe(302);
  const authorize = new URL(login.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe(`${issuer}/protocol/openid-connect/auth`);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('ui_locales')).toBe('id en');
  expect(authorize.searchParams.get('client_id')).toBe('titipan-console');
  const page = await browser.fetch(authorize.toString());
  expect(page.status).toBe(200);
  const form = parseForm(page.text)!;
  const submitted = await browser.fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: PASSWORD, credentialId: '' }).toString(),
  });
  expect(submitted.status).toBe(302);
  const callback = submitted.headers.get('location')!;
  expect(callback.startsWith(`${consoleUrl}/auth/callback?`)).toBe(true);
  return callback;
}

/** A person signed in at the console: the browser with its session cookie, and the session as the page sees it. */
async function signIn(username: string, returnTo = '/'): Promise<{ browser: Browser; session: any; landing: string }> {
  const browser = new Browser();
  const callback = await throughTheProvider(browser, username, returnTo);
  const back = await browser.fetch(callback);
  expect(back.status).toBe(302);
  const session = await browser.fetch(`${consoleUrl}/api/session`);
  expect(session.status).toBe(200);
  return { browser, session: session.json, landing: back.headers.get('location')! };
}

/** A change as the console's page sends it: its origin and its session's CSRF token. */
const fromThePage = (csrfToken: string, extra: Record<string, string> = {}) => ({
  origin: consoleUrl,
  'x-csrf-token': csrfToken,
  'content-type': 'application/json',
  ...extra,
});

const refreshesOf = (username: string) => consoleLog.filter((line) => line.includes(`access token of ${username} refreshed`)).length;

async function users(...argv: string[]): Promise<void> {
  const commandEnv = {
    ...process.env,
    ...keycloak.env,
    KEYCLOAK_USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
    KEYCLOAK_USER_ADMIN_SECRET: USER_ADMIN.secret,
    CATALOG_URL: services.catalog!.url,
  };
  const errors: string[] = [];
  const code = await usersCommand(argv, { out: () => undefined, err: (line) => errors.push(line) }, commandEnv);
  if (code !== 0) throw new Error(`users ${argv.join(' ')} exited ${code}: ${errors.join('\n')}`);
}

function consoleEnvOf(port: number, webDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: String(port),
    CONSOLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: issuer,
    CATALOG_URL: services.catalog!.url,
    CONSIGNMENT_URL: services.consignment!.url,
    REPORTING_URL: services.reporting!.url,
    CONSOLE_WEB_DIR: webDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
}

beforeAll(async () => {
  keycloak = await PrivateKeycloak.start();
  issuer = `${keycloak.url}/realms/${TITIPAN_REALM}`;
  const consolePort = await freePort();
  consoleUrl = `http://127.0.0.1:${consolePort}`;
  await applyRealm(
    new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM)),
    titipanRealm({
      consoleRedirectUris: ['http://localhost:5173/*', `${consoleUrl}/*`],
      userAdminClientId: USER_ADMIN.clientId,
      userAdminSecret: USER_ADMIN.secret,
      accessTokenSeconds: TOKEN_SECONDS,
    }),
  );
  env = await TestEnvironment.create();
  const ports = { catalog: await freePort(), consignment: await freePort(), reporting: await freePort() };
  // catalog administers people at the provider (npm run users acts through it), asking consignment about venue codes
  const userAdmin = {
    USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
    USER_ADMIN_CLIENT_SECRET: USER_ADMIN.secret,
    CONSIGNMENT_URL: `http://127.0.0.1:${ports.consignment}`,
  };
  for (const service of ['catalog', 'consignment', 'reporting'] as const) {
    services[service] = await startServiceProcess(
      service,
      { ...env.env(service, ports[service]), OIDC_ISSUER: issuer, ...(service === 'catalog' ? userAdmin : {}) },
      { timeoutMs: 180_000 },
    );
  }
  await seedCatalog(services.catalog!.url);
  await waitForConsumers('consignment', services.consignment!.url, ['directory-replica'], 120_000);
  const consignment = new ApiClient('consignment', services.consignment!.url);
  for (const code of [LOUNGE, OTHER_VENUE]) {
    await consignment.expect([201], 'POST', '/venues', caller('admin'), {
      code,
      name: `Gerai UMKM WBP ${code}`,
      partnerAgency: 'Kantor Imigrasi',
      type: 'immigration-lounge',
      kanwilCode: 'KW-BANTEN',
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: true,
    });
  }
  await users('add', '--username', 'kasir.tgr', '--role', 'venue', '--scope', LOUNGE, '--password', PASSWORD);
  await users('add', '--username', 'admin.pusat', '--role', 'admin', '--password', PASSWORD);
  await users('add', '--username', 'staf.lptgr', '--role', 'upt', '--scope', 'LP-TGR-1', '--password', PASSWORD);
  // a stand-in for the single-page app's build: an index.html and one hashed asset
  mkdirSync(join(web.path, 'assets'));
  writeFileSync(
    join(web.path, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app-3f2a1b.js"></script></head><body></body></html>',
  );
  writeFileSync(join(web.path, 'assets', 'app-3f2a1b.js'), 'console.log("titipan");');
  consoleApp = await startServiceProcess('console', consoleEnvOf(consolePort, web.path), { onOutput: (line) => consoleLog.push(line) });
}, KEYCLOAK_START_MS + 300_000);

afterAll(() =>
  cleanUp(
    [() => consoleApp?.stop(), ...stopEach(services), () => keycloak?.dispose()],
    () => env?.dispose(),
    () => web.remove(),
  ),
);

describe('the console backend-for-frontend', () => {
  it('signs a person in through the provider: a session cookie (HttpOnly, Secure, SameSite=Lax, Path=/) and back to returnTo', async () => {
    const { browser, session, landing } = await signIn('kasir.tgr', '/stok?bucket=SELLABLE');
    expect(landing).toBe('/stok?bucket=SELLABLE');
    const line = browser.setCookies.find((l) => l.startsWith('titipan_console='))!;
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; Secure/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\/(;|$)/);
    // the session id only: 256 random bits
    expect(browser.cookie(consoleUrl, 'titipan_console')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toEqual({
      username: 'kasir.tgr',
      name: expect.any(String),
      role: 'venue',
      scope: LOUNGE,
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const minutesLeft = (Date.parse(session.expiresAt) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(29);
    expect(minutesLeft).toBeLessThanOrEqual(30);
  });

  it('answers 401 SIGNED_OUT without a session, and for a made-up cookie', async () => {
    const browser = new Browser();
    expect((await browser.fetch(`${consoleUrl}/api/session`)).json).toMatchObject({ statusCode: 401, code: 'SIGNED_OUT' });
    browser.setCookie(consoleUrl, 'titipan_console', 'A'.repeat(43));
    expect((await browser.fetch(`${consoleUrl}/api/consignment/stock?venue=${LOUNGE}`)).json).toMatchObject({ code: 'SIGNED_OUT' });
  });

  it("forwards a read with the person's token: their venue answers, another venue is 403 OUT_OF_SCOPE from the service", async () => {
    const { browser } = await signIn('kasir.tgr');
    const own = await browser.fetch(`${consoleUrl}/api/consignment/stock?venue=${LOUNGE}`, {
      headers: { 'x-correlation-id': 'console-test-1' },
    });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
    expect(own.headers.get('content-type')).toMatch(/application\/json/);
    expect(own.headers.get('x-correlation-id')).toBe('console-test-1');
    const other = await browser.fetch(`${consoleUrl}/api/consignment/stock?venue=${OTHER_VENUE}`);
    expect(other.status).toBe(403);
    expect(other.json.code).toBe('OUT_OF_SCOPE');
    expect((await browser.fetch(`${consoleUrl}/api/keycloak/admin/realms`)).status).toBe(404);
  });

  it('refuses a change without the CSRF token or from another origin (403, nothing changed), forwards it with both', async () => {
    const { browser, session } = await signIn('admin.pusat');
    const venue = (code: string) =>
      JSON.stringify({
        code,
        name: `Gerai ${code}`,
        partnerAgency: 'Kantor Imigrasi',
        type: 'immigration-lounge',
        kanwilCode: 'KW-BANTEN',
        timeZone: 'Asia/Jakarta',
        collectiveOutlet: true,
      });
    const post = (code: string, headers: Record<string, string>) =>
      browser.fetch(`${consoleUrl}/api/consignment/venues`, { method: 'POST', headers, body: venue(code) });

    const noToken = await post('IMI-CSRF-1', { origin: consoleUrl, 'content-type': 'application/json' });
    expect(noToken.status).toBe(403);
    expect(noToken.json.code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await post('IMI-CSRF-1', fromThePage('x'.repeat(43)));
    expect(wrongToken.json.code).toBe('CSRF_TOKEN_INVALID');
    const foreign = await post('IMI-CSRF-1', fromThePage(session.csrfToken, { origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(foreign.json.code).toBe('ORIGIN_NOT_ALLOWED');
    const noOrigin = await post('IMI-CSRF-1', { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' });
    expect(noOrigin.json.code).toBe('ORIGIN_NOT_ALLOWED');
    expect((await browser.fetch(`${consoleUrl}/api/consignment/venues/IMI-CSRF-1`)).status).toBe(404);

    const accepted = await post('IMI-CSRF-1', fromThePage(session.csrfToken));
    expect(accepted.status).toBe(201);
    const created = await browser.fetch(`${consoleUrl}/api/consignment/venues/IMI-CSRF-1`);
    expect(created.status).toBe(200);
    expect(created.json.code).toBe('IMI-CSRF-1');
    // a Referer of the console stands in for a missing Origin
    const byReferer = await post('IMI-CSRF-2', {
      'x-csrf-token': session.csrfToken,
      referer: `${consoleUrl}/tempat`,
      'content-type': 'application/json',
    });
    expect(byReferer.status).toBe(201);
    // the service's own refusals pass through as they are
    const again = await post('IMI-CSRF-1', fromThePage(session.csrfToken));
    expect(again.status).toBe(409);
    // a body of another type is not forwarded
    const text = await browser.fetch(`${consoleUrl}/api/consignment/venues`, {
      method: 'POST',
      headers: fromThePage(session.csrfToken, { 'content-type': 'text/plain' }),
      body: 'code=X',
    });
    expect(text.status).toBe(400);
    expect(text.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it("forwards a file to catalog's attachment upload only, under its own limit and the same session and CSRF checks", async () => {
    const { browser, session } = await signIn('staf.lptgr');
    const created = await browser.fetch(`${consoleUrl}/api/catalog/products`, {
      method: 'POST',
      headers: fromThePage(session.csrfToken),
      body: JSON.stringify({ sku: 'BFF-UPLOAD-1', name: 'Sandal Anyam', category: 'craft', unit: 'pasang', price: 45000 }),
    });
    expect(created.status).toBe(201);
    const attachments = `${consoleUrl}/api/catalog/products/${created.json.id}/attachments`;
    // a 3 MB scan: over the JSON limit (2 MB), within the upload limit
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const upload = (headers: Record<string, string>, body: Buffer = scan, url = `${attachments}?kind=certificate&filename=scan.pdf`) =>
      browser.fetch(url, { method: 'POST', headers, body });

    const noToken = await upload({ origin: consoleUrl, 'content-type': 'application/pdf' });
    expect(noToken.status).toBe(403);
    expect(noToken.json.code).toBe('CSRF_TOKEN_INVALID');
    const signedOut = await fetch(`${attachments}?kind=certificate&filename=scan.pdf`, {
      method: 'POST',
      headers: fromThePage(session.csrfToken, { 'content-type': 'application/pdf' }),
      body: Buffer.from('%PDF-1.4\n'),
    });
    expect(signedOut.status).toBe(401);
    expect((await browser.fetch(attachments)).json.items).toEqual([]);

    const kept = await upload(fromThePage(session.csrfToken, { 'content-type': 'application/pdf' }));
    expect(kept.status).toBe(201);
    expect(kept.json).toMatchObject({ kind: 'certificate', contentType: 'application/pdf', size: scan.length });
    expect(kept.json.sha256).toBe(createHash('sha256').update(scan).digest('hex'));
    const back = await browser.fetch(`${attachments}/${kept.json.id}/content`);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('content-disposition')).toBe('inline; filename="scan.pdf"');
    // the service's refusals pass through: bytes that are not the claimed type
    const notPng = await upload(fromThePage(session.csrfToken, { 'content-type': 'image/png' }), scan.subarray(0, 1000));
    expect(notPng.status).toBe(415);
    expect(notPng.json.code).toBe('ATTACHMENT_TYPE_REFUSED');
    // a file goes nowhere else, and nothing over the upload limit is read
    const elsewhere = await upload(
      fromThePage(session.csrfToken, { 'content-type': 'application/pdf' }),
      scan.subarray(0, 1000),
      `${consoleUrl}/api/consignment/venues`,
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const tooLarge = await upload(
      fromThePage(session.csrfToken, { 'content-type': 'application/pdf' }),
      Buffer.alloc(12 * 1024 * 1024, 0x25),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await browser.fetch(attachments)).json.items).toHaveLength(1);
  });

  it('streams a download through with its content type and file name', async () => {
    const { browser } = await signIn('admin.pusat');
    const csv = await browser.fetch(`${consoleUrl}/api/reporting/reports/rollup?period=2026-10&by=upt&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=/);
  });

  it('refreshes the access token when it has under 30 s left, once for concurrent requests, and the calls keep working', async () => {
    const { browser } = await signIn('kasir.tgr');
    const before = refreshesOf('kasir.tgr');
    // past the sign-in token's whole life: a request still forwarded with it would be refused by the service
    await sleep((TOKEN_SECONDS + 1) * 1000);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => browser.fetch(`${consoleUrl}/api/consignment/stock?venue=${LOUNGE}`)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await sleep(200);
    expect(refreshesOf('kasir.tgr') - before).toBe(1);
    expect((await browser.fetch(`${consoleUrl}/api/session`)).status).toBe(200);
  }, 120_000);

  it("ends the session when the provider refuses the refresh (the person's provider sessions ended): 401 SIGNED_OUT", async () => {
    const { browser } = await signIn('kasir.tgr');
    await users('disable', '--username', 'kasir.tgr');
    try {
      await sleep((TOKEN_SECONDS - 29) * 1000); // under 30 s left: the next call refreshes, and is refused
      const answer = await browser.fetch(`${consoleUrl}/api/consignment/stock?venue=${LOUNGE}`);
      expect(answer.status).toBe(401);
      expect(answer.json.code).toBe('SIGNED_OUT');
      expect((await browser.fetch(`${consoleUrl}/api/session`)).status).toBe(401);
    } finally {
      await users('enable', '--username', 'kasir.tgr');
    }
  }, 60_000);

  it("signs out: the provider's end-session URL back to the console, the cookie cleared, the session gone (401 after)", async () => {
    const { browser, session } = await signIn('kasir.tgr');
    const sessionCookie = browser.cookie(consoleUrl, 'titipan_console')!;
    const withoutToken = await browser.fetch(`${consoleUrl}/auth/logout`, { method: 'POST', headers: { origin: consoleUrl } });
    expect(withoutToken.status).toBe(403);
    const out = await browser.fetch(`${consoleUrl}/auth/logout`, { method: 'POST', headers: fromThePage(session.csrfToken) });
    expect(out.status).toBe(200);
    const logoutUrl = new URL(out.json.logoutUrl);
    expect(logoutUrl.origin + logoutUrl.pathname).toBe(`${issuer}/protocol/openid-connect/logout`);
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${consoleUrl}/`);
    expect(decode(logoutUrl.searchParams.get('id_token_hint')!).typ).toBe('ID');
    expect(browser.setCookies.at(-1)).toMatch(/^titipan_console=;.*Expires=Thu, 01 Jan 1970/i);
    expect((await browser.fetch(`${consoleUrl}/api/session`)).json.code).toBe('SIGNED_OUT');
    // the old cookie, replayed, finds nothing
    const replay = new Browser();
    replay.setCookie(consoleUrl, 'titipan_console', sessionCookie);
    expect((await replay.fetch(`${consoleUrl}/api/consignment/stock?venue=${LOUNGE}`)).status).toBe(401);
    // the provider knows the address to send the person back to after its own sign-out
    const atProvider = await new Browser().fetch(out.json.logoutUrl);
    expect(atProvider.status).toBeLessThan(400);
  });

  it("starts a sign-in opened under the other loopback name on the console's own origin (its cookies are per host)", async () => {
    const other = consoleUrl.replace('127.0.0.1', 'localhost');
    const answer = await fetch(`${other}/auth/login?returnTo=%2Fstok`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`${consoleUrl}/auth/login?returnTo=%2Fstok`);
  });

  it('refuses a returnTo that leaves the console (open redirect)', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const answer = await new Browser().fetch(`${consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect({ returnTo, status: answer.status, code: answer.json?.code }).toEqual({
        returnTo,
        status: 400,
        code: 'RETURN_TO_NOT_ALLOWED',
      });
    }
  });

  it('sends a failed sign-in back with /?signin_error=: another browser, an unknown state, the provider refusing', async () => {
    const started = new Browser();
    const callback = await throughTheProvider(started, 'kasir.tgr');
    // the callback arriving in a browser that did not start the sign-in (login CSRF)
    const elsewhere = await new Browser().fetch(callback);
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get('location')).toBe('/?signin_error=STATE_MISMATCH');
    // the same callback again, in the right browser: the attempt was used up
    expect((await started.fetch(callback)).headers.get('location')).toBe('/?signin_error=LOGIN_EXPIRED');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'made-up');
    expect((await started.fetch(forged.toString())).headers.get('location')).toBe('/?signin_error=LOGIN_EXPIRED');

    const denied = new Browser();
    const login = await denied.fetch(`${consoleUrl}/auth/login`);
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const refused = await denied.fetch(`${consoleUrl}/auth/callback?error=access_denied&state=${state}`);
    expect(refused.headers.get('location')).toBe('/?signin_error=access_denied');
    expect(denied.cookie(consoleUrl, 'titipan_console')).toBeUndefined();
  });

  it('serves the single-page app: index.html for its own paths (not cached), hashed assets cached for long, a CSP without inline scripts', async () => {
    const browser = new Browser();
    for (const path of ['/', '/stok', '/laporan/2026-11?upt=LP-TGR-1']) {
      const page = await browser.fetch(`${consoleUrl}${path}`);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.text).toContain('/assets/app-3f2a1b.js');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await browser.fetch(`${consoleUrl}/assets/app-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
    const csp = asset.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // the server's own paths are never the app
    expect((await browser.fetch(`${consoleUrl}/api/nothing`)).status).toBe(404);
    expect((await browser.fetch(`${consoleUrl}/auth/nothing`)).status).toBe(404);
  });

  it('answers 503 naming npm run build:console when the app is not built', async () => {
    const port = await freePort();
    const unbuilt = await startServiceProcess('console', consoleEnvOf(port, join(web.path, 'missing')));
    try {
      const page = await fetch(`${unbuilt.url}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:console');
      expect((await fetch(`${unbuilt.url}/health/ready`)).status).toBe(200);
    } finally {
      await unbuilt.stop();
    }
  });

  it('never showed the browser an access or refresh token, nor wrote one to its log', () => {
    // the one JWT the browser gets is the ID token in the end-session URL (id_token_hint), as the contract says
    const leaked = [...seen, ...consoleLog].flatMap((text) => text.match(JWT) ?? []).filter((jwt) => decode(jwt).typ !== 'ID');
    expect(leaked.map((jwt) => decode(jwt).typ)).toEqual([]);
    expect(seen.length).toBeGreaterThan(30);
    // the search does find tokens: the ID token of the sign-out above
    expect(seen.flatMap((text) => text.match(JWT) ?? []).some((jwt) => decode(jwt).typ === 'ID')).toBe(true);
  });
});
