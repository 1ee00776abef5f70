import type { KeyObject } from 'node:crypto';
import { DomainError } from '@titipan/kernel';
import { JwtService, type JwtSignOptions } from '@nestjs/jwt';
import type { ActorRole } from '@titipan/contracts';
import { DEV_TOKEN_ISSUER } from '../config/platform-config';
import type { ServiceName } from '../database/service-identity';
import { audienceOf, tokenRefusal, type TokenTimes } from './token-rules';
import { actorFromClaims, ROLE_CLAIM, SCOPE_CLAIM, USERNAME_CLAIM } from './tokens';

/** The development issuer's private key; its public half is published as the development JWKS. */
export interface DevSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** The algorithm of development tokens: asymmetric, as the services accept no other. */
export const DEV_TOKEN_ALGORITHM = 'ES256';

export interface MintOptions {
  /** The one service the token is for (its audience); it works on no other. */
  service: ServiceName;
  role: ActorRole;
  scope?: string | null;
  sub?: string;
  /** The username recorded as who acted; the subject when not given. */
  name?: string;
  /** Lifetime, e.g. "8h" or seconds; at most 12 h. */
  expiresIn?: string | number;
}

/**
 * Signs a development token for any actor and one service, with the development issuer's key: used by the dev
 * token script, the demo, the tools and the tests. Services accept it only with NODE_ENV=development or test.
 */
export function mintToken(key: DevSigningKey, options: MintOptions): string {
  const sub = options.sub ?? `${options.role}${options.scope ? `@${options.scope}` : ''}`;
  actorFromClaims({ sub, role: options.role, [SCOPE_CLAIM]: options.scope }); // refuse nonsense before signing
  const jwt = new JwtService({});
  const token = jwt.sign(
    { [ROLE_CLAIM]: options.role, [SCOPE_CLAIM]: options.scope ?? null, [USERNAME_CLAIM]: options.name ?? sub },
    {
      subject: sub,
      issuer: DEV_TOKEN_ISSUER,
      audience: audienceOf(options.service),
      algorithm: DEV_TOKEN_ALGORITHM,
      keyid: key.kid,
      privateKey: key.privateKey as unknown as string,
      expiresIn: (options.expiresIn ?? '8h') as JwtSignOptions['expiresIn'],
    },
  );
  // the services' own rules: a token they would refuse (a lifetime over 12 h) is not handed out
  const refusal = tokenRefusal({ claims: jwt.decode<TokenTimes>(token), audience: audienceOf(options.service), now: Date.now() / 1000 });
  if (refusal) throw new DomainError('validation', refusal.code, refusal.message, refusal.details);
  return token;
}
