import { DomainError } from '@titipan/kernel';
import { ACTOR_ROLES, SCOPED_ROLES, type Actor, type ActorRole } from '@titipan/contracts';

/**
 * The claims a Titipan access token carries, named once for the identity provider's realm (libs/identity), the
 * services' verification and the development tokens. Decision record 0016 says why these names.
 */
export const ROLE_CLAIM = 'role';
/**
 * The UPT, Kanwil or venue code. Not `scope`: Keycloak writes the OAuth scopes granted ("openid profile …") into
 * `scope` of every access token.
 */
export const SCOPE_CLAIM = 'titipan_scope';
/** The person's username (OpenID Connect's standard claim), recorded beside `sub` as who acted. */
export const USERNAME_CLAIM = 'preferred_username';

/** Claims of a Titipan access token, as verified. */
export interface TokenClaims {
  sub: string;
  [ROLE_CLAIM]: ActorRole;
  [SCOPE_CLAIM]?: string | null;
  [USERNAME_CLAIM]?: string;
}

/** Roles a person can hold; `system` is reserved for services and never comes from a token. */
export const PERSON_ROLES: readonly ActorRole[] = ACTOR_ROLES.filter((r) => r !== 'system');

/** Turns verified claims into an actor, refusing tokens whose role or scope make no sense. */
export function actorFromClaims(claims: Partial<TokenClaims>): Actor {
  const role = claims.role as ActorRole;
  if (!claims.sub || typeof claims.sub !== 'string') {
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'token has no subject (sub)');
  }
  if (!PERSON_ROLES.includes(role)) {
    throw new DomainError(
      'unauthenticated',
      'TOKEN_INVALID',
      `token role "${String(claims.role)}" is not one of ${PERSON_ROLES.join(', ')}`,
    );
  }
  const scopeKind = SCOPED_ROLES[role];
  const code = claims[SCOPE_CLAIM];
  const scope = typeof code === 'string' && code.length > 0 ? code : null;
  if (scopeKind && !scope) {
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', `a ${role} token must name its ${scopeKind} code in ${SCOPE_CLAIM}`);
  }
  const username = claims[USERNAME_CLAIM];
  return {
    id: claims.sub,
    role,
    scope: scopeKind ? scope : null,
    ...(typeof username === 'string' && username.length > 0 ? { username: username.slice(0, 100) } : {}),
  };
}

export type ScopeKind = 'upt' | 'kanwil' | 'venue';

/**
 * Refuses an actor acting outside its scope. National roles (ministry, admin) pass; a scoped role
 * passes only for its own organisation. `kanwilOfTarget` lets Kanwil-scoped roles act on their UPTs.
 */
export function assertInScope(actor: Actor, kind: ScopeKind, code: string, kanwilOfTarget?: string): void {
  if (actor.role === 'ministry' || actor.role === 'admin' || actor.role === 'system') return;
  const actorKind = SCOPED_ROLES[actor.role];
  if (actorKind === kind && actor.scope === code) return;
  if (actorKind === 'kanwil' && kanwilOfTarget !== undefined && actor.scope === kanwilOfTarget) return;
  throw new DomainError('forbidden', 'OUT_OF_SCOPE', `${actor.role} of ${actor.scope ?? 'no scope'} may not act on ${kind} ${code}`, {
    role: actor.role,
    scope: actor.scope,
    target: { kind, code },
  });
}
