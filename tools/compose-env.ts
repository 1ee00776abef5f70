import { randomBytes } from 'node:crypto';
import { DATABASE_ROLES } from '@titipan/platform';
import { passwordVariable } from './db-passwords';

/**
 * Prints what docker-compose.yml requires, each a fresh random value: the JWT secret, the Postgres superuser's
 * password and every service role's password. Once, before the first `docker compose up`:
 *   npm run -s compose:env > .env && chmod 600 .env
 */
const random = () => randomBytes(32).toString('base64url'); // URL-safe: the setup service puts a password in a URL
const variables = ['JWT_SECRET', 'POSTGRES_PASSWORD', ...DATABASE_ROLES.map(passwordVariable)];
process.stdout.write(variables.map((name) => `${name}=${random()}\n`).join(''));
