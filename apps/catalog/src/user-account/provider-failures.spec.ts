import { firstRefusal } from '@titipan/kernel';
import { IdentityProviderError, ScopeOwnerUnavailableError } from '@titipan/identity';
import { USER_ADMIN_FAILURE_RULES, userAdminNotConfigured } from './provider-failures';

const judge = (error: unknown) => firstRefusal(USER_ADMIN_FAILURE_RULES, error)?.code;

describe('user administration failures', () => {
  it('makes an unreachable owner of the code, or provider, a 503 of its own', () => {
    expect(judge(new ScopeOwnerUnavailableError('cannot check the scope code: GET http://c/venues/X answered 401'))).toBe(
      'SCOPE_OWNER_UNAVAILABLE',
    );
    expect(judge(new IdentityProviderError('identity provider at http://k is not reachable: fetch failed', 0, undefined))).toBe(
      'IDENTITY_PROVIDER_UNAVAILABLE',
    );
    expect(judge(new IdentityProviderError('identity provider: GET /users answered 502 ', 502, undefined))).toBe(
      'IDENTITY_PROVIDER_UNAVAILABLE',
    );
  });

  it("blames the set-up, not the caller, when the provider refuses catalog's service account", () => {
    expect(
      judge(new IdentityProviderError('identity provider at http://k refused the client titipan-user-admin (HTTP 401): …', 401, {})),
    ).toBe('USER_ADMIN_REFUSED');
    expect(judge(new IdentityProviderError('identity provider: POST /users answered 403 ', 403, {}))).toBe('USER_ADMIN_REFUSED');
  });

  it('leaves other errors alone (a 500 with the details in the log)', () => {
    expect(judge(new IdentityProviderError('identity provider: PUT /users/x answered 400 {"error":"odd"}', 400, {}))).toBeUndefined();
    expect(judge(new Error('boom'))).toBeUndefined();
  });

  it('names the missing settings', () => {
    expect(userAdminNotConfigured(['OIDC_ISSUER'])).toMatchObject({
      code: 'USER_ADMIN_NOT_CONFIGURED',
      message: 'user administration is not set up in catalog: set OIDC_ISSUER',
    });
  });
});
