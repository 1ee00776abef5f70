import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { PUBLISHED_JWT_SECRETS, PlatformConfig } from './platform-config';

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
  if (config.NODE_ENV === 'production') problems.push(...productionSecretProblems(config.JWT_SECRET, source.JWT_SECRET === undefined));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Fewest different characters a production secret may have (a random one of 32 has about 25). */
const MIN_DISTINCT_SECRET_CHARACTERS = 10;

/** Why a JWT secret may not sign production tokens: not set, published in the repository, short or repetitive. */
function productionSecretProblems(secret: string, missing: boolean): string[] {
  const production = 'when NODE_ENV=production (or unset; development defaults need NODE_ENV=development or test)';
  if (missing) return [`JWT_SECRET (missing): required ${production}`];
  if (PUBLISHED_JWT_SECRETS.includes(secret)) return [`JWT_SECRET: is published in the Titipan repository and refused ${production}`];
  if (secret.length < 32) return [`JWT_SECRET: must be at least 32 characters ${production}`];
  if (new Set(secret).size < MIN_DISTINCT_SECRET_CHARACTERS) {
    return [`JWT_SECRET: must have at least ${MIN_DISTINCT_SECRET_CHARACTERS} different characters ${production}`];
  }
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
