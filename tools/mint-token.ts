import { parseArgs } from 'node:util';
import { ACTOR_ROLES, type ActorRole } from '@titipan/contracts';
import { mintToken, SERVICES, type ServiceName } from '@titipan/platform';
import { LOCAL } from './local-settings';

/**
 * Prints a bearer token for any actor and one service (a token works on the service it names only), signed
 * with JWT_SECRET (or the development default, which only services started with NODE_ENV=development or test accept).
 *   npm run token -- --service consignment --role venue --scope IMI-TGR-LOUNGE
 *   npm run token -- --service catalog --role admin --sub ops@ditjenpas --ttl 1h
 */
const { values } = parseArgs({
  options: {
    service: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});

if (!values.role || !ACTOR_ROLES.includes(values.role as ActorRole) || !SERVICES.includes(values.service as ServiceName)) {
  console.error(
    `usage: npm run token -- --service <${SERVICES.join('|')}> --role <${ACTOR_ROLES.filter((r) => r !== 'system').join('|')}> [--scope CODE] [--sub ID] [--ttl 8h, at most 12h]`,
  );
  process.exit(2);
}
try {
  process.stdout.write(
    `${mintToken(LOCAL.jwtSecret, {
      service: values.service as ServiceName,
      role: values.role as ActorRole,
      scope: values.scope,
      sub: values.sub,
      name: values.name,
      expiresIn: values.ttl,
    })}\n`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
