import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  DEV_TOKEN_ALGORITHM,
  DEV_TOKEN_ISSUER,
  mintToken,
  SERVICES,
  type DevSigningKey,
  type MintOptions,
  type ServiceName,
} from '@titipan/platform';
import { LOCAL } from '../../tools/local-settings';

type Role = MintOptions['role'];

/** The Authorization header of an actor for one service (a token works on the service it names only), signed with the development issuer's key the test services trust. */
export const bearer = (service: ServiceName, role: Role, scope?: string): string =>
  `Bearer ${mintToken(LOCAL.signingKey, { service, role, scope })}`;

/** One actor's headers for every service: `admin.catalog`, `admin.consignment`, `admin.reporting`. */
export const bearers = (role: Role, scope?: string): Record<ServiceName, string> =>
  Object.fromEntries(SERVICES.map((service) => [service, bearer(service, role, scope)])) as Record<ServiceName, string>;

/** A key pair nobody publishes, under the development key's id: what a forger holds. */
export const foreignKey = (): DevSigningKey => ({
  kid: LOCAL.signingKey.kid,
  privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
});

/** A development-issuer token with exactly these claims (no defaults), signed with the development key or `key`. */
export function signedToken(claims: Record<string, unknown>, key: DevSigningKey = LOCAL.signingKey): string {
  return new JwtService({}).sign(
    { iss: DEV_TOKEN_ISSUER, ...claims },
    { algorithm: DEV_TOKEN_ALGORITHM, keyid: key.kid, privateKey: key.privateKey as unknown as string },
  );
}

/** An unsigned token (`alg: none`) with these claims. */
export const unsignedToken = (claims: Record<string, unknown>): string =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: DEV_TOKEN_ISSUER, ...claims })).toString('base64url')}.`;
