import { randomBytes } from 'node:crypto';
import {
  createKafka,
  dataSourceOptions,
  deleteTopics,
  dropDatabase,
  loadConfig,
  migrateAsOwner,
  ownerSettings,
  PlatformConfig,
  provisionDatabase,
  provisionTopics,
  type MigrationClass,
  type ServiceName,
} from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dbPassword } from '../../tools/db-passwords';
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
    this.kafka = createKafka(`titipan-test-${database}`, brokers);
  }

  /** `brokers` points a test at a broker of its own (fault tests stop and start it). */
  static async create(partitions = 3, brokers: string[] = BROKERS): Promise<TestEnvironment> {
    const id = randomBytes(3).toString('hex');
    const env = new TestEnvironment(`${databasePrefix()}${id}`, `${topicPrefix()}${id}.`, brokers);
    await provisionDatabase({ adminUrl: ADMIN_URL, database: env.database, passwordOf: dbPassword });
    await provisionTopics(env.kafka, { prefix: env.topicPrefix, partitions });
    return env;
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
