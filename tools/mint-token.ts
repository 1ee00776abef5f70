import { parseArgs } from 'node:util';
import { ACTOR_ROLES, type ActorRole } from '@titipan/contracts';
import { DEV_JWT_SECRET, mintToken } from '@titipan/platform';

/**
 * Prints a bearer token for any actor, signed with JWT_SECRET (or the development default).
 *   npm run token -- --role upt --scope LP-TGR-1
 *   npm run token -- --role admin --sub ops@ditjenpas --ttl 1h
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    scope: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});

if (!values.role || !ACTOR_ROLES.includes(values.role as ActorRole)) {
  console.error(
    `usage: npm run token -- --role <${ACTOR_ROLES.filter((r) => r !== 'system').join('|')}> [--scope CODE] [--sub ID] [--ttl 8h]`,
  );
  process.exit(2);
}
try {
  process.stdout.write(
    `${mintToken(process.env.JWT_SECRET ?? DEV_JWT_SECRET, {
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
