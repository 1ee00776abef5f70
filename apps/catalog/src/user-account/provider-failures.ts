import { type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { IdentityProviderError, ScopeOwnerUnavailableError } from '@titipan/identity';

/** Why an account request could not be carried out although nothing was wrong with it: 503, retry later or fix the set-up. */
export type UserAdminFailureCode =
  'USER_ADMIN_NOT_CONFIGURED' | 'SCOPE_OWNER_UNAVAILABLE' | 'IDENTITY_PROVIDER_UNAVAILABLE' | 'USER_ADMIN_REFUSED';

export const USER_ADMIN_FAILURE_KIND: Record<UserAdminFailureCode, ErrorKind> = {
  USER_ADMIN_NOT_CONFIGURED: 'unavailable',
  SCOPE_OWNER_UNAVAILABLE: 'unavailable',
  IDENTITY_PROVIDER_UNAVAILABLE: 'unavailable',
  USER_ADMIN_REFUSED: 'unavailable',
};

type FailureRule = Rule<unknown, UserAdminFailureCode>;

export const userAdminNotConfigured = (missing: string[]): Refusal<UserAdminFailureCode> => ({
  code: 'USER_ADMIN_NOT_CONFIGURED',
  message: `user administration is not set up in catalog: set ${missing.join(' and ')}`,
  details: { missing },
});

const scopeOwnerUnreachable: FailureRule = (error) =>
  error instanceof ScopeOwnerUnavailableError
    ? { code: 'SCOPE_OWNER_UNAVAILABLE', message: `${error.message}; nothing was created`, details: {} }
    : undefined;

const providerUnreachable: FailureRule = (error) =>
  error instanceof IdentityProviderError && (error.status === 0 || error.status >= 500)
    ? {
        code: 'IDENTITY_PROVIDER_UNAVAILABLE',
        message: 'the identity provider cannot be reached or failed; retry later',
        details: { providerStatus: error.status },
      }
    : undefined;

// the service account's secret or roles are wrong: the set-up's fault, not the caller's, and no 401 for the admin
const serviceAccountRefused: FailureRule = (error) =>
  error instanceof IdentityProviderError &&
  [400, 401, 403].includes(error.status) &&
  /refused the client|answered 40[13]/.test(error.message)
    ? {
        code: 'USER_ADMIN_REFUSED',
        message: "the identity provider refused catalog's user-administration service account: check its secret and roles",
        details: { providerStatus: error.status },
      }
    : undefined;

/** In order: what a failure of the provider or of the code's owner means to the admin who asked. Others stay 500s. */
export const USER_ADMIN_FAILURE_RULES: readonly FailureRule[] = [scopeOwnerUnreachable, providerUnreachable, serviceAccountRefused];
