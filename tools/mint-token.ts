import { parseArgs } from 'node:util';
import { ACTOR_ROLES, type ActorRole } from '@titipan/contracts';
import { mintToken, SERVICES, type ServiceName } from '@titipan/platform';
import { LOCAL } from './local-settings';

/**
 * Development only: prints a bearer token for any actor and one service (a token works on the service it names only),
 * signed with the development issuer's key, which only services started with NODE_ENV=development or test accept.
 * People sign in at the identity provider; this is for a developer's curl.
 *   npm run token -- --service consignment --role venue --scope IMI-TGR-LOUNGE
 *   npm run token -- --service catalog --role admin --sub ops@ditjenpas --ttl 1h
 */
// npm run token sets development when NODE_ENV is unset (as npm start does); a production machine sets production
if ((process.env.NODE_ENV ?? 'production') === 'production') {
  console.error(
    'npm run token is a development convenience and refuses to run when NODE_ENV is production (or unset). People sign in at the identity provider.',
  );
  process.exit(2);
}

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
    `${mintToken(LOCAL.signingKey, {
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
