import 'tsconfig-paths/register'; // global setup runs outside jest's module mapping
import { Client } from 'pg';
import { startDevIssuer, type RunningDevIssuer } from '../../tools/dev-issuer';
import { kafkaAs } from '../../tools/kafka-credentials';
import { ADMIN_URL, BROKERS } from './test-settings';

/**
 * Names this run, publishes the development issuer's JWKS (the services of every test verify the tests' tokens
 * against it, as they verify the identity provider's), and fails early and clearly when Postgres or Kafka is not there.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TITIPAN_TEST_RUN ??= `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  // the test workers start after this and inherit the environment; teardown closes the server
  const issuer = await startDevIssuer();
  (globalThis as { devIssuer?: RunningDevIssuer }).devIssuer = issuer;
  process.env.DEV_JWKS_URL = issuer.jwksUrl;
  const pg = new Client({ connectionString: ADMIN_URL });
  await pg.connect().catch((e) => {
    throw new Error(`Postgres is not reachable at ${ADMIN_URL}: ${e.message}`);
  });
  await pg.end();
  const admin = kafkaAs('admin', 'titipan-test-setup', BROKERS).admin();
  await admin.connect().catch((e) => {
    throw new Error(`Kafka is not reachable at ${BROKERS.join(',')} (npm test starts it): ${e.message}`);
  });
  await admin.disconnect();
}
