import { SCOPED_ROLES, type ActorRole } from '@titipan/contracts';

/**
 * What the identity provider puts into a Titipan token, named once for the realm definition, the user
 * administration and (next) the services' token verification. Decision record 0016 says why these names.
 */
export const TITIPAN_REALM = 'titipan';

/** The person's one role, a plain string (upt, curator, venue, kanwil, ministry, admin). */
export const ROLE_CLAIM = 'role';

/**
 * The UPT, Kanwil or venue code. Not `scope`: Keycloak writes the OAuth scopes granted ("openid profile …")
 * into `scope` of every access token, and a mapper onto the same name would give the token two `scope` keys.
 */
export const SCOPE_CLAIM = 'titipan_scope';

/** The user attribute that holds the code, mapped into SCOPE_CLAIM. */
export const SCOPE_ATTRIBUTE = 'titipan_scope';

/** The audience (`aud`) each service will require of a token. */
export const SERVICE_AUDIENCES = {
  catalog: 'titipan-catalog',
  consignment: 'titipan-consignment',
  reporting: 'titipan-reporting',
  notification: 'titipan-notification',
} as const;

/** Roles a person can hold: every actor role but `system`, which only services act as. */
export type PersonRole = Exclude<ActorRole, 'system'>;
export const PERSON_ROLES: readonly PersonRole[] = ['upt', 'curator', 'venue', 'kanwil', 'ministry', 'admin'];

/** What kind of organisation a role's scope code names (UPT, Kanwil, venue), or nothing for national roles. */
export type ScopeKind = NonNullable<(typeof SCOPED_ROLES)[ActorRole]>;
export const scopeKindOf = (role: PersonRole): ScopeKind | undefined => SCOPED_ROLES[role];
