import { ORG_CODE_PATTERN } from '@titipan/contracts';
import { type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { PERSON_ROLES, scopeKindOf, type PersonRole, type ScopeKind } from './claims';

/** Why a person's account is refused. */
export type AccountRefusalCode =
  | 'USERNAME_INVALID'
  | 'ROLE_UNKNOWN'
  | 'SCOPE_REQUIRED'
  | 'SCOPE_NOT_ALLOWED'
  | 'SCOPE_INVALID'
  | 'SCOPE_UNKNOWN'
  | 'USERNAME_TAKEN'
  | 'USER_NOT_FOUND'
  | 'PASSWORD_REFUSED';

export const ACCOUNT_REFUSAL_KIND: Record<AccountRefusalCode, ErrorKind> = {
  USERNAME_INVALID: 'validation',
  ROLE_UNKNOWN: 'validation',
  SCOPE_REQUIRED: 'validation',
  SCOPE_NOT_ALLOWED: 'validation',
  SCOPE_INVALID: 'validation',
  SCOPE_UNKNOWN: 'rule',
  USERNAME_TAKEN: 'conflict',
  USER_NOT_FOUND: 'not_found',
  PASSWORD_REFUSED: 'validation',
};

/** Lower case, as the provider stores usernames: letters, digits, `.`, `_` and `-`, 3 to 64 long. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** An account as asked for, before the provider is called. `scopeFound` is known only once the owner was asked. */
export interface AccountCandidate {
  username: string;
  role: string;
  scope?: string | null;
  scopeFound?: boolean;
}

type AccountRule = Rule<AccountCandidate, AccountRefusalCode>;
type AccountRefusal = Refusal<AccountRefusalCode>;

const isPersonRole = (role: string): role is PersonRole => (PERSON_ROLES as readonly string[]).includes(role);

const usernameWellFormed: AccountRule = ({ username }) =>
  USERNAME_PATTERN.test(username)
    ? undefined
    : {
        code: 'USERNAME_INVALID',
        message: `username "${username}" must be 3-64 lower-case letters, digits, ".", "_" or "-"`,
        details: { field: 'username' },
      };

const roleKnown: AccountRule = ({ role }) =>
  isPersonRole(role)
    ? undefined
    : { code: 'ROLE_UNKNOWN', message: `role "${role}" is not one of ${PERSON_ROLES.join(', ')}`, details: { field: 'role' } };

const scopeGivenForScopedRole: AccountRule = ({ role, scope }) => {
  const kind = isPersonRole(role) ? scopeKindOf(role) : undefined;
  return kind && !scope
    ? { code: 'SCOPE_REQUIRED', message: `a ${role} account needs the code of its ${kind} (--scope)`, details: { field: 'scope', kind } }
    : undefined;
};

const noScopeForNationalRole: AccountRule = ({ role, scope }) =>
  isPersonRole(role) && !scopeKindOf(role) && scope
    ? { code: 'SCOPE_NOT_ALLOWED', message: `a ${role} account is national and takes no scope code`, details: { field: 'scope' } }
    : undefined;

const scopeWellFormed: AccountRule = ({ scope }) =>
  !scope || ORG_CODE_PATTERN.test(scope)
    ? undefined
    : { code: 'SCOPE_INVALID', message: `scope code "${scope}" must be 2-20 capital letters, digits or "-"`, details: { field: 'scope' } };

const scopeExists: AccountRule = ({ role, scope, scopeFound }) =>
  scopeFound === false && isPersonRole(role)
    ? {
        code: 'SCOPE_UNKNOWN',
        message: `no ${scopeKindOf(role)} has the code ${scope}: register it first, or check the code`,
        details: { field: 'scope', kind: scopeKindOf(role), code: scope },
      }
    : undefined;

/** What can be judged from the request alone, in order; the owner of the code is asked only when these hold. */
export const ACCOUNT_RULES: readonly AccountRule[] = [
  usernameWellFormed,
  roleKnown,
  scopeGivenForScopedRole,
  noScopeForNationalRole,
  scopeWellFormed,
];

/** Judged once the service that owns the code has answered (`scopeFound`). */
export const SCOPE_OWNER_RULES: readonly AccountRule[] = [scopeExists];

/** The organisation whose existence must be checked for this (valid) candidate, if any. */
export function scopeToCheck(candidate: AccountCandidate): { kind: ScopeKind; code: string } | undefined {
  const kind = isPersonRole(candidate.role) ? scopeKindOf(candidate.role) : undefined;
  return kind && candidate.scope ? { kind, code: candidate.scope } : undefined;
}

export const userNotFound = (username: string): AccountRefusal => ({
  code: 'USER_NOT_FOUND',
  message: `no user is named ${username}`,
  details: { username },
});

export const usernameTaken = (username: string): AccountRefusal => ({
  code: 'USERNAME_TAKEN',
  message: `a user named ${username} exists already`,
  details: { field: 'username', username },
});

export const passwordRefused = (reason: string): AccountRefusal => ({
  code: 'PASSWORD_REFUSED',
  message: `the password was refused: ${reason}`,
  details: { field: 'password' },
});
