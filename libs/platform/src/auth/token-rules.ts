import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import { SERVICES, type ServiceName } from '../database/service-identity';

/** The longest a token may live: from its issue, and from now. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far ahead of this clock an issuer's clock may be (iat, nbf). */
export const CLOCK_SKEW_SECONDS = 60;

/** The audience (aud) that names one service in a token. */
export const audienceOf = (service: ServiceName) => `titipan-${service}`;
export const TOKEN_AUDIENCES: readonly string[] = SERVICES.map(audienceOf);

/** The time and audience claims of a token whose signature and issuer were verified. */
export interface TokenTimes {
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
  aud?: unknown;
}

export interface TokenCheck {
  claims: TokenTimes;
  /** The service checking the token: its audience must be named. */
  audience: string;
  /** Seconds since the epoch. */
  now: number;
}

export type TokenRefusalCode =
  | 'TOKEN_EXPIRY_MISSING'
  | 'TOKEN_ISSUE_TIME_MISSING'
  | 'TOKEN_AUDIENCE_MISMATCH'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_LIFETIME_TOO_LONG';
type TokenRule = Rule<TokenCheck, TokenRefusalCode>;

const seconds = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const expiryStated: TokenRule = ({ claims }) =>
  seconds(claims.exp) === undefined ? { code: 'TOKEN_EXPIRY_MISSING', message: 'token has no expiry time (exp)' } : undefined;

export const issueTimeStated: TokenRule = ({ claims }) =>
  seconds(claims.iat) === undefined ? { code: 'TOKEN_ISSUE_TIME_MISSING', message: 'token has no issue time (iat)' } : undefined;

/**
 * This service must be among those the token names. The provider's tokens name the three services (one sign-in
 * serves the console's calls to each); a development token names one, and works on no other.
 */
export const namesThisService: TokenRule = ({ claims, audience }) => {
  const named: unknown[] = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (named.includes(audience)) return undefined;
  return {
    code: 'TOKEN_AUDIENCE_MISMATCH',
    message: `token is not for this service: its audience (aud) must name "${audience}"`,
    details: { expected: audience, got: claims.aud ?? null },
  };
};

export const notIssuedAhead: TokenRule = ({ claims, now }) => {
  for (const claim of ['iat', 'nbf'] as const) {
    const at = seconds(claims[claim]);
    if (claims[claim] !== undefined && at === undefined) {
      return { code: 'TOKEN_NOT_YET_VALID', message: `token's ${claim} is not a time`, details: { claim } };
    }
    if (at !== undefined && at > now + CLOCK_SKEW_SECONDS) {
      return {
        code: 'TOKEN_NOT_YET_VALID',
        message: `token's ${claim} is ${Math.round(at - now)} s ahead of this clock (at most ${CLOCK_SKEW_SECONDS} s allowed)`,
        details: { claim, secondsAhead: Math.round(at - now), allowedSkew: CLOCK_SKEW_SECONDS },
      };
    }
  }
  return undefined;
};

export const notExpired: TokenRule = ({ claims, now }) =>
  now >= (claims.exp as number) ? { code: 'TOKEN_EXPIRED', message: 'token has expired', details: { expiredAt: claims.exp } } : undefined;

export const lifetimeBounded: TokenRule = ({ claims, now }) => {
  const exp = claims.exp as number;
  const lifetime = Math.max(exp - (claims.iat as number), exp - now);
  if (lifetime <= MAX_TOKEN_LIFETIME_SECONDS) return undefined;
  return {
    code: 'TOKEN_LIFETIME_TOO_LONG',
    message: `token lives ${Math.round(lifetime)} s; at most ${MAX_TOKEN_LIFETIME_SECONDS} s (12 h) are accepted`,
    details: { lifetimeSeconds: Math.round(lifetime), maxSeconds: MAX_TOKEN_LIFETIME_SECONDS },
  };
};

/** In order: the times must be stated before they are compared. */
export const TOKEN_RULES: readonly TokenRule[] = [
  expiryStated,
  issueTimeStated,
  namesThisService,
  notIssuedAhead,
  notExpired,
  lifetimeBounded,
];

/** Why a verified token may not be used on this service now, or nothing. */
export const tokenRefusal = (check: TokenCheck): Refusal<TokenRefusalCode> | undefined => firstRefusal(TOKEN_RULES, check);
