import { Global, Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditStore, type AuditScopeResolver } from './audit/audit.store';
import { AuditTrail } from './audit/audit-trail';
import { AuthGuard } from './auth/auth.guard';
import { CLOCK_SKEW_SECONDS } from './auth/token-rules';
import { TokenVerifier } from './auth/token-verifier';
import { loadConfig } from './config/load-config';
import { PlatformConfig } from './config/platform-config';
import { EventTransport } from './consumer/event-transport';
import { InboxStore } from './consumer/inbox.store';
import { dataSourceOptions, guardPoolErrors, type MigrationClass } from './database/data-source-options';
import { DatabaseMigrator } from './database/database-migrator';
import { schemaOf, type ServiceName } from './database/service-identity';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { HealthStore } from './health/health.store';
import { HousekeepingHost } from './housekeeping/housekeeping-host';
import { CONSUMER_STATS, eventTransportStats } from './metrics/consumer-stats';
import { MetricsModule } from './metrics/metrics.module';
import { JobRunStore } from './scheduling/job-run.store';
import { RunOnce } from './scheduling/run-once';
import { ActorRateLimitGuard, AddressRateLimitGuard, rateLimitOptions } from './http/rate-limit';
import { createKafka } from './kafka/kafka-client';
import { loggerOptions } from './logging/logger-options';
import { OutboxRelay, relayOptions } from './outbox/outbox-relay';
import type { Kafka } from 'kafkajs';
import { OutboxStore } from './outbox/outbox.store';
import { RelayHost } from './outbox/relay-host';
import { UnitOfWork } from './outbox/unit-of-work';
import { brokerList, trustedIssuers } from './config/platform-config';
import { KAFKA, PLATFORM_CONFIG, SERVICE_NAME, TOKEN_VERIFIER } from './platform.tokens';

export interface ServiceDefinition {
  service: ServiceName;
  /** A subclass of PlatformConfig when the service has settings of its own. */
  configClass?: new () => PlatformConfig;
  migrations?: MigrationClass[];
  /** Places each audited entity in its organisations (venue, UPT, Kanwil), so readers see their scope's entries. */
  auditScopes: Type<AuditScopeResolver>;
}

/** Config is its own global module so TypeORM, JWT and the logger can be built from it. */
@Global()
@Module({})
class ConfigHolderModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: ConfigHolderModule,
      providers: [
        { provide: PLATFORM_CONFIG, useFactory: () => loadConfig(definition.configClass ?? PlatformConfig) },
        { provide: SERVICE_NAME, useValue: definition.service },
      ],
      exports: [PLATFORM_CONFIG, SERVICE_NAME],
    };
  }
}

/**
 * Everything a service stands on: config, its own DataSource and migrations, JSON logging, auth,
 * error shape, rate limits, outbox + relay, the audit trail's writing, inbox + consumers, health. Services import
 * this once in AppModule (and AuditModule for `GET /audit`).
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(definition: ServiceDefinition): DynamicModule {
    const schema = schemaOf(definition.service);
    return {
      module: PlatformModule,
      imports: [
        ConfigHolderModule.register(definition),
        LoggerModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => loggerOptions(config, definition.service),
        }),
        TypeOrmModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) =>
            dataSourceOptions(config, {
              service: definition.service,
              schema,
              migrations: definition.migrations,
            }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            const logger = new Logger('Database');
            guardPoolErrors(dataSource, (error) => logger.warn({ err: error }, 'database connection lost; the pool replaces it'));
            return dataSource;
          },
        }),
        ThrottlerModule.forRootAsync({ inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => rateLimitOptions(config) }),
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: TOKEN_VERIFIER,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) =>
            new TokenVerifier(
              trustedIssuers(config),
              { maxAgeSeconds: config.JWKS_CACHE_SECONDS, cooldownSeconds: config.JWKS_COOLDOWN_SECONDS },
              CLOCK_SKEW_SECONDS,
            ),
        },
        {
          provide: KAFKA,
          inject: [PLATFORM_CONFIG],
          useFactory: (c: PlatformConfig) => createKafka(`titipan-${definition.service}`, brokerList(c)),
        },
        { provide: OutboxStore, inject: [DataSource], useFactory: (ds: DataSource) => new OutboxStore(ds) },
        { provide: InboxStore, useValue: new InboxStore() },
        definition.auditScopes,
        {
          provide: AuditTrail,
          inject: [definition.auditScopes],
          useFactory: (scopes: AuditScopeResolver) => new AuditTrail(new AuditStore(), scopes),
        },
        {
          provide: UnitOfWork,
          inject: [DataSource, OutboxStore, AuditTrail],
          useFactory: (ds: DataSource, outbox: OutboxStore, audit: AuditTrail) => new UnitOfWork(ds, outbox, definition.service, audit),
        },
        {
          provide: OutboxRelay,
          inject: [OutboxStore, KAFKA, PLATFORM_CONFIG],
          useFactory: (store: OutboxStore, kafka: Kafka, config: PlatformConfig) =>
            new OutboxRelay(store, kafka, relayOptions(config, definition.service)),
        },
        {
          provide: DatabaseMigrator,
          inject: [DataSource, PLATFORM_CONFIG],
          useFactory: (ds: DataSource, config: PlatformConfig) =>
            new DatabaseMigrator(ds, config, definition.service, definition.migrations ?? []),
        },
        {
          // the Kafka side, connected as a Nest microservice by bootstrapService; listeners are found by Nest
          provide: EventTransport,
          inject: [KAFKA, DataSource, InboxStore, UnitOfWork, PLATFORM_CONFIG],
          useFactory: (kafka: Kafka, ds: DataSource, inbox: InboxStore, uow: UnitOfWork, config: PlatformConfig) =>
            new EventTransport(kafka, ds, inbox, uow, {
              service: definition.service,
              topicPrefix: config.KAFKA_TOPIC_PREFIX,
              maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
            }),
        },
        RelayHost,
        { provide: CONSUMER_STATS, inject: [EventTransport], useFactory: eventTransportStats },
        { provide: RunOnce, inject: [DataSource], useFactory: (ds: DataSource) => new RunOnce(new JobRunStore(ds)) },
        HousekeepingHost,
        HealthStore,
        HealthService,
        // global guards run in this order: the address's budget (every request), the token, the actor's budget
        { provide: APP_GUARD, useClass: AddressRateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ActorRateLimitGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [
        TypeOrmModule,
        KAFKA,
        OutboxStore,
        InboxStore,
        UnitOfWork,
        OutboxRelay,
        EventTransport,
        TOKEN_VERIFIER,
        CONSUMER_STATS,
        RunOnce,
      ],
    };
  }
}
