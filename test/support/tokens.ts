import { mintToken, SERVICES, type MintOptions, type ServiceName } from '@titipan/platform';
import { LOCAL } from '../../tools/local-settings';

type Role = MintOptions['role'];

/** The Authorization header of an actor for one service (a token works on the service it names only), signed with the secret the test services verify. */
export const bearer = (service: ServiceName, role: Role, scope?: string): string =>
  `Bearer ${mintToken(LOCAL.jwtSecret, { service, role, scope })}`;

/** One actor's headers for every service: `admin.catalog`, `admin.consignment`, `admin.reporting`. */
export const bearers = (role: Role, scope?: string): Record<ServiceName, string> =>
  Object.fromEntries(SERVICES.map((service) => [service, bearer(service, role, scope)])) as Record<ServiceName, string>;
