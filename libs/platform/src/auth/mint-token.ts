import { JwtService, type JwtSignOptions } from '@nestjs/jwt';
import type { ActorRole } from '@titipan/contracts';
import { actorFromClaims, TOKEN_ISSUER } from './tokens';

export interface MintOptions {
  role: ActorRole;
  scope?: string | null;
  sub?: string;
  name?: string;
  /** Lifetime, e.g. "8h" or seconds. */
  expiresIn?: string | number;
}

/** Signs a token for any actor; used by the dev token script, the demo and the tests. */
export function mintToken(secret: string, options: MintOptions): string {
  const sub = options.sub ?? `${options.role}${options.scope ? `@${options.scope}` : ''}`;
  actorFromClaims({ sub, role: options.role, scope: options.scope }); // refuse nonsense before signing
  return new JwtService({ secret }).sign(
    { role: options.role, scope: options.scope ?? null, name: options.name ?? sub },
    { subject: sub, issuer: TOKEN_ISSUER, algorithm: 'HS256', expiresIn: (options.expiresIn ?? '8h') as JwtSignOptions['expiresIn'] },
  );
}
