import { randomBytes } from 'node:crypto';
import { DATABASE_ROLES, KAFKA_PRINCIPALS } from '@titipan/platform';
import { passwordVariable } from './db-passwords';
import { kafkaPasswordVariable } from './kafka-credentials';

/**
 * Prints what docker-compose.yml requires: where browsers reach the identity provider and the console, and each
 * secret a fresh random value (the Postgres superuser's password, every service role's password, every Kafka principal's password, the identity
 * provider's database password, bootstrap admin and user-admin client secrets). Once, before the first `docker compose up`:
 *   npm run -s compose:env > .env && chmod 600 .env
 */
const random = () => randomBytes(32).toString('base64url'); // URL-safe: the setup service puts a password in a URL
const secrets = [
  'POSTGRES_PASSWORD',
  ...DATABASE_ROLES.map(passwordVariable),
  ...KAFKA_PRINCIPALS.map(kafkaPasswordVariable),
  'KEYCLOAK_DB_PASSWORD',
  'KEYCLOAK_BOOTSTRAP_CLIENT_SECRET',
  'KEYCLOAK_USER_ADMIN_SECRET',
];
const addresses = { KEYCLOAK_PUBLIC_URL: 'http://localhost:8080', CONSOLE_REDIRECT_URIS: 'http://localhost:5173/*' };
process.stdout.write(
  [...Object.entries(addresses), ...secrets.map((name) => [name, random()])].map(([name, value]) => `${name}=${value}\n`).join(''),
);
