import { randomBytes } from 'node:crypto';
import {
  dataSourceOptions,
  deleteTopics,
  dropDatabase,
  loadConfig,
  migrateAsOwner,
  ownerSettings,
  PlatformConfig,
  provisionDatabase,
  provisionTopics,
  type KafkaPrincipal,
  type MigrationClass,
  type ServiceName,
} from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dbPassword } from '../../tools/db-passwords';
import { kafkaAs } from '../../tools/kafka-credentials';
import { serviceEnv } from '../../tools/local-settings';
import { ADMIN_URL, BROKERS, databasePrefix, topicPrefix } from './test-settings';

/**
 * A database and a set of topics of its own for one test file: provisioned exactly as in production
 * (schemas, per-service owner and runtime roles with the local stack's passwords), dropped afterwards.
 */
export class TestEnvironment {
  readonly kafka: Kafka;
  private readonly dataSources: DataSource[] = [];

  private constructor(
    readonly database: string,
    readonly topicPrefix: string,
    readonly brokers: string[],
  ) {
    // the test's own hands (provisioning, probes, in-process components): the admin principal; service processes get their own
    this.kafka = kafkaAs('admin', `titipan-test-${database}`, brokers);
  }

  /**
   * `brokers` points a test at a broker of its own (fault tests stop and start it); `replication` at a cluster's
   * replication (3 copies, 2 in sync) instead of the single node's.
   */
  static async create(
    partitions = 3,
    brokers: string[] = BROKERS,
    replication: { replicationFactor: number; minInsyncReplicas: number } = { replicationFactor: 1, minInsyncReplicas: 1 },
  ): Promise<TestEnvironment> {
    const id = randomBytes(3).toString('hex');
    const env = new TestEnvironment(`${databasePrefix()}${id}`, `${topicPrefix()}${id}.`, brokers);
    await provisionDatabase({ adminUrl: ADMIN_URL, database: env.database, passwordOf: dbPassword });
    await provisionTopics(env.kafka, { prefix: env.topicPrefix, partitions, ...replication });
    return env;
  }

  /** A client of this test's broker logged in as one principal (what a service or the tools would be). */
  kafkaAs(principal: KafkaPrincipal, clientId = `titipan-test-${principal}`): Kafka {
    return kafkaAs(principal, clientId, this.brokers);
  }

  /** The environment a service process (or an in-process component) of this test gets. */
  env(service: ServiceName, port?: number): Record<string, string> {
    return {
      ...serviceEnv(service, { database: this.database, topicPrefix: this.topicPrefix, port: port ?? 1, brokers: this.brokers.join(',') }),
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      OUTBOX_POLL_MS: '200',
    };
  }

  config(service: ServiceName): PlatformConfig {
    return loadConfig(PlatformConfig, this.env(service));
  }

  /** A DataSource logged in as the service's runtime role, after the platform's and the given migrations were applied as its schema's owner. */
  async dataSource(service: ServiceName, migrations: MigrationClass[] = []): Promise<DataSource> {
    const config = this.config(service);
    const parts = { service, schema: service, migrations };
    await migrateAsOwner(ownerSettings(config), parts);
    const ds = new DataSource(dataSourceOptions(config, parts));
    this.dataSources.push(ds);
    await ds.initialize();
    return ds;
  }

  /** Runs SQL logged in as the owner of the service's schema: what the runtime role may not do (ANALYZE, for one). */
  async queryAsOwner(service: ServiceName, sql: string): Promise<void> {
    const config = this.config(service);
    const owner = new Client({
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_OWNER_USER,
      password: config.DB_OWNER_PASSWORD,
    });
    await owner.connect();
    try {
      await owner.query(sql);
    } finally {
      await owner.end();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.dataSources.map((ds) => ds.destroy().catch(() => undefined)));
    await dropDatabase(ADMIN_URL, this.database);
    await deleteTopics(this.kafka, this.topicPrefix);
  }
}
