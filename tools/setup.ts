import { createKafka, provisionDatabase, provisionTopics } from '@titipan/platform';
import { LOCAL } from './local-settings';

/** Prepares the local database (schemas, per-service roles) and the Kafka topics. Safe to run again. */
async function main(): Promise<void> {
  await provisionDatabase({ adminUrl: LOCAL.adminUrl, database: LOCAL.database });
  console.error(`database ${LOCAL.database}: schemas catalog, consignment, reporting with one role each`);
  const created = await provisionTopics(createKafka('titipan-setup', LOCAL.brokers.split(',')), { prefix: LOCAL.topicPrefix });
  console.error(created.length ? `topics created: ${created.join(', ')}` : 'topics already provisioned');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
