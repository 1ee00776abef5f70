import {
  DATABASE_ROLES,
  migrateAsOwner,
  ownerRoleOf,
  ownerSettings,
  provisionDatabase,
  provisionTopics,
  roleOf,
  SERVICES,
} from '@titipan/platform';
import { CATALOG_MIGRATIONS } from '../apps/catalog/src/database/migrations';
import { CONSIGNMENT_MIGRATIONS } from '../apps/consignment/src/database/migrations';
import { NOTIFICATION_MIGRATIONS } from '../apps/notification/src/database/migrations';
import { REPORTING_MIGRATIONS } from '../apps/reporting/src/database/migrations';
import { dbPassword } from './db-passwords';
import { kafkaAs } from './kafka-credentials';
import { LOCAL, localDatabaseHost } from './local-settings';

const MIGRATIONS = {
  catalog: CATALOG_MIGRATIONS,
  consignment: CONSIGNMENT_MIGRATIONS,
  reporting: REPORTING_MIGRATIONS,
  notification: NOTIFICATION_MIGRATIONS,
};

/**
 * Prepares the local database (roles with their passwords, schemas, grants), applies every service's migrations
 * as the owner of its schema, and creates the Kafka topics (with the configured replication) and the principals'
 * rights on them, as Kafka's admin principal. Safe to run again.
 */
async function main(): Promise<void> {
  await provisionDatabase({ adminUrl: LOCAL.adminUrl, database: LOCAL.database, passwordOf: dbPassword });
  console.error(`database ${LOCAL.database}: roles ${DATABASE_ROLES.join(', ')}; one schema per service, owned by its owner role`);
  const { DB_HOST, DB_PORT } = localDatabaseHost();
  for (const service of SERVICES) {
    const database = {
      DB_HOST,
      DB_PORT: Number(DB_PORT),
      DB_NAME: LOCAL.database,
      DB_USER: roleOf(service),
      DB_PASSWORD: '',
      DB_POOL_SIZE: 1,
    };
    const owner = { DB_OWNER_USER: ownerRoleOf(service), DB_OWNER_PASSWORD: dbPassword(ownerRoleOf(service)) };
    const applied = await migrateAsOwner(ownerSettings({ ...database, ...owner }), {
      service,
      schema: service,
      migrations: MIGRATIONS[service],
    });
    console.error(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`);
  }
  const created = await provisionTopics(kafkaAs('admin', 'titipan-setup', LOCAL.brokers.split(',')), {
    prefix: LOCAL.topicPrefix,
    replicationFactor: LOCAL.replicationFactor,
    minInsyncReplicas: LOCAL.minInsyncReplicas,
  });
  console.error(created.length ? `topics created: ${created.join(', ')}` : 'topics already provisioned');
  console.error(`topic rights granted to the Kafka principals of prefix '${LOCAL.topicPrefix}'`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
