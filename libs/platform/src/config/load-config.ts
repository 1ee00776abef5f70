import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { PlatformConfig } from './platform-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates a config class from the environment; throws ConfigError naming every bad setting. */
export function loadConfig<T extends PlatformConfig>(configClass: new () => T, env: Env = process.env): T {
  const known = settingNames(configClass);
  const source = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const config = plainToInstance(configClass, source, { exposeDefaultValues: true });
  const problems = validateSync(config, { skipMissingProperties: false }).map((e) => {
    const raw = source[e.property];
    const shown = raw === undefined ? 'missing' : `got ${JSON.stringify(raw)}`;
    return `${e.property} (${shown}): ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
  problems.push(...databaseRoleProblems(config));
  problems.push(...tokenIssuerProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A service must trust some issuer, and in production only the identity provider: no development tokens. */
function tokenIssuerProblems(config: PlatformConfig): string[] {
  if (config.NODE_ENV === 'production') {
    const production = 'when NODE_ENV=production (or unset; development tokens need NODE_ENV=development or test)';
    return [
      ...(config.OIDC_ISSUER ? [] : [`OIDC_ISSUER (missing): the identity provider's issuer is required ${production}`]),
      ...(config.DEV_JWKS_URL ? [`DEV_JWKS_URL: development tokens are refused ${production}`] : []),
    ];
  }
  if (!config.OIDC_ISSUER && !config.DEV_JWKS_URL)
    return ['OIDC_ISSUER (missing): no token issuer is set (OIDC_ISSUER or, in development, DEV_JWKS_URL)'];
  return [];
}

/** The runtime role must not be the owner, and migrating at start needs the owner's login. */
function databaseRoleProblems(config: PlatformConfig): string[] {
  if (config.DB_OWNER_USER !== '' && config.DB_OWNER_USER === config.DB_USER) {
    return ['DB_OWNER_USER: must differ from DB_USER (the service must not run as the role that owns its tables)'];
  }
  if (config.DB_MIGRATE_ON_START && config.DB_OWNER_USER === '') {
    return ['DB_OWNER_USER (missing): migrations run as the schema owner; set it, or set DB_MIGRATE_ON_START=false and run npm run setup'];
  }
  return [];
}

/** Every setting a config class reads. */
export function settingNames(configClass: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Settings that have no default and so must be supplied (used by the docker-compose check). */
export function requiredSettings(configClass: new () => object): string[] {
  const defaults = new configClass() as Record<string, unknown>;
  return settingNames(configClass).filter((name) => defaults[name] === undefined);
}
