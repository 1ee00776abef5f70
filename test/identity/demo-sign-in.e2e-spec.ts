import {
  authorize,
  claimsOf,
  exchangeCode,
  KeycloakAdmin,
  LOGIN_MESSAGES_EN,
  LOGIN_MESSAGES_ID,
  pkcePair,
  refresh,
  ROLE_CLAIM,
  SCOPE_CLAIM,
  SERVICE_AUDIENCES,
  SignedInPerson,
  signIn,
  TITIPAN_REALM,
  UserAdmin,
  type SignInSettings,
} from '@titipan/identity';
import { DomainError } from '@titipan/kernel';
import { SignedInPeople } from '../../tools/demo/people';
import { applyRealm } from '../../tools/identity/apply-realm';
import { CONSOLE_CLIENT, FAILURES_BEFORE_LOCK, titipanRealm } from '../../tools/identity/realm';
import { KEYCLOAK_START_MS, PrivateKeycloak } from '../support/private-keycloak';

/**
 * Signing in as a person does (libs/identity/src/sign-in.ts): the console client's code flow with PKCE S256,
 * the login page filled in, no password grant anywhere (the realm is applied without the test client). A
 * private Keycloak on an empty database; the services are not needed, so codes are taken as known.
 */
const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-the-sign-in-test' };
const REDIRECT = 'http://localhost:5173/';
const PASSWORD = 'kasir-password-1';

let keycloak: PrivateKeycloak;
let realmAdmin: KeycloakAdmin;
let users: UserAdmin;
let settings: SignInSettings;

const realm = () =>
  titipanRealm({ consoleRedirectUris: [`${REDIRECT}*`], userAdminClientId: USER_ADMIN.clientId, userAdminSecret: USER_ADMIN.secret });

/** The refusal a sign-in was answered with: its stable code. */
const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'SIGNED_IN',
    (error: unknown) => (error instanceof DomainError ? error.code : `not a refusal: ${(error as Error).message}`),
  );

beforeAll(async () => {
  keycloak = await PrivateKeycloak.start();
  realmAdmin = new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM));
  await applyRealm(realmAdmin, realm());
  const admin = new KeycloakAdmin({
    url: keycloak.url,
    realm: TITIPAN_REALM,
    clientId: USER_ADMIN.clientId,
    clientSecret: USER_ADMIN.secret,
  });
  users = new UserAdmin(admin, { exists: async () => true });
  settings = { url: keycloak.url, realm: TITIPAN_REALM, clientId: CONSOLE_CLIENT, redirectUri: REDIRECT };
  await users.add({ username: 'kasir.tgr', role: 'venue', scope: 'IMI-TGR-LOUNGE', password: PASSWORD, name: 'Siti' });
}, KEYCLOAK_START_MS + 120_000);

afterAll(() => keycloak?.dispose());

describe('signing in through the console client (code flow, PKCE S256)', () => {
  it('gives 5-minute tokens with the role, the scope code and the three audiences', async () => {
    const tokens = await signIn(settings, { username: 'kasir.tgr', password: PASSWORD });
    const access = claimsOf(tokens.accessToken);
    expect(access).toMatchObject({
      iss: `${keycloak.url}/realms/${TITIPAN_REALM}`,
      azp: CONSOLE_CLIENT,
      preferred_username: 'kasir.tgr',
      [ROLE_CLAIM]: 'venue',
      [SCOPE_CLAIM]: 'IMI-TGR-LOUNGE',
    });
    expect([...access.aud].sort()).toEqual(Object.values(SERVICE_AUDIENCES).sort());
    expect(access.exp - access.iat).toBe(300);
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 250_000);
    expect(claimsOf(tokens.idToken!)).toMatchObject({ preferred_username: 'kasir.tgr', name: 'Siti' });
  });

  it('refuses a wrong password with a clear error, and signs in again with the right one', async () => {
    const attempt = signIn(settings, { username: 'kasir.tgr', password: 'not-the-password' });
    await expect(attempt).rejects.toThrow('kasir.tgr: wrong username or password');
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' });
    expect(await refusalOf(signIn(settings, { username: 'nobody.here', password: PASSWORD }))).toBe('INVALID_CREDENTIALS');
    expect(await refusalOf(signIn(settings, { username: 'kasir.tgr', password: PASSWORD }))).toBe('SIGNED_IN');
  });

  it('refreshes: new tokens for the refresh token, which is used once; using one again ends the session', async () => {
    // Keycloak tells a reused refresh token by its issue time, in whole seconds: each refresh comes a second later
    const aSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    const first = await signIn(settings, { username: 'kasir.tgr', password: PASSWORD });
    await aSecond();
    const next = await refresh(settings, first.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(claimsOf(next.accessToken)).toMatchObject({ [ROLE_CLAIM]: 'venue', sid: claimsOf(first.accessToken).sid });
    await aSecond();
    const third = await refresh(settings, next.refreshToken);
    expect(claimsOf(third.accessToken).preferred_username).toBe('kasir.tgr');
    await aSecond();

    // a refresh token used again (revokeRefreshToken) is refused, and the provider ends the session's
    // client session, so the newest one stops working too: a stolen refresh token costs the session
    expect(await refusalOf(refresh(settings, first.refreshToken))).toBe('SESSION_ENDED');
    expect(await refusalOf(refresh(settings, third.refreshToken))).toBe('SESSION_ENDED');
  });

  it('keeps a person signed in: the token is refreshed when it comes close to its end', async () => {
    // a margin longer than the token's life: every call refreshes
    const person = await SignedInPerson.signIn(settings, { username: 'kasir.tgr', password: PASSWORD }, 400_000);
    const before = person.current.accessToken;
    const after = await person.accessToken();
    expect(after).not.toBe(before);
    expect(claimsOf(after).preferred_username).toBe('kasir.tgr');
  });

  it('makes a person with a temporary password choose a new one, and the new one is the password after', async () => {
    await users.add({ username: 'kasir.baru', role: 'venue', scope: 'IMI-TGR-LOUNGE' }).catch(() => undefined);
    const { generatedPassword } = await users.setPassword('kasir.baru'); // generated: temporary
    const owed = signIn(settings, { username: 'kasir.baru', password: generatedPassword! });
    await expect(owed).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    const tooShort = signIn(settings, { username: 'kasir.baru', password: generatedPassword!, newPassword: 'short' });
    await expect(tooShort).rejects.toMatchObject({ code: 'NEW_PASSWORD_REFUSED' });

    const changed = await signIn(settings, { username: 'kasir.baru', password: generatedPassword!, newPassword: 'kasir-baru-password' });
    expect(claimsOf(changed.accessToken).preferred_username).toBe('kasir.baru');
    expect(await refusalOf(signIn(settings, { username: 'kasir.baru', password: generatedPassword! }))).toBe('INVALID_CREDENTIALS');
    expect(await refusalOf(signIn(settings, { username: 'kasir.baru', password: 'kasir-baru-password' }))).toBe('SIGNED_IN');
  });

  it('uses PKCE: the code is refused without its verifier or with another one, and the flow without a challenge', async () => {
    const exchange = (code: string, verifier?: string) =>
      exchangeCode(settings, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: CONSOLE_CLIENT,
        ...(verifier ? { code_verifier: verifier } : {}),
      });
    const withoutVerifier = await exchange((await authorize(settings, { username: 'kasir.tgr', password: PASSWORD })).code);
    expect(withoutVerifier).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const otherVerifier = await exchange(
      (await authorize(settings, { username: 'kasir.tgr', password: PASSWORD })).code,
      pkcePair().verifier,
    );
    expect(otherVerifier).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const right = await authorize(settings, { username: 'kasir.tgr', password: PASSWORD });
    expect((await exchange(right.code, right.verifier)).status).toBe(200);

    // the client itself asks for a challenge: an authorization request without one goes back with an error
    const noChallenge = await fetch(
      `${keycloak.url}/realms/${TITIPAN_REALM}/protocol/openid-connect/auth?${String(
        new URLSearchParams({
          client_id: CONSOLE_CLIENT,
          redirect_uri: REDIRECT,
          response_type: 'code',
          scope: 'openid',
          state: 'no-challenge',
        }),
      )}`,
      { redirect: 'manual' },
    );
    const back = new URL(noChallenge.headers.get('location') ?? 'http://nowhere/');
    expect(back.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a disabled account, and a locked one after repeated wrong passwords', async () => {
    await users.add({ username: 'kasir.lain', role: 'venue', scope: 'IMI-TGR-LOUNGE', password: PASSWORD });
    await users.disable('kasir.lain');
    expect(await refusalOf(signIn(settings, { username: 'kasir.lain', password: PASSWORD }))).toBe('ACCOUNT_DISABLED');
    await users.enable('kasir.lain');
    expect(await refusalOf(signIn(settings, { username: 'kasir.lain', password: PASSWORD }))).toBe('SIGNED_IN');

    for (let i = 0; i < FAILURES_BEFORE_LOCK; i++)
      await signIn(settings, { username: 'kasir.lain', password: `wrong-${i}-password` }).catch(() => undefined);
    // locked for a minute: even the right password is refused, with the page of a wrong password (Keycloak does not
    // tell a locked account apart, so as not to confirm the username)
    const locked = signIn(settings, { username: 'kasir.lain', password: PASSWORD });
    await expect(locked).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringContaining('locked for a while') });
  });
});

describe("the demo's people (tools/demo/people.ts)", () => {
  it('creates each person once, reuses an existing account with this run`s password, and acts with their own token', async () => {
    const people = (password: string) => new SignedInPeople(users, settings, () => undefined, password);
    const first = await people('demo-password-one').actor('upt', 'LP-TGR-1');
    expect(first.person!.username).toBe('petugas.lp-tgr-1');
    expect(claimsOf(await first.person!.accessToken())).toMatchObject({ [ROLE_CLAIM]: 'upt', [SCOPE_CLAIM]: 'LP-TGR-1' });

    const again = people('demo-password-two');
    const second = await again.actor('upt', 'LP-TGR-1');
    expect(claimsOf(await second.person!.accessToken()).preferred_username).toBe('petugas.lp-tgr-1');
    expect(await again.actor('upt', 'LP-TGR-1')).toBe(second); // signed in once per run
    expect((await users.list()).filter((a) => a.username === 'petugas.lp-tgr-1')).toHaveLength(1);

    const ministry = await again.actor('ministry');
    expect(claimsOf(await ministry.person!.accessToken())).toMatchObject({
      preferred_username: 'analis.ditjenpas',
      [ROLE_CLAIM]: 'ministry',
    });
  });
});

describe('the login pages speak Bahasa Indonesia first (realm texts for locale id)', () => {
  /** The login page as sign-in.ts first fetches it, with `extra` parameters; the page's HTML. */
  const loginPage = async (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({
      client_id: CONSOLE_CLIENT,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      state: 'l10n',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    const response = await fetch(`${keycloak.url}/realms/${TITIPAN_REALM}/protocol/openid-connect/auth?${String(query)}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('comes in Indonesian by default, and in English when the client asks for it', async () => {
    const indonesian = await loginPage();
    expect(indonesian).toContain('lang="id"');
    expect(indonesian).toContain('<title>Masuk ke Titipan</title>');
    for (const key of ['loginAccountTitle', 'username', 'password', 'doLogIn', 'showPassword', 'languages'] as const)
      expect(indonesian).toContain(LOGIN_MESSAGES_ID[key]);
    expect(indonesian).not.toContain('Sign in to your account');

    const english = await loginPage({ ui_locales: 'en' });
    expect(english).toContain('lang="en"');
    expect(english).toContain('Sign in to your account');
    expect(english).not.toContain(LOGIN_MESSAGES_ID.loginAccountTitle);
    // the chooser names Indonesian in both (Keycloak alone would offer `id`)
    expect(english).toContain(LOGIN_MESSAGES_EN.locale_id);
  });

  it('keeps exactly the defined texts when the realm is applied again: changed ones restored, strays removed', async () => {
    await realmAdmin.realmRequest('POST', '/localization/id', { loginAccountTitle: 'changed by hand', strayKey: 'not ours' });
    await realmAdmin.realmRequest('POST', '/localization/en', { loginAccountTitle: 'an English override' });
    await applyRealm(realmAdmin, realm());
    await applyRealm(realmAdmin, realm());
    expect(await realmAdmin.realmRequest('GET', '/localization/id')).toEqual(LOGIN_MESSAGES_ID);
    expect(await realmAdmin.realmRequest('GET', '/localization/en')).toEqual(LOGIN_MESSAGES_EN);
    expect(await loginPage()).toContain(LOGIN_MESSAGES_ID.loginAccountTitle);
  });

  it("signs in (in English, ui_locales=en) without changing the person's own language", async () => {
    expect(await refusalOf(signIn(settings, { username: 'kasir.tgr', password: PASSWORD }))).toBe('SIGNED_IN');
    const [person] = await realmAdmin.realmRequest<{ attributes?: Record<string, string[]> }[]>(
      'GET',
      '/users?username=kasir.tgr&exact=true',
    );
    expect(person.attributes?.locale).toBeUndefined();
  });

  it('still reads the refusals when the account remembers Indonesian (it outranks ui_locales=en once the username is known)', async () => {
    await users.add({ username: 'kasir.id', role: 'venue', scope: 'IMI-TGR-LOUNGE' });
    const [person] = await realmAdmin.realmRequest<{ id: string; attributes?: Record<string, string[]> }[]>(
      'GET',
      '/users?username=kasir.id&exact=true',
    );
    await realmAdmin.realmRequest('PUT', `/users/${person.id}`, { ...person, attributes: { ...person.attributes, locale: ['id'] } });
    const { generatedPassword } = await users.setPassword('kasir.id');
    const tooShort = signIn(settings, { username: 'kasir.id', password: generatedPassword!, newPassword: 'pendek' });
    await expect(tooShort).rejects.toMatchObject({
      code: 'NEW_PASSWORD_REFUSED',
      details: { provider: LOGIN_MESSAGES_ID.invalidPasswordMinLengthMessage.replace('{0}', '10') },
    });
    await users.disable('kasir.id');
    expect(await refusalOf(signIn(settings, { username: 'kasir.id', password: generatedPassword! }))).toBe('ACCOUNT_DISABLED');
  });
});
