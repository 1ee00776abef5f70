import 'tsconfig-paths/register'; // global setup runs outside jest's module mapping
import { deleteTopics, dropDatabase } from '@titipan/platform';
import { Client } from 'pg';
import type { RunningDevIssuer } from '../../tools/dev-issuer';
import { kafkaAs } from '../../tools/kafka-credentials';
import { ADMIN_URL, BROKERS, databasePrefix, topicPrefix } from './test-settings';

/** Drops every database and topic this run created, even those of a test file that crashed. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { devIssuer?: RunningDevIssuer }).devIssuer?.close();
  const pg = new Client({ connectionString: ADMIN_URL });
  await pg.connect();
  const { rows } = await pg.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${databasePrefix()}%`]);
  await pg.end();
  for (const { datname } of rows) await dropDatabase(ADMIN_URL, datname);
  await deleteTopics(kafkaAs('admin', 'titipan-test-teardown', BROKERS), topicPrefix());
}
