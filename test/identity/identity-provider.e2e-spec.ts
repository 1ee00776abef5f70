import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KeycloakAdmin, ROLE_CLAIM, SCOPE_CLAIM, SERVICE_AUDIENCES, TITIPAN_REALM } from '@titipan/identity';
import { ApiClient, caller, waitForConsumers } from '../../tools/demo/api-client';
import { applyRealm } from '../../tools/identity/apply-realm';
import { CONSOLE_CLIENT, FAILURES_BEFORE_LOCK, TEST_CLIENT, titipanRealm } from '../../tools/identity/realm';
import { usersCommand } from '../../tools/users';
import { bearer } from '../support/tokens';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { cleanUp } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { KEYCLOAK_START_MS, PrivateKeycloak } from '../support/private-keycloak';
import { TestEnvironment } from '../support/test-environment';

/**
 * The identity provider as the stack runs it (infra/keycloak/keycloak.sh, a private instance on an empty
 * database), the realm applied from tools/identity/realm.ts, people added with the users command, and tokens
 * taken through the test-only client's password grant.
 */
const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-this-test' };
const LOUNGE = 'IMI-TGR-LOUNGE';
const PASSWORD = 'kasir-password-1';

let keycloak: PrivateKeycloak;
let env: TestEnvironment;
const services: Partial<Record<'catalog' | 'consignment', RunningService>> = {};
let commandEnv: NodeJS.ProcessEnv;
let keycloakPort: number;

const realm = (withTestClient = true) =>
  titipanRealm({
    consoleRedirectUris: ['http://localhost:5173/*'],
    userAdminClientId: USER_ADMIN.clientId,
    userAdminSecret: USER_ADMIN.secret,
    withTestClient,
  });

/** `npm run users -- …` in process: exit code and what it printed. */
async function users(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // the services are asked about codes with the user-admin service account's token, as the real command does
  const code = await usersCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, commandEnv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function tokenRequest(form: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${keycloak.url}/realms/${TITIPAN_REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.json() };
}

const signIn = (username: string, password: string, clientId = TEST_CLIENT) =>
  tokenRequest({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' });

const refresh = (refreshToken: string) =>
  tokenRequest({ grant_type: 'refresh_token', client_id: TEST_CLIENT, refresh_token: refreshToken });

const decode = (jwt: string, part = 1) => JSON.parse(Buffer.from(jwt.split('.')[part], 'base64url').toString());

beforeAll(async () => {
  const startServices = async () => {
    env = await TestEnvironment.create();
    const ports = { catalog: await freePort(), consignment: await freePort() };
    // catalog's /user-accounts: the provider's issuer (known before it starts), the service account, consignment for venue codes
    const userAdminEnv = {
      OIDC_ISSUER: `http://127.0.0.1:${keycloakPort}/realms/${TITIPAN_REALM}`,
      USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
      USER_ADMIN_CLIENT_SECRET: USER_ADMIN.secret,
      CONSIGNMENT_URL: `http://127.0.0.1:${ports.consignment}`,
    };
    for (const service of ['catalog', 'consignment'] as const) {
      // both trust the private provider's tokens; catalog also administers people at it
      const serviceEnv = {
        ...env.env(service, ports[service]),
        OIDC_ISSUER: userAdminEnv.OIDC_ISSUER,
        ...(service === 'catalog' ? userAdminEnv : {}),
      };
      services[service] = await startServiceProcess(service, serviceEnv, { timeoutMs: 180_000 });
    }
    const admin = caller('admin');
    const catalog = new ApiClient('catalog', services.catalog!.url);
    await catalog.expect([201], 'POST', '/kanwils', admin, { code: 'KW-BANTEN', name: 'Kanwil Ditjenpas Banten' });
    await catalog.expect([201], 'POST', '/upts', admin, {
      code: 'LP-TGR-1',
      name: 'Lapas Kelas I Tangerang',
      type: 'LAPAS',
      class: 'I',
      kanwilCode: 'KW-BANTEN',
      satkerCode: '411001',
    });
    await waitForConsumers('consignment', services.consignment!.url, ['directory-replica'], 120_000);
    await new ApiClient('consignment', services.consignment!.url).expect([201], 'POST', '/venues', admin, {
      code: LOUNGE,
      name: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang',
      partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang',
      type: 'immigration-lounge',
      kanwilCode: 'KW-BANTEN',
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: true,
    });
  };
  // the provider's cold start is the long pole; the services come up beside it
  keycloakPort = await freePort();
  const [started, servicesUp] = await Promise.allSettled([PrivateKeycloak.start({ port: keycloakPort }), startServices()]);
  // both are awaited, so a failed service start does not leave the provider starting on after the tests (afterAll stops it)
  if (started.status === 'fulfilled') keycloak = started.value;
  if (started.status === 'rejected') throw started.reason;
  if (servicesUp.status === 'rejected') throw servicesUp.reason;
  commandEnv = {
    ...process.env,
    ...keycloak.env,
    KEYCLOAK_USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
    KEYCLOAK_USER_ADMIN_SECRET: USER_ADMIN.secret,
    CATALOG_URL: services.catalog!.url,
  };
  await applyRealm(new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM)), realm());
}, KEYCLOAK_START_MS + 300_000);

/** The user-administration client of the realm, as catalog and the users command use it. */
const serviceAccount = () =>
  new KeycloakAdmin({ url: keycloak.url, realm: TITIPAN_REALM, clientId: USER_ADMIN.clientId, clientSecret: USER_ADMIN.secret });

afterAll(() =>
  cleanUp([() => services.catalog?.stop(), () => services.consignment?.stop(), () => keycloak?.dispose()], () => env?.dispose()),
);

describe('the realm titipan, applied from code', () => {
  it('applies again without losing a user, and the test client leaves when applied without it', async () => {
    expect((await users('add', '--username', 'kasir.tgr', '--role', 'venue', '--scope', LOUNGE, '--password', PASSWORD)).code).toBe(0);

    const admin = new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM));
    await applyRealm(admin, realm());
    const listed = await users('list', '--json');
    expect(JSON.parse(listed.out)).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'kasir.tgr', role: 'venue', scope: LOUNGE, enabled: true })]),
    );
    expect((await signIn('kasir.tgr', PASSWORD)).status).toBe(200);

    await applyRealm(admin, realm(false)); // a real realm: no password-grant client
    expect(await admin.realmRequest('GET', `/clients?clientId=${TEST_CLIENT}`)).toEqual([]);
    await applyRealm(admin, realm());
    expect((await signIn('kasir.tgr', PASSWORD)).status).toBe(200);
  });

  it('gives the console client the code flow with PKCE S256 and no password grant', async () => {
    const admin = new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM));
    const [console] = await admin.realmRequest<any[]>('GET', `/clients?clientId=${CONSOLE_CLIENT}`);
    expect(console).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      implicitFlowEnabled: false,
      redirectUris: ['http://localhost:5173/*'],
      attributes: expect.objectContaining({ 'pkce.code.challenge.method': 'S256' }),
    });
    const refused = await signIn('kasir.tgr', PASSWORD, CONSOLE_CLIENT);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('unauthorized_client');
  });
});

describe('a person added with npm run users', () => {
  it('signs in and gets a 5-minute RS256 token with the role, the scope code and the three service audiences', async () => {
    const added = await users(
      'add',
      '--username',
      'kasir.tgr2',
      '--role',
      'venue',
      '--scope',
      LOUNGE,
      '--password',
      PASSWORD,
      '--name',
      'Siti',
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining('kasir.tgr2') });

    const { status, body } = await signIn('kasir.tgr2', PASSWORD);
    expect(status).toBe(200);
    expect(decode(body.access_token, 0)).toMatchObject({ alg: 'RS256' });
    const claims = decode(body.access_token);
    expect(claims).toMatchObject({
      iss: `${keycloak.url}/realms/${TITIPAN_REALM}`,
      preferred_username: 'kasir.tgr2',
      name: 'Siti',
      [ROLE_CLAIM]: 'venue',
      [SCOPE_CLAIM]: LOUNGE,
    });
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect([...claims.aud].sort()).toEqual(Object.values(SERVICE_AUDIENCES).sort());
    expect(claims.exp - claims.iat).toBe(300);
    // counted down from the session's start: a loaded machine can cross a second before the answer
    expect(body.expires_in).toBeGreaterThanOrEqual(299);
    expect(body.expires_in).toBeLessThanOrEqual(300);
    expect(body.refresh_token).toEqual(expect.any(String));
    // Keycloak's own `scope` (the OAuth scopes granted) is left as it is: the code has a claim of its own
    expect(claims.scope).not.toContain(LOUNGE);
  });

  it('is refused for a scope code that its owner does not know, and nothing is created', async () => {
    for (const [role, code] of [
      ['venue', 'IMI-NOWHERE'],
      ['upt', 'LP-NOWHERE'],
      ['curator', 'KW-NOWHERE'],
    ]) {
      const refused = await users('add', '--username', `nobody.${role}`, '--role', role, '--scope', code, '--password', PASSWORD);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(new RegExp(`^SCOPE_UNKNOWN: no (venue|upt|kanwil) has the code ${code}`));
    }
    expect((await users('list')).out).not.toContain('nobody.');
    // and the codes that exist are taken: a UPT and a Kanwil of catalog
    expect((await users('add', '--username', 'clerk.lptgr1', '--role', 'upt', '--scope', 'LP-TGR-1', '--password', PASSWORD)).code).toBe(0);
    expect(
      (await users('add', '--username', 'curator.banten', '--role', 'curator', '--scope', 'KW-BANTEN', '--password', PASSWORD)).code,
    ).toBe(0);
    const curator = decode((await signIn('curator.banten', PASSWORD)).body.access_token);
    expect(curator).toMatchObject({ [ROLE_CLAIM]: 'curator', [SCOPE_CLAIM]: 'KW-BANTEN' });
  });

  it('is refused by the real command for an unknown code, with its exit code and message', async () => {
    const root = join(__dirname, '..', '..');
    const refused = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules', '.bin', 'ts-node'),
        'tools/users.ts',
        'add',
        '--username',
        'kasir.x',
        '--role',
        'venue',
        '--scope',
        'IMI-XXX',
      ],
      { cwd: root, env: commandEnv, timeout: 120_000 },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('SCOPE_UNKNOWN: no venue has the code IMI-XXX') });
  });

  it('cannot refresh once disabled, signs in again once enabled, and signs in with a new password', async () => {
    await users('add', '--username', 'kasir.off', '--role', 'venue', '--scope', LOUNGE, '--password', PASSWORD);
    const session = await signIn('kasir.off', PASSWORD);
    expect(session.status).toBe(200);
    expect((await refresh(session.body.refresh_token)).status).toBe(200);
    const second = await signIn('kasir.off', PASSWORD);

    expect((await users('disable', '--username', 'kasir.off')).code).toBe(0);
    const refused = await refresh(second.body.refresh_token);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect((await signIn('kasir.off', PASSWORD)).status).toBe(400);

    expect((await users('enable', '--username', 'kasir.off')).code).toBe(0);
    expect((await signIn('kasir.off', PASSWORD)).status).toBe(200);
    expect((await users('set-password', '--username', 'kasir.off', '--password', 'another-password-2')).code).toBe(0);
    // the new password first: a refused sign-in just before it could trip the realm's brute-force check (seen once under load)
    expect((await signIn('kasir.off', 'another-password-2')).status).toBe(200);
    expect((await signIn('kasir.off', PASSWORD)).status).toBe(401);
  });

  it(`is locked after ${FAILURES_BEFORE_LOCK} wrong passwords, even for the right one`, async () => {
    await users('add', '--username', 'kasir.guess', '--role', 'venue', '--scope', LOUNGE, '--password', PASSWORD);
    expect((await signIn('kasir.guess', PASSWORD)).status).toBe(200); // the right password works until then
    for (let attempt = 1; attempt <= FAILURES_BEFORE_LOCK; attempt++) {
      // slower than the realm's quick-login check (two failures within 1 s), though a loaded machine may still trip it
      await new Promise((r) => setTimeout(r, 1_100));
      expect((await signIn('kasir.guess', `wrong-password-${attempt}`)).body.access_token).toBeUndefined();
    }
    const locked = await signIn('kasir.guess', PASSWORD);
    expect(locked.status).toBeGreaterThanOrEqual(400);
    expect(locked.body).toMatchObject({ error: 'invalid_grant' });
    expect(locked.body.access_token).toBeUndefined();
    const admin = new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM));
    const [user] = await admin.realmRequest<any[]>('GET', '/users?username=kasir.guess&exact=true');
    expect(await admin.realmRequest('GET', `/attack-detection/brute-force/users/${user.id}`)).toMatchObject({ disabled: true });
  });
});

describe("user accounts over HTTP (catalog's /user-accounts, the console's endpoint)", () => {
  const admin = caller('admin');
  const catalog = () => new ApiClient('catalog', services.catalog!.url);
  /** A call with a given Authorization header (another role than the ApiClient's callers, or none). */
  const callAs = async (authorization: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${services.catalog!.url}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("gives the user-administration service account a Titipan admin's token for the three services", async () => {
    const claims = decode(await serviceAccount().token());
    expect(claims[ROLE_CLAIM]).toBe('admin');
    expect(claims.aud).toEqual(expect.arrayContaining(Object.values(SERVICE_AUDIENCES)));
    expect(claims[SCOPE_CLAIM]).toBeUndefined();
    const venue = await fetch(`${services.consignment!.url}/venues/${LOUNGE}`, {
      headers: { authorization: `Bearer ${await serviceAccount().token()}` },
    });
    expect(venue.status).toBe(200);
  });

  it('creates a UPT clerk who signs in with the role and the code, and never echoes the password', async () => {
    const created = await catalog().call('POST', '/user-accounts', admin, {
      username: 'clerk.http',
      role: 'upt',
      scope: 'LP-TGR-1',
      name: 'Budi',
      email: 'budi@example.go.id',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'clerk.http', role: 'upt', scope: 'LP-TGR-1', name: 'Budi', enabled: true });
    expect(created.body.initialPassword).toBeUndefined();
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);

    const { status, body } = await signIn('clerk.http', PASSWORD);
    expect(status).toBe(200);
    expect(decode(body.access_token)).toMatchObject({ preferred_username: 'clerk.http', [ROLE_CLAIM]: 'upt', [SCOPE_CLAIM]: 'LP-TGR-1' });
  });

  it('generates a temporary password when none is given, answered once', async () => {
    const created = await catalog().call('POST', '/user-accounts', admin, {
      username: 'curator.http',
      role: 'curator',
      scope: 'KW-BANTEN',
    });
    expect(created.status).toBe(201);
    expect(created.body.initialPassword).toEqual(expect.any(String));
    expect((await catalog().call('GET', '/user-accounts/curator.http', admin)).body.initialPassword).toBeUndefined();
    // the password works, but the account must first set its own: no token through the password grant
    const first = await signIn('curator.http', created.body.initialPassword);
    expect(first.status).toBe(400);
    expect(first.body.error_description).toMatch(/not fully set up/i);
  });

  it('creates a venue user, the venue code asked of consignment with the service account token', async () => {
    const created = await catalog().call('POST', '/user-accounts', admin, {
      username: 'kasir.http',
      role: 'venue',
      scope: LOUNGE,
      password: PASSWORD,
    });
    expect(created).toMatchObject({ status: 201, body: { username: 'kasir.http', role: 'venue', scope: LOUNGE } });
    const { status, body } = await signIn('kasir.http', PASSWORD);
    expect(status).toBe(200);
    expect(decode(body.access_token)).toMatchObject({ [ROLE_CLAIM]: 'venue', [SCOPE_CLAIM]: LOUNGE });
  });

  it('refuses a code its owner does not know with 422 SCOPE_UNKNOWN naming the kind and the code, and creates nothing', async () => {
    const upt = await catalog().call('POST', '/user-accounts', admin, {
      username: 'nobody.upt',
      role: 'upt',
      scope: 'LP-NOWHERE',
      password: PASSWORD,
    });
    expect(upt).toMatchObject({ status: 422, body: { code: 'SCOPE_UNKNOWN', details: { kind: 'upt', code: 'LP-NOWHERE' } } });
    const kanwil = await catalog().call('POST', '/user-accounts', admin, {
      username: 'nobody.kanwil',
      role: 'kanwil',
      scope: 'KW-NOWHERE',
      password: PASSWORD,
    });
    expect(kanwil).toMatchObject({ status: 422, body: { code: 'SCOPE_UNKNOWN', details: { kind: 'kanwil', code: 'KW-NOWHERE' } } });
    const venue = await catalog().call('POST', '/user-accounts', admin, {
      username: 'nobody.venue',
      role: 'venue',
      scope: 'IMI-NOWHERE',
      password: PASSWORD,
    });
    expect(venue).toMatchObject({ status: 422, body: { code: 'SCOPE_UNKNOWN', details: { kind: 'venue', code: 'IMI-NOWHERE' } } });
    for (const username of ['nobody.upt', 'nobody.kanwil', 'nobody.venue']) {
      expect((await catalog().call('GET', `/user-accounts/${username}`, admin)).body).toMatchObject({ code: 'USER_NOT_FOUND' });
    }
  });

  it('refuses a malformed account with the account rules codes, before asking anyone', async () => {
    const post = (body: object) => catalog().call('POST', '/user-accounts', admin, { password: PASSWORD, ...body });
    expect((await post({ username: 'Kasir Besar', role: 'venue', scope: LOUNGE })).body).toMatchObject({ code: 'USERNAME_INVALID' });
    expect((await post({ username: 'kasir.x1', role: 'cashier', scope: LOUNGE })).body).toMatchObject({ code: 'ROLE_UNKNOWN' });
    expect((await post({ username: 'kasir.x2', role: 'venue' })).body).toMatchObject({ code: 'SCOPE_REQUIRED' });
    expect((await post({ username: 'kasir.x3', role: 'ministry', scope: 'KW-BANTEN' })).body).toMatchObject({ code: 'SCOPE_NOT_ALLOWED' });
    expect(await post({ username: 'kasir.x4', role: 'venue', scope: LOUNGE, isAdmin: true })).toMatchObject({ status: 400 });
    expect(await post({ username: 'kasir.x5', role: 'upt', scope: 'LP-TGR-1', password: 'short' })).toMatchObject({
      status: 400,
      body: { code: 'PASSWORD_REFUSED' },
    });
  });

  it('is for admins only', async () => {
    const venueStaff = bearer('catalog', 'venue', LOUNGE);
    const refused = await callAs(venueStaff, 'POST', '/user-accounts', { username: 'sneaky', role: 'admin', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect((await callAs(venueStaff, 'GET', '/user-accounts')).status).toBe(403);
    expect((await callAs(bearer('catalog', 'kanwil', 'KW-BANTEN'), 'POST', '/user-accounts/clerk.http/disable')).status).toBe(403);
    expect((await catalog().call('GET', '/user-accounts/sneaky', admin)).status).toBe(404);
  });

  it('refuses a username taken with 409', async () => {
    const again = await catalog().call('POST', '/user-accounts', admin, {
      username: 'clerk.http',
      role: 'upt',
      scope: 'LP-TGR-1',
      password: PASSWORD,
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
  });

  it('lists the accounts paged, filtered by role and scope code', async () => {
    const all = await catalog().call('GET', '/user-accounts?limit=200', admin);
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'clerk.http', role: 'upt', scope: 'LP-TGR-1', enabled: true })]),
    );
    expect(all.body.items.some((a: { username: string }) => a.username.startsWith('service-account-'))).toBe(false);
    const upts = await catalog().call('GET', '/user-accounts?role=upt&scope=LP-TGR-1', admin);
    expect(upts.body.items.length).toBeGreaterThan(0);
    expect(upts.body.items.every((a: { role: string; scope: string }) => a.role === 'upt' && a.scope === 'LP-TGR-1')).toBe(true);
    const page = await catalog().call('GET', '/user-accounts?limit=1&offset=1', admin);
    expect(page.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1 });
    expect(page.body.items).toEqual([all.body.items[1]]);
  });

  it('disables (the refresh token is refused), enables, sets a password, each in the audit trail without a password', async () => {
    const session = await signIn('clerk.http', PASSWORD);
    expect(session.status).toBe(200);

    const disabled = await catalog().call('POST', '/user-accounts/clerk.http/disable', admin);
    expect(disabled).toMatchObject({ status: 200, body: { username: 'clerk.http', enabled: false } });
    const refused = await refresh(session.body.refresh_token);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect((await signIn('clerk.http', PASSWORD)).status).toBe(400);

    expect(await catalog().call('POST', '/user-accounts/clerk.http/enable', admin)).toMatchObject({ status: 200, body: { enabled: true } });
    expect((await signIn('clerk.http', PASSWORD)).status).toBe(200);
    const reset = await catalog().call('POST', '/user-accounts/clerk.http/password', admin, { password: 'another-password-3' });
    expect(reset).toMatchObject({ status: 200, body: { username: 'clerk.http' } });
    expect((await signIn('clerk.http', 'another-password-3')).status).toBe(200);
    expect((await catalog().call('POST', '/user-accounts/nobody.at.all/disable', admin)).body).toMatchObject({ code: 'USER_NOT_FOUND' });

    const trail = await catalog().call('GET', '/audit?entity=user-account&id=clerk.http&limit=50', admin);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'catalog.user-account.created',
        'catalog.user-account.disabled',
        'catalog.user-account.enabled',
        'catalog.user-account.password-set',
      ]),
    );
    expect(trail.body.items[0].actor).toMatchObject({ role: 'admin' });
    expect(JSON.stringify(trail.body)).not.toMatch(/kasir-password|another-password/);
  });
});
