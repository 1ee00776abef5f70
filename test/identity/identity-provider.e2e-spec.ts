import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KeycloakAdmin, ROLE_CLAIM, SCOPE_CLAIM, SERVICE_AUDIENCES, TITIPAN_REALM } from '@titipan/identity';
import { ApiClient, caller, waitForConsumers } from '../../tools/demo/api-client';
import { applyRealm } from '../../tools/identity/apply-realm';
import { CONSOLE_CLIENT, FAILURES_BEFORE_LOCK, TEST_CLIENT, titipanRealm } from '../../tools/identity/realm';
import { usersCommand } from '../../tools/users';
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
    for (const service of ['catalog', 'consignment'] as const) {
      services[service] = await startServiceProcess(service, env.env(service, await freePort()), { timeoutMs: 180_000 });
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
  const [started] = await Promise.all([PrivateKeycloak.start(), startServices()]);
  keycloak = started;
  commandEnv = {
    ...process.env,
    ...keycloak.env,
    KEYCLOAK_USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
    KEYCLOAK_USER_ADMIN_SECRET: USER_ADMIN.secret,
    CATALOG_URL: services.catalog!.url,
    CONSIGNMENT_URL: services.consignment!.url,
  };
  await applyRealm(new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM)), realm());
}, KEYCLOAK_START_MS + 300_000);

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
    expect(body.expires_in).toBe(300);
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
    expect((await signIn('kasir.off', PASSWORD)).status).toBe(401);
    expect((await signIn('kasir.off', 'another-password-2')).status).toBe(200);
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
