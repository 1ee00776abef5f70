import { DomainError } from '@titipan/kernel';
import { JwtService, type JwtSignOptions } from '@nestjs/jwt';
import type { ActorRole } from '@titipan/contracts';
import type { ServiceName } from '../database/service-identity';
import { audienceOf, tokenRefusal, type TokenTimes } from './token-rules';
import { actorFromClaims, TOKEN_ISSUER } from './tokens';

export interface MintOptions {
  /** The one service the token is for (its audience); it works on no other. */
  service: ServiceName;
  role: ActorRole;
  scope?: string | null;
  sub?: string;
  name?: string;
  /** Lifetime, e.g. "8h" or seconds; at most 12 h. */
  expiresIn?: string | number;
}

/** Signs a token for any actor and one service; used by the dev token script, the demo, the tools and the tests. */
export function mintToken(secret: string, options: MintOptions): string {
  const sub = options.sub ?? `${options.role}${options.scope ? `@${options.scope}` : ''}`;
  actorFromClaims({ sub, role: options.role, scope: options.scope }); // refuse nonsense before signing
  const jwt = new JwtService({ secret });
  const token = jwt.sign(
    { role: options.role, scope: options.scope ?? null, name: options.name ?? sub },
    {
      subject: sub,
      issuer: TOKEN_ISSUER,
      audience: audienceOf(options.service),
      algorithm: 'HS256',
      expiresIn: (options.expiresIn ?? '8h') as JwtSignOptions['expiresIn'],
    },
  );
  // the services' own rules: a token they would refuse (a lifetime over 12 h) is not handed out
  const refusal = tokenRefusal({ claims: jwt.decode<TokenTimes>(token), audience: audienceOf(options.service), now: Date.now() / 1000 });
  if (refusal) throw new DomainError('validation', refusal.code, refusal.message, refusal.details);
  return token;
}
