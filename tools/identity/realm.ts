import {
  LOGIN_MESSAGES_EN,
  LOGIN_MESSAGES_ID,
  PERSON_ROLES,
  REALM_LOCALES,
  ROLE_CLAIM,
  SCOPE_ATTRIBUTE,
  SCOPE_CLAIM,
  SERVICE_AUDIENCES,
  TITIPAN_REALM,
  type PersonRole,
} from '@titipan/identity';

/**
 * The realm `titipan` as code: everything `npm run idp:realm` (apply-realm.ts) creates or brings back to this
 * state. Users are not part of it, so applying it again never touches an account.
 */

export interface ProtocolMapper {
  name: string;
  protocol: 'openid-connect';
  protocolMapper: string;
  config: Record<string, string>;
}

export interface ClientScopeDefinition {
  name: string;
  description: string;
  protocol: 'openid-connect';
  attributes: Record<string, string>;
  protocolMappers: ProtocolMapper[];
  /** Realm roles this scope lets into a token (clients below do not get the full scope of the user's roles). */
  realmRoles: readonly PersonRole[];
}

export interface ClientDefinition {
  clientId: string;
  representation: Record<string, unknown>;
  defaultClientScopes: string[];
  optionalClientScopes: string[];
  /** Mappers of the client itself (not of a shared client scope), so no other client can issue what they add. */
  protocolMappers?: ProtocolMapper[];
  /** Roles of the realm-management client that the client's service account holds, and no others. */
  serviceAccountRealmManagementRoles?: string[];
}

export interface RealmDefinition {
  realm: Record<string, unknown>;
  roles: { name: PersonRole; description: string }[];
  /** The user attribute declared in the realm's user profile (Keycloak keeps no undeclared attribute). */
  scopeAttribute: Record<string, unknown>;
  clientScopes: ClientScopeDefinition[];
  clients: ClientDefinition[];
  /** Clients that must not exist (the test client, in every realm applied without it). */
  absentClients: string[];
  /**
   * The realm's own texts per locale (key → text), over the login theme's: exactly these, any other key of a
   * locale named here is removed. An empty set keeps Keycloak's own texts for that locale.
   */
  localizationTexts: Record<string, Record<string, string>>;
}

export interface RealmOptions {
  consoleRedirectUris: string[];
  userAdminClientId: string;
  userAdminSecret: string;
  /** Adds `titipan-test`, a public client with the password grant, for the tests only. */
  withTestClient?: boolean;
  /** Access-token lifetime; 300 s (5 minutes) unless a test needs to see tokens expire sooner. */
  accessTokenSeconds?: number;
}

export const CONSOLE_CLIENT = 'titipan-console';
/** The role the user-administration client's service account acts as at the Titipan services. */
export const USER_ADMIN_ROLE: PersonRole = 'admin';
export const TEST_CLIENT = 'titipan-test';
export const ACTOR_SCOPE = 'titipan-actor';

/** How long an access token lives: a disabled person's last token works at most this long. */
export const ACCESS_TOKEN_SECONDS = 300;

/** A person is locked for a while after this many wrong passwords in a row. */
export const FAILURES_BEFORE_LOCK = 5;

const ROLE_DESCRIPTIONS: Record<PersonRole, string> = {
  upt: 'staff of one UPT (scope: UPT code)',
  curator: 'curator of one Kanwil (scope: Kanwil code)',
  venue: 'staff of one venue (scope: venue code)',
  kanwil: 'reader of one regional office (scope: Kanwil code)',
  ministry: 'Ditjenpas, national',
  admin: 'administrator, national',
};

/** Into the access token, the ID token, userinfo and introspection alike. */
const EVERY_TOKEN = {
  'access.token.claim': 'true',
  'id.token.claim': 'true',
  'userinfo.token.claim': 'true',
  'introspection.token.claim': 'true',
};

/** Our scopes are always granted (default scopes), so naming them in the token's `scope` would only add noise. */
const QUIET_SCOPE = { 'include.in.token.scope': 'false', 'display.on.consent.screen': 'false' };

/** The scopes every person's client gets: the standard ones that carry `sub` and the name, ours, and the audiences. */
const PERSON_CLIENT_SCOPES = ['basic', 'profile', 'web-origins', 'acr', ACTOR_SCOPE, ...Object.values(SERVICE_AUDIENCES)];

function actorScope(): ClientScopeDefinition {
  return {
    name: ACTOR_SCOPE,
    description: 'who the person is in Titipan: the role and the UPT, Kanwil or venue code',
    protocol: 'openid-connect',
    attributes: QUIET_SCOPE,
    protocolMappers: [
      {
        // With only the six roles in scope (below) and one role per person, the claim is that role as a string.
        name: 'role',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-usermodel-realm-role-mapper',
        config: { ...EVERY_TOKEN, 'claim.name': ROLE_CLAIM, 'jsonType.label': 'String', multivalued: 'false' },
      },
      {
        name: 'scope code',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: {
          ...EVERY_TOKEN,
          'user.attribute': SCOPE_ATTRIBUTE,
          'claim.name': SCOPE_CLAIM,
          'jsonType.label': 'String',
          multivalued: 'false',
          'aggregate.attrs': 'false',
        },
      },
    ],
    realmRoles: PERSON_ROLES,
  };
}

function audienceScope(audience: string): ClientScopeDefinition {
  return {
    name: audience,
    description: `the audience ${audience}: the token may be used at that service`,
    protocol: 'openid-connect',
    attributes: QUIET_SCOPE,
    protocolMappers: [
      {
        name: 'audience',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: {
          'included.custom.audience': audience,
          'access.token.claim': 'true',
          'introspection.token.claim': 'true',
          'id.token.claim': 'false',
        },
      },
    ],
    realmRoles: [],
  };
}

/** A client people sign in through: public, no client secret, only the role and scope claims we map. */
function personClient(clientId: string, name: string, flows: Record<string, unknown>): ClientDefinition {
  return {
    clientId,
    representation: {
      clientId,
      name,
      protocol: 'openid-connect',
      enabled: true,
      publicClient: true,
      bearerOnly: false,
      consentRequired: false,
      implicitFlowEnabled: false,
      serviceAccountsEnabled: false,
      // only the roles let in by the client scopes (the six Titipan roles) reach the token
      fullScopeAllowed: false,
      ...flows,
    },
    defaultClientScopes: PERSON_CLIENT_SCOPES,
    optionalClientScopes: [],
  };
}

export function titipanRealm(options: RealmOptions): RealmDefinition {
  const redirectUris = options.consoleRedirectUris;
  const origins = [...new Set(redirectUris.map((uri) => new URL(uri.replace(/\*$/, '')).origin))];
  const clients: ClientDefinition[] = [
    personClient(CONSOLE_CLIENT, 'Titipan console', {
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      redirectUris,
      webOrigins: origins,
      attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': redirectUris.join('##') },
    }),
    {
      clientId: options.userAdminClientId,
      representation: {
        clientId: options.userAdminClientId,
        name: 'Titipan user administration',
        protocol: 'openid-connect',
        enabled: true,
        publicClient: false,
        bearerOnly: false,
        clientAuthenticatorType: 'client-secret',
        secret: options.userAdminSecret,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        fullScopeAllowed: true,
      },
      // its service-account token is also a Titipan admin's token for the three services (decision 0016,
      // addendum): manage-users already lets it create an admin, so the claim gives it nothing more
      defaultClientScopes: ['basic', 'roles', ...Object.values(SERVICE_AUDIENCES)],
      optionalClientScopes: [],
      protocolMappers: [
        {
          name: 'role admin',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-hardcoded-claim-mapper',
          config: {
            'claim.name': ROLE_CLAIM,
            'claim.value': USER_ADMIN_ROLE,
            'jsonType.label': 'String',
            'access.token.claim': 'true',
            'introspection.token.claim': 'true',
            'id.token.claim': 'false',
            'userinfo.token.claim': 'false',
          },
        },
      ],
      serviceAccountRealmManagementRoles: ['manage-users', 'view-users', 'query-users'],
    },
  ];
  if (options.withTestClient) {
    clients.push(
      personClient(TEST_CLIENT, 'Titipan tests (password grant; never in a real realm)', {
        standardFlowEnabled: false,
        directAccessGrantsEnabled: true,
      }),
    );
  }
  return {
    realm: {
      realm: TITIPAN_REALM,
      displayName: 'Titipan',
      enabled: true,
      sslRequired: 'external',
      registrationAllowed: false,
      resetPasswordAllowed: false,
      rememberMe: false,
      loginWithEmailAllowed: false,
      duplicateEmailsAllowed: true,
      editUsernameAllowed: false,
      defaultSignatureAlgorithm: 'RS256',
      // 5-minute access tokens; a refresh token lives as long as the session (30 min idle, one 12-hour day at most)
      // and is used once: each refresh answers a new one
      accessTokenLifespan: options.accessTokenSeconds ?? ACCESS_TOKEN_SECONDS,
      accessTokenLifespanForImplicitFlow: options.accessTokenSeconds ?? ACCESS_TOKEN_SECONDS,
      ssoSessionIdleTimeout: 1800,
      ssoSessionMaxLifespan: 43200,
      clientSessionIdleTimeout: 0,
      clientSessionMaxLifespan: 0,
      offlineSessionIdleTimeout: 2592000,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
      passwordPolicy: 'length(10) and notUsername and maxLength(128)',
      // brute-force protection: locked for 1 min after 5 failures, longer each time up to 15 min
      bruteForceProtected: true,
      permanentLockout: false,
      failureFactor: FAILURES_BEFORE_LOCK,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
      maxDeltaTimeSeconds: 43200,
      quickLoginCheckMilliSeconds: 1000,
      minimumQuickLoginWaitSeconds: 60,
      eventsEnabled: true,
      eventsExpiration: 2592000,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: false,
      // Bahasa Indonesia first, English second: the login pages speak Indonesian unless the person's browser or
      // the client asks for English (Keycloak has no Indonesian of its own: the texts are below)
      internationalizationEnabled: true,
      supportedLocales: [REALM_LOCALES.first, REALM_LOCALES.second],
      defaultLocale: REALM_LOCALES.first,
    },
    roles: PERSON_ROLES.map((name) => ({ name, description: ROLE_DESCRIPTIONS[name] })),
    scopeAttribute: {
      name: SCOPE_ATTRIBUTE,
      displayName: 'UPT, Kanwil or venue code',
      validations: { pattern: { pattern: '^[A-Z0-9-]{2,20}$', 'error-message': 'a code is 2-20 capital letters, digits or "-"' } },
      // set by administrators only: the person sees it but cannot change it
      permissions: { view: ['admin', 'user'], edit: ['admin'] },
      multivalued: false,
    },
    clientScopes: [actorScope(), ...Object.values(SERVICE_AUDIENCES).map(audienceScope)],
    clients,
    absentClients: options.withTestClient ? [] : [TEST_CLIENT],
    localizationTexts: { [REALM_LOCALES.first]: { ...LOGIN_MESSAGES_ID }, [REALM_LOCALES.second]: { ...LOGIN_MESSAGES_EN } },
  };
}
