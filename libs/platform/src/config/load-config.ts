import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { DEV_JWT_SECRET, PlatformConfig } from './platform-config';

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
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEV_JWT_SECRET) {
      problems.push('JWT_SECRET (missing): the development default is refused when NODE_ENV=production');
    } else if (config.JWT_SECRET.length < 32) {
      problems.push('JWT_SECRET: must be at least 32 characters when NODE_ENV=production');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
