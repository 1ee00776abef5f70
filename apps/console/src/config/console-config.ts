import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { ConfigError, settingNames } from '@titipan/platform';

const URL_PATTERN = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/;
const trimSlash = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value);

/**
 * Settings of the console's backend-for-frontend, read from its environment. Like the services' config: a property
 * without a default is required, and a missing or malformed setting stops start-up naming it. Unset NODE_ENV is
 * production, where the console must be reached over https (its cookie is Secure) and named explicitly.
 */
export class ConsoleConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'production';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /**
   * The console's own origin as people's browsers reach it (scheme, host, port). The identity provider sends people
   * back here, and state-changing requests must come from it (Origin/Referer). Empty: http://127.0.0.1:<PORT>,
   * allowed only outside production.
   */
  @Transform(trimSlash)
  @Matches(/^(https?:\/\/[^\s/]+)?$/, { message: 'must be an origin such as https://console.example.go.id (no path)' })
  CONSOLE_PUBLIC_URL = '';

  /** The identity provider's issuer (Keycloak: http://host:port/realms/titipan); its discovery document is read at start. */
  @Transform(trimSlash)
  @Matches(URL_PATTERN)
  OIDC_ISSUER: string;

  /** The public client people sign in through: code flow with PKCE S256, no secret. */
  @IsString()
  @IsNotEmpty()
  OIDC_CLIENT_ID = 'titipan-console';

  @Transform(trimSlash)
  @Matches(URL_PATTERN)
  CATALOG_URL = 'http://127.0.0.1:3001';

  @Transform(trimSlash)
  @Matches(URL_PATTERN)
  CONSIGNMENT_URL = 'http://127.0.0.1:3002';

  @Transform(trimSlash)
  @Matches(URL_PATTERN)
  REPORTING_URL = 'http://127.0.0.1:3003';

  @Transform(trimSlash)
  @Matches(URL_PATTERN)
  NOTIFICATION_URL = 'http://127.0.0.1:3004';

  /** A session unused this long ends (the realm's SSO idle timeout is the same 30 minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this long after sign-in however busy (the realm's SSO maximum is the same 12 hours). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Most sessions kept in memory; past it the least recently used one ends (bounded memory, about 4 kB a session). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SESSION_MAX_COUNT = 20_000;

  /** Largest JSON body forwarded to a service. */
  @Matches(/^\d+(b|kb|mb)$/)
  HTTP_BODY_LIMIT = '2mb';

  /** Largest file forwarded to catalog's attachment upload (its own limit is 10 MB for a PDF; a little room above it). */
  @Matches(/^\d+(b|kb|mb)$/)
  HTTP_UPLOAD_LIMIT = '11mb';

  /** How long a service may take to start answering a forwarded request. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  UPSTREAM_TIMEOUT_MS = 60_000;

  /** Proxies in front of the console whose X-Forwarded-* are believed (Express's `trust proxy` hop count). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  HTTP_TRUST_PROXY = 0;

  /** Where the single-page app's build is (Vite's outDir); empty: `web` beside the console's bundle, dist/apps/console/web. */
  @IsString()
  CONSOLE_WEB_DIR = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** The console's origin, CONSOLE_PUBLIC_URL or its development default. */
  get publicOrigin(): string {
    return this.CONSOLE_PUBLIC_URL || `http://127.0.0.1:${this.PORT}`;
  }

  /** Where the provider sends people back after sign-in. */
  get callbackUrl(): string {
    return `${this.publicOrigin}/auth/callback`;
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the console's settings; throws ConfigError naming every bad one. */
export function loadConsoleConfig(env: Env = process.env): ConsoleConfig {
  const known = settingNames(ConsoleConfig);
  const source = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const config = plainToInstance(ConsoleConfig, source, { exposeDefaultValues: true });
  const problems = validateSync(config, { skipMissingProperties: false }).map((e) => {
    const raw = source[e.property];
    return `${e.property} (${raw === undefined ? 'missing' : `got ${JSON.stringify(raw)}`}): ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
  problems.push(...productionProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** In production the console names its origin, and it is https: the session cookie is Secure, and browsers drop it otherwise. */
function productionProblems(config: ConsoleConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  if (!config.CONSOLE_PUBLIC_URL)
    return ["CONSOLE_PUBLIC_URL (missing): the console's https origin is required when NODE_ENV=production (or unset)"];
  const { protocol, hostname } = new URL(config.CONSOLE_PUBLIC_URL);
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return protocol === 'https:' || loopback
    ? []
    : ['CONSOLE_PUBLIC_URL: must be https when NODE_ENV=production (the session cookie is Secure)'];
}

/** Injection token of the loaded ConsoleConfig. */
export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
