import 'tsconfig-paths/register'; // global setup runs outside jest's module mapping
import { createKafka } from '@titipan/platform';
import { Client } from 'pg';
import { ADMIN_URL, BROKERS } from './test-settings';

/** Names this run, and fails early and clearly when Postgres or Kafka is not there. */
export default async function globalSetup(): Promise<void> {
  process.env.TITIPAN_TEST_RUN ??= `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const pg = new Client({ connectionString: ADMIN_URL });
  await pg.connect().catch((e) => {
    throw new Error(`Postgres is not reachable at ${ADMIN_URL}: ${e.message}`);
  });
  await pg.end();
  const admin = createKafka('titipan-test-setup', BROKERS).admin();
  await admin.connect().catch((e) => {
    throw new Error(`Kafka is not reachable at ${BROKERS.join(',')} (npm test starts it): ${e.message}`);
  });
  await admin.disconnect();
}
