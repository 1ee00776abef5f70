import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { withCompleteSends } from './complete-send';

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * How a client proves who it is to the broker (docs/decisions/0024): SASL/SCRAM-SHA-512 as one principal, and
 * optionally TLS. No username: no SASL (a broker that requires it refuses the connection).
 */
export interface KafkaSecurity {
  username?: string;
  password?: string;
  /** TLS to the listener (SASL_SSL). */
  tls?: boolean;
  /** PEM file of the CA that signed the listener's certificate; unset: the system's CAs. */
  caFile?: string;
  /** Check the listener's certificate and name (default true; false only for a throw-away local CA). */
  verify?: boolean;
}

/** The security settings as the services' configuration names them (KAFKA_SASL_USERNAME, KAFKA_TLS, ...). */
export interface KafkaSecuritySettings {
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_TLS?: boolean | string;
  KAFKA_TLS_CA_FILE?: string;
  KAFKA_TLS_VERIFY?: boolean | string;
}

const yes = (value: boolean | string | undefined, otherwise: boolean) =>
  value === undefined || value === '' ? otherwise : typeof value === 'boolean' ? value : ['true', '1', 'yes'].includes(value.toLowerCase());

export function kafkaSecurity(settings: KafkaSecuritySettings): KafkaSecurity {
  return {
    username: settings.KAFKA_SASL_USERNAME || undefined,
    password: settings.KAFKA_SASL_PASSWORD || undefined,
    tls: yes(settings.KAFKA_TLS, false),
    caFile: settings.KAFKA_TLS_CA_FILE || undefined,
    verify: yes(settings.KAFKA_TLS_VERIFY, true),
  };
}

/** The kafkajs `sasl` and `ssl` options for the given security settings. */
export function connectionSecurity(security: KafkaSecurity): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const sasl: KafkaConfig['sasl'] = security.username
    ? { mechanism: 'scram-sha-512', username: security.username, password: security.password ?? '' }
    : undefined;
  const ssl: KafkaConfig['ssl'] = security.tls
    ? { rejectUnauthorized: security.verify !== false, ...(security.caFile ? { ca: [readFileSync(security.caFile, 'utf8')] } : {}) }
    : undefined;
  return { ...(sasl ? { sasl } : {}), ...(ssl ? { ssl } : {}) };
}

/**
 * A kafkajs client whose own logs go through the service's JSON logger, and whose producers fail a send the brokers
 * did not completely acknowledge (complete-send.ts). Without `security` it takes the
 * process environment's KAFKA_SASL_* and KAFKA_TLS_* (what a service's configuration is loaded from).
 */
export function createKafka(clientId: string, brokers: string[], security: KafkaSecurity = kafkaSecurity(process.env)): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const kafka = new Kafka({
    clientId,
    brokers,
    ...connectionSecurity(security),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
    logCreator: () => (entry: LogEntry) => {
      const logger = new Logger(`kafkajs.${entry.namespace}`);
      const { message, ...rest } = entry.log;
      logger[LEVEL_NAMES[entry.level] ?? 'log']({ ...rest }, message);
    },
  });
  // kafkajs can resolve a send that lost a partition's messages when a leader dies mid-send: such a send fails instead
  return withCompleteSends(kafka);
}
