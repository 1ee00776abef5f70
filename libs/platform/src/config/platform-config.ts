import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/**
 * The issuer of development tokens (npm run token, the tests, the tools): signed with a key pair kept in the
 * checkout's `.local/`, whose public half a local JWKS publishes. Accepted only with NODE_ENV=development or test.
 */
export const DEV_TOKEN_ISSUER = 'titipan-development';

/** An environment variable read as a boolean: true, 1 or yes (any case) is true. */
export const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.toLowerCase()) : value;

/**
 * Settings every service reads from its environment. A property without a default is required:
 * start-up stops with a message naming it when it is missing or malformed.
 */
export class PlatformConfig {
  /** Unset is production: development tokens (DEV_JWKS_URL) are accepted only when development or test is set explicitly. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'production';

  /** HTTP port of the service. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number;

  @IsString()
  @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 5432;

  /** Database that holds the service's schema. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DB_NAME: string;

  /** The service's runtime role: it reads and writes the tables of the service's schema and owns none of them. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DB_USER: string;

  @IsString()
  DB_PASSWORD = '';

  /** The owner role of the schema, used only to run migrations at start (a separate connection, closed before serving). */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/)
  DB_OWNER_USER = '';

  @IsString()
  DB_OWNER_PASSWORD = '';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Run pending migrations at start-up as DB_OWNER_USER (under an advisory lock, so replicas do not race). When false,
   * something else migrates (npm run setup) and the service refuses to start while a migration is pending.
   */
  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATE_ON_START = true;

  /** Comma-separated host:port list. */
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/)
  KAFKA_BROKERS: string;

  /** Prepended to every topic and consumer group name; lets test runs share one broker. */
  @Matches(/^[a-z0-9._-]{0,40}$/)
  KAFKA_TOPIC_PREFIX = '';

  /**
   * The identity provider whose access tokens this service accepts: its issuer, exactly as tokens name it
   * (Keycloak: http://host:port/realms/titipan). Required in production.
   */
  @Matches(/^(https?:\/\/[^\s]+)?$/)
  OIDC_ISSUER = '';

  /** Where the provider publishes its signing keys; empty: Keycloak's place under OIDC_ISSUER. */
  @Matches(/^(https?:\/\/[^\s]+)?$/)
  OIDC_JWKS_URL = '';

  /** Development and tests only: the JWKS of the development token issuer (refused in production). */
  @Matches(/^(https?:\/\/[^\s]+)?$/)
  DEV_JWKS_URL = '';

  /** How long fetched signing keys are used before they are fetched again. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  JWKS_CACHE_SECONDS = 600;

  /** The least time between two fetches of the keys, also when a token names a key not yet seen (a rotation). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  JWKS_COOLDOWN_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** json, pretty (human-readable, development only: production and CI always write JSON), or auto: pretty at a terminal. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Safety-net poll of the outbox; commits wake the relay at once through LISTEN/NOTIFY. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 500;

  /** Sent outbox rows are deleted this long after they were sent (the broker holds the events; the rows are only a record). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(87_600)
  OUTBOX_RETENTION_HOURS = 168;

  /** How often the housekeeping jobs (outbox and inbox pruning) run, once per period across the service's instances. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(604_800)
  HOUSEKEEPING_INTERVAL_S = 3600;

  /** Rows deleted per statement by housekeeping, so no delete holds locks for long. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(100_000)
  HOUSEKEEPING_BATCH_SIZE = 5000;

  /** Attempts for a handler error that is not a transient infrastructure fault, before dead-lettering. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS = 4;

  /** Largest JSON request body accepted. */
  @Matches(/^\d+(b|kb|mb)$/)
  HTTP_BODY_LIMIT = '2mb';

  /**
   * Proxies in front of the service whose X-Forwarded-For is believed (Express's `trust proxy` hop count).
   * 0: the client's address is the socket's, so behind a proxy every caller shares the proxy's address.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  HTTP_TRUST_PROXY = 0;

  /** Length of a rate-limit window, in seconds (fixed windows, counted per service process). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_S = 60;

  /**
   * Requests one actor (token subject) may make in a window, over all endpoints. 6,000 a minute is 100 a
   * second: three times what a till reaches in the benchmark's fastest run (about 31 a second with eight
   * tills), and seven times the 840 back-to-back requests of one token in its reporting run.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RATE_LIMIT_PER_ACTOR = 6000;

  /**
   * Requests one client address may make in a window, with or without a valid token. 30,000 a minute is 500
   * a second: twice the benchmark's fastest run, all of whose tills share one address.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RATE_LIMIT_PER_ADDRESS = 30_000;
}

/** The issuers whose tokens a service accepts, and where each publishes its keys. */
export function trustedIssuers(config: PlatformConfig): { issuer: string; jwksUrl: string }[] {
  return [
    ...(config.OIDC_ISSUER
      ? [{ issuer: config.OIDC_ISSUER, jwksUrl: config.OIDC_JWKS_URL || `${config.OIDC_ISSUER}/protocol/openid-connect/certs` }]
      : []),
    ...(config.DEV_JWKS_URL ? [{ issuer: DEV_TOKEN_ISSUER, jwksUrl: config.DEV_JWKS_URL }] : []),
  ];
}

export function brokerList(config: PlatformConfig): string[] {
  return config.KAFKA_BROKERS.split(',');
}
