import { firstRefusal } from '@titipan/kernel';
import {
  CLOCK_SKEW_SECONDS,
  expiryStated,
  issueTimeStated,
  lifetimeBounded,
  MAX_TOKEN_LIFETIME_SECONDS,
  namesThisService,
  notExpired,
  notIssuedAhead,
  TOKEN_RULES,
  tokenRefusal,
  type TokenCheck,
} from './token-rules';

const now = 1_800_000_000;
const hour = 3600;
const audience = 'titipan-consignment';
/** An acceptable token's check: issued now for 8 h, for consignment. */
const check = (claims: TokenCheck['claims'] = {}): TokenCheck => ({
  claims: { iat: now, exp: now + 8 * hour, aud: audience, ...claims },
  audience,
  now,
});
const codeOf = (c: TokenCheck) => tokenRefusal(c)?.code ?? 'accepted';

describe('token rules', () => {
  it('accepts a token for this service within its lifetime, at the edges included', () => {
    expect(codeOf(check())).toBe('accepted');
    expect(codeOf(check({ exp: now + MAX_TOKEN_LIFETIME_SECONDS }))).toBe('accepted');
    expect(codeOf(check({ iat: now + CLOCK_SKEW_SECONDS, nbf: now + CLOCK_SKEW_SECONDS }))).toBe('accepted');
    expect(codeOf(check({ aud: [audience] }))).toBe('accepted');
    // the provider's tokens name every service: one sign-in serves the console's calls to each
    expect(codeOf(check({ aud: ['titipan-catalog', audience, 'titipan-reporting'] }))).toBe('accepted');
  });

  it('TOKEN_EXPIRY_MISSING: a token without exp, or with one that is not a time', () => {
    expect(expiryStated(check({ exp: undefined }))).toMatchObject({ code: 'TOKEN_EXPIRY_MISSING' });
    expect(expiryStated(check({ exp: '2099-01-01' }))).toMatchObject({ code: 'TOKEN_EXPIRY_MISSING' });
    expect(expiryStated(check())).toBeUndefined();
  });

  it('TOKEN_ISSUE_TIME_MISSING: a token without iat', () => {
    expect(issueTimeStated(check({ iat: undefined }))).toMatchObject({ code: 'TOKEN_ISSUE_TIME_MISSING' });
    expect(issueTimeStated(check())).toBeUndefined();
  });

  it('TOKEN_AUDIENCE_MISMATCH: a token for other services, or for none', () => {
    expect(namesThisService(check({ aud: 'titipan-catalog' }))).toEqual({
      code: 'TOKEN_AUDIENCE_MISMATCH',
      message: 'token is not for this service: its audience (aud) must name "titipan-consignment"',
      details: { expected: audience, got: 'titipan-catalog' },
    });
    expect(namesThisService(check({ aud: ['titipan-catalog', 'titipan-reporting'] }))).toMatchObject({
      code: 'TOKEN_AUDIENCE_MISMATCH',
    });
    expect(namesThisService(check({ aud: undefined }))).toMatchObject({ code: 'TOKEN_AUDIENCE_MISMATCH', details: { got: null } });
    expect(namesThisService(check())).toBeUndefined();
  });

  it('TOKEN_NOT_YET_VALID: iat or nbf more than the clock skew ahead, with the figures', () => {
    const yearAhead = now + 365 * 24 * hour;
    expect(notIssuedAhead(check({ iat: yearAhead, exp: yearAhead + 8 * hour }))).toEqual({
      code: 'TOKEN_NOT_YET_VALID',
      message: `token's iat is 31536000 s ahead of this clock (at most 60 s allowed)`,
      details: { claim: 'iat', secondsAhead: 31536000, allowedSkew: 60 },
    });
    expect(notIssuedAhead(check({ nbf: now + CLOCK_SKEW_SECONDS + 1 }))).toMatchObject({ details: { claim: 'nbf', secondsAhead: 61 } });
    expect(notIssuedAhead(check({ nbf: 'tomorrow' }))).toMatchObject({ code: 'TOKEN_NOT_YET_VALID', details: { claim: 'nbf' } });
    expect(notIssuedAhead(check({ nbf: now }))).toBeUndefined();
  });

  it('TOKEN_EXPIRED: exp reached', () => {
    expect(notExpired(check({ iat: now - 9 * hour, exp: now }))).toMatchObject({ code: 'TOKEN_EXPIRED', details: { expiredAt: now } });
    expect(notExpired(check({ exp: now + 1 }))).toBeUndefined();
  });

  it('TOKEN_LIFETIME_TOO_LONG: more than 12 h from its issue, or from now', () => {
    const hundredYears = check({ exp: now + 100 * 365 * 24 * hour });
    expect(lifetimeBounded(hundredYears)).toEqual({
      code: 'TOKEN_LIFETIME_TOO_LONG',
      message: 'token lives 3153600000 s; at most 43200 s (12 h) are accepted',
      details: { lifetimeSeconds: 3153600000, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS },
    });
    // issued long ago, so exp - now is short, but it was minted to live 13 h
    expect(lifetimeBounded(check({ iat: now - 12 * hour, exp: now + hour }))).toMatchObject({ details: { lifetimeSeconds: 13 * hour } });
    // an iat back-dated to pass the first bound still fails the second: exp is more than 12 h from now
    expect(lifetimeBounded(check({ iat: now + 12 * hour, exp: now + 13 * hour }))).toMatchObject({ code: 'TOKEN_LIFETIME_TOO_LONG' });
    expect(lifetimeBounded(check({ exp: now + 12 * hour }))).toBeUndefined();
  });

  it('judges in order: times stated, audience, issue ahead, expiry, lifetime', () => {
    expect(TOKEN_RULES.map((r) => r.name)).toEqual([
      'expiryStated',
      'issueTimeStated',
      'namesThisService',
      'notIssuedAhead',
      'notExpired',
      'lifetimeBounded',
    ]);
    // a year ahead is also more than 12 h from now: refused as not yet valid, the first rule it breaks
    expect(firstRefusal(TOKEN_RULES, check({ iat: now + 365 * 24 * hour, exp: now + 365 * 24 * hour + hour }))?.code).toBe(
      'TOKEN_NOT_YET_VALID',
    );
    expect(codeOf(check({ exp: undefined, aud: 'titipan-catalog' }))).toBe('TOKEN_EXPIRY_MISSING');
  });
});
