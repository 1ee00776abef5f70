import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { topicName } from '@titipan/contracts';
import { KeycloakAdmin, TITIPAN_REALM } from '@titipan/identity';
import request from 'supertest';
import { ApiClient, caller, waitForConsumers } from '../../tools/demo/api-client';
import { applyRealm } from '../../tools/identity/apply-realm';
import { TEST_CLIENT, titipanRealm } from '../../tools/identity/realm';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { usersCommand } from '../../tools/users';
import { cleanUp } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { TopicProbe } from '../support/kafka-probe';
import { KEYCLOAK_START_MS, PrivateKeycloak } from '../support/private-keycloak';
import { TestEnvironment } from '../support/test-environment';
import { bearer } from '../support/tokens';
import { seedCatalog } from '../../tools/seed/seed-catalog';

/**
 * The services verifying the identity provider's own tokens: a private Keycloak with the realm from code, catalog
 * and consignment trusting it (OIDC_ISSUER) beside the tests' development issuer, and people signed in through
 * the test-only password-grant client. Access tokens live 20 s here (5 minutes in the real realm), so the suite
 * can watch a disabled person's last token run out.
 */
const TOKEN_SECONDS = 20;
const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-this-test' };
const LOUNGE = 'IMI-TGR-LOUNGE';
const PASSWORD = 'kasir-password-1';

let keycloak: PrivateKeycloak;
let env: TestEnvironment;
let issuer: string;
let probe: TopicProbe;
const services: Partial<Record<'catalog' | 'consignment', RunningService>> = {};

const admin = () => new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM));
const decode = (jwt: string, part = 1) => JSON.parse(Buffer.from(jwt.split('.')[part], 'base64url').toString());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function users(...argv: string[]): Promise<number> {
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
  return code;
}

async function tokenRequest(form: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.json() };
}

/** A person's sign-in: the access and refresh tokens. */
async function signIn(username: string): Promise<{ access: string; refresh: string }> {
  const { status, body } = await tokenRequest({
    grant_type: 'password',
    client_id: TEST_CLIENT,
    username,
    password: PASSWORD,
    scope: 'openid',
  });
  expect({ username, status }).toEqual({ username, status: 200 });
  return { access: body.access_token, refresh: body.refresh_token };
}

const asPerson = (token: string) => `Bearer ${token}`;
/** A development token: the set-up steps that are not the person under test. */
const mintFor = (role: 'admin' | 'upt', scope?: string, service: 'catalog' | 'consignment' = 'consignment') => bearer(service, role, scope);
const stockOf = (authorization: string, venue = LOUNGE) =>
  request(services.consignment!.url).get('/stock').query({ venue }).set('Authorization', authorization);

beforeAll(async () => {
  keycloak = await PrivateKeycloak.start();
  issuer = `${keycloak.url}/realms/${TITIPAN_REALM}`;
  await applyRealm(
    admin(),
    titipanRealm({
      consoleRedirectUris: ['http://localhost:5173/*'],
      userAdminClientId: USER_ADMIN.clientId,
      userAdminSecret: USER_ADMIN.secret,
      withTestClient: true,
      accessTokenSeconds: TOKEN_SECONDS,
    }),
  );
  env = await TestEnvironment.create();
  const ports = { catalog: await freePort(), consignment: await freePort() };
  // catalog administers people at the provider (npm run users acts through it), asking consignment about venue codes
  const userAdmin = {
    USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
    USER_ADMIN_CLIENT_SECRET: USER_ADMIN.secret,
    CONSIGNMENT_URL: `http://127.0.0.1:${ports.consignment}`,
  };
  for (const service of ['catalog', 'consignment'] as const) {
    // a short cooldown between key fetches, so the rotation below is seen within seconds (30 s by default)
    const serviceEnv = {
      ...env.env(service, ports[service]),
      OIDC_ISSUER: issuer,
      JWKS_COOLDOWN_SECONDS: '2',
      ...(service === 'catalog' ? userAdmin : {}),
    };
    services[service] = await startServiceProcess(service, serviceEnv, { timeoutMs: 180_000 });
  }
  probe = await new TopicProbe(env.kafka, [topicName('consignment', env.topicPrefix)]).start();
  // the Banten Kanwil, its UPTs and their approved products, set up with development tokens
  const setUp = caller('admin');
  await seedCatalog(services.catalog!.url);
  await waitForConsumers('consignment', services.consignment!.url, ['directory-replica', 'product-replica'], 120_000);
  const consignment = new ApiClient('consignment', services.consignment!.url);
  for (const code of [LOUNGE, 'IMI-SOETTA-T3']) {
    await consignment.expect([201], 'POST', '/venues', setUp, {
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
}, KEYCLOAK_START_MS + 300_000);

afterAll(() =>
  cleanUp(
    () => probe?.stop(),
    [() => services.catalog?.stop(), () => services.consignment?.stop(), () => keycloak?.dispose()],
    () => env?.dispose(),
  ),
);

describe("the provider's tokens at the services", () => {
  it('let the signed-in cashier confirm a receipt and record a sale; the events name that person as the actor', async () => {
    const consignment = () => request(services.consignment!.url);
    const dev = (role: 'admin' | 'upt', scope?: string) => mintFor(role, scope);
    const products = await request(services.catalog!.url)
      .get('/products?upt=LP-TGR-1&limit=200')
      .set('Authorization', mintFor('admin', undefined, 'catalog'));
    const keripik = products.body.items.find((p: { sku: string }) => p.sku === 'KRP-TEMPE-100').id;
    const agreement = await consignment()
      .post('/agreements')
      .set('Authorization', dev('admin'))
      .send({ uptCode: 'LP-TGR-1', venueCode: LOUNGE, commissionBp: 0, validFrom: '2026-01-01' });
    expect(agreement.status).toBe(201);
    expect((await consignment().post(`/agreements/${agreement.body.id}/activate`).set('Authorization', dev('admin'))).status).toBe(200);
    const expiry = new Date(Date.now() + 60 * 24 * 3600_000).toISOString().slice(0, 10);
    const dispatch = await consignment()
      .post('/dispatches')
      .set('Authorization', dev('upt', 'LP-TGR-1'))
      .send({ agreementId: agreement.body.id, lines: [{ productId: keripik, lotCode: 'KT-1', expiryDate: expiry, quantity: 10 }] });
    expect(dispatch.status).toBe(201);

    const cashier = await signIn('kasir.tgr');
    const { sub } = decode(cashier.access);
    const receipt = await consignment()
      .post(`/dispatches/${dispatch.body.id}/receipt`)
      .set('Authorization', asPerson(cashier.access))
      .send({ lines: [{ lineNo: 1, accepted: 10, damaged: 0, short: 0 }] });
    expect(receipt.status).toBe(201);
    const sale = await consignment()
      .post('/sales/batches')
      .set('Authorization', asPerson(cashier.access))
      .send({ lines: [{ receiptNo: 'TGR-KC-1', lineNo: 1, productId: keripik, quantity: 2, soldAt: new Date().toISOString() }] });
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({ accepted: 1, refused: 0 });

    const person = { id: sub, role: 'venue', scope: LOUNGE, username: 'kasir.tgr' };
    const byCashier = await probe.waitFor(2, (r) => JSON.parse(r.message.value!.toString()).actor.id === sub);
    const events = byCashier.map((r) => JSON.parse(r.message.value!.toString()));
    expect(events.map((e) => e.type).sort()).toEqual(['consignment.receipt.confirmed', 'consignment.sales.recorded']);
    for (const event of events) expect(event.actor).toEqual(person);
  });

  it('let a signed-in person act within their scope on every service the token names, and record the person as the actor', async () => {
    const cashier = await signIn('kasir.tgr');
    expect((await stockOf(asPerson(cashier.access))).status).toBe(200);
    const elsewhere = await stockOf(asPerson(cashier.access), 'IMI-SOETTA-T3');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('OUT_OF_SCOPE');

    const person = await signIn('admin.pusat');
    const { sub } = decode(person.access);
    const registered = await request(services.catalog!.url)
      .post('/kanwils')
      .set('Authorization', asPerson(person.access))
      .set('x-correlation-id', 'kanwil-by-a-person')
      .send({ code: 'KW-UJICOBA', name: 'Kanwil Uji Coba' });
    expect(registered.status).toBe(201);
    // the same token on another service: the provider names all three
    expect((await stockOf(asPerson(person.access))).status).toBe(200);
    const trail = await request(services.catalog!.url)
      .get('/audit')
      .query({ entity: 'kanwil', id: 'KW-UJICOBA' })
      .set('Authorization', asPerson(person.access));
    expect(trail.status).toBe(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        correlationId: 'kanwil-by-a-person',
        actor: { id: sub, role: 'admin', scope: null, username: 'admin.pusat' },
      }),
    ]);
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuse a token for no Titipan service, one signed with a key the provider does not publish, and an unsigned one (401)', async () => {
    const kc = admin();
    // a client of the realm that is not the console: its tokens name no Titipan service
    await kc.realmRequest('POST', '/clients', {
      clientId: 'other-app',
      publicClient: false,
      secret: 'other-app-secret',
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
    });
    const other = await tokenRequest({ grant_type: 'client_credentials', client_id: 'other-app', client_secret: 'other-app-secret' });
    expect(other.status).toBe(200);
    const otherAudience = await stockOf(asPerson(other.body.access_token));
    expect({ status: otherAudience.status, code: otherAudience.body.code }).toEqual({ status: 401, code: 'TOKEN_AUDIENCE_MISMATCH' });

    const genuine = await signIn('kasir.tgr');
    const header = decode(genuine.access, 0);
    const claims = decode(genuine.access);
    // the provider's issuer and key id, and a key of the forger's own
    const forged = new JwtService({}).sign(
      { ...claims, titipan_scope: 'IMI-SOETTA-T3' },
      {
        algorithm: 'RS256',
        keyid: header.kid,
        privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey as unknown as string,
      },
    );
    const refusedForged = await stockOf(asPerson(forged), 'IMI-SOETTA-T3');
    expect({ status: refusedForged.status, code: refusedForged.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    expect(refusedForged.body.message).toMatch(/signature/);
    const underAnotherKid = new JwtService({}).sign(claims, {
      algorithm: 'RS256',
      keyid: 'not-a-published-key',
      privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey as unknown as string,
    });
    const refusedKid = await stockOf(asPerson(underAnotherKid));
    expect(refusedKid.status).toBe(401);
    expect(refusedKid.body.message).toMatch(/key its issuer does not publish/);

    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${genuine.access.split('.')[1]}.`;
    const refusedNone = await stockOf(asPerson(unsigned));
    expect({ status: refusedNone.status, code: refusedNone.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    expect(refusedNone.body.message).toMatch(/algorithm is not accepted/);
    // the genuine token still works: nothing above was refused for a reason the real one shares
    expect((await stockOf(asPerson(genuine.access))).status).toBe(200);
  });

  it("end a disabled person's access: the refresh is refused at once, and every call once the last token expires", async () => {
    await users('add', '--username', 'kasir.pergi', '--role', 'venue', '--scope', LOUNGE, '--password', PASSWORD);
    const session = await signIn('kasir.pergi');
    const { exp } = decode(session.access);
    await users('disable', '--username', 'kasir.pergi');

    const refresh = await tokenRequest({ grant_type: 'refresh_token', client_id: TEST_CLIENT, refresh_token: session.refresh });
    expect({ status: refresh.status, error: refresh.body.error }).toEqual({ status: 400, error: 'invalid_grant' });
    const again = await tokenRequest({ grant_type: 'password', client_id: TEST_CLIENT, username: 'kasir.pergi', password: PASSWORD });
    expect(again.status).toBe(400);

    // the services do not ask the provider on each call: the token issued before works until it expires, no longer
    await sleep(Math.max(0, exp * 1000 - Date.now()) + 1_000);
    const late = await stockOf(asPerson(session.access));
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('verify tokens signed with a rotated key without a restart, and those signed with the old key until they expire', async () => {
    const before = await signIn('kasir.tgr');
    const oldKid = decode(before.access, 0).kid;
    expect((await stockOf(asPerson(before.access))).status).toBe(200); // the services hold the current key set

    const kc = admin();
    const realm = await kc.realmRequest<{ id: string }>('GET', '');
    await kc.realmRequest('POST', '/components', {
      name: 'rsa-rotated',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realm.id,
      config: { priority: ['500'], keySize: ['2048'], active: ['true'], enabled: ['true'], algorithm: ['RS256'] },
    });
    const after = await signIn('kasir.tgr');
    const newKid = decode(after.access, 0).kid;
    expect(newKid).not.toBe(oldKid);

    // the key set is fetched again for the unknown key id (at most once per cooldown, 2 s here)
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 200; attempt++) {
      if (attempt > 0) await sleep(1_000);
      status = (await stockOf(asPerson(after.access))).status;
    }
    expect(status).toBe(200);
    expect((await request(services.catalog!.url).get('/kanwils').set('Authorization', asPerson(after.access))).status).toBe(200);
    // the old key is still published (no longer the active one): its tokens keep working until they expire
    expect((await stockOf(asPerson(before.access))).status).toBe(200);
  });
});
