import { DomainError } from '@titipan/kernel';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Only signatures made with a private key: a shared secret (HS*) would let every holder mint tokens, and `none`
 * is no signature at all.
 */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** An issuer whose tokens a service accepts, and where its public keys are published. */
export interface TrustedIssuer {
  issuer: string;
  jwksUrl: string;
}

export interface KeySetCaching {
  /** How long a fetched key set is used before it is fetched again. */
  maxAgeSeconds: number;
  /** The least time between two fetches, also when a token names a key the set lacks (a rotated key). */
  cooldownSeconds: number;
}

/** What the token's own times say: jose checks exp and nbf; these say which check refused it. */
export type TokenTimeRefusal = 'TOKEN_EXPIRED' | 'TOKEN_NOT_YET_VALID';

/**
 * Verifies a bearer token's signature against the key set its issuer publishes (JWKS), for the issuers configured.
 * Keys are cached; a token signed with a key not in the cached set fetches the set again (at most once per
 * cooldown), so a provider's rotated key is picked up without a restart, and the old key keeps verifying for as
 * long as the provider still publishes it.
 */
export class TokenVerifier {
  private readonly keySets: ReadonlyMap<string, JWTVerifyGetKey>;

  constructor(
    issuers: readonly TrustedIssuer[],
    caching: KeySetCaching,
    private readonly clockToleranceSeconds: number,
  ) {
    this.keySets = new Map(
      issuers.map(({ issuer, jwksUrl }) => [
        issuer,
        createRemoteJWKSet(new URL(jwksUrl), {
          cacheMaxAge: caching.maxAgeSeconds * 1000,
          cooldownDuration: caching.cooldownSeconds * 1000,
          timeoutDuration: 5000,
        }),
      ]),
    );
  }

  get issuers(): string[] {
    return [...this.keySets.keys()];
  }

  /** The claims of a token signed by a trusted issuer's published key; a 401 DomainError saying why otherwise. */
  async verify(token: string): Promise<JWTPayload> {
    const keys = this.keySets.get(this.unverifiedIssuer(token));
    if (!keys) throw invalid(`its issuer is not one this service trusts (${this.issuers.join(', ') || 'none configured'})`);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.unverifiedIssuer(token),
        algorithms: ASYMMETRIC_ALGORITHMS,
        clockTolerance: this.clockToleranceSeconds,
      });
      return payload;
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /** Only to choose the key set: the issuer is then verified with the signature. */
  private unverifiedIssuer(token: string): string {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch (error) {
      throw invalid(`it is not a JWT (${(error as Error).message})`);
    }
    if (typeof iss !== 'string') throw invalid('it names no issuer (iss)');
    return iss;
  }
}

const invalid = (why: string, details?: Record<string, unknown>) =>
  new DomainError('unauthenticated', 'TOKEN_INVALID', `token rejected: ${why}`, details);

function refusalOf(error: unknown): DomainError {
  if (error instanceof errors.JWTExpired) return new DomainError('unauthenticated', 'TOKEN_EXPIRED', 'token has expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return new DomainError('unauthenticated', 'TOKEN_NOT_YET_VALID', 'token is not valid yet (nbf)');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid(`its algorithm is not accepted; only ${ASYMMETRIC_ALGORITHMS.join(', ')}`);
  if (error instanceof errors.JWKSNoMatchingKey) return invalid('it is signed by a key its issuer does not publish');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('its signature does not verify');
  if (error instanceof errors.JWKSTimeout || (error instanceof errors.JOSEError && error.code === 'ERR_JWKS_INVALID')) {
    return new DomainError(
      'unavailable',
      'TOKEN_KEYS_UNAVAILABLE',
      `the issuer's signing keys could not be read: ${(error as Error).message}`,
    );
  }
  if (error instanceof errors.JOSEError) return invalid((error as Error).message);
  // a failed fetch of the key set (provider down): not the caller's fault
  return new DomainError(
    'unavailable',
    'TOKEN_KEYS_UNAVAILABLE',
    `the issuer's signing keys could not be read: ${(error as Error).message}`,
  );
}
