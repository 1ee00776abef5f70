import { join } from 'node:path';
import { createKafka, KAFKA_PRINCIPALS, kafkaSecurity, type KafkaPrincipal } from '@titipan/platform';
import type { Kafka } from 'kafkajs';
import { passwordsIn } from './db-passwords';

/**
 * The password of each Kafka principal (docs/decisions/0024) for the local broker, the tools and the tests. A
 * deployment supplies them as KAFKA_PASSWORD_<PRINCIPAL> (for example KAFKA_PASSWORD_CATALOG); any not supplied
 * come from `.local/kafka-passwords.json`, git-ignored and readable by its owner only, which the first caller
 * (infra/kafka/kafka.sh when it formats a broker, npm run setup, a test run) fills with random passwords. The
 * broker gets them as SCRAM credentials when its storage is formatted, so every broker of this checkout (the
 * default one, the tests' private ones, the cluster) knows the same principals.
 */
export const KAFKA_PASSWORDS_FILE = process.env.KAFKA_PASSWORDS_FILE ?? join(__dirname, '..', '.local', 'kafka-passwords.json');

export const kafkaPasswordVariable = (principal: KafkaPrincipal) => `KAFKA_PASSWORD_${principal.toUpperCase()}`;

let fromFile: Record<string, string> | undefined;

export function kafkaPassword(principal: KafkaPrincipal): string {
  const supplied = process.env[kafkaPasswordVariable(principal)];
  if (supplied) return supplied;
  fromFile ??= passwordsIn(KAFKA_PASSWORDS_FILE, KAFKA_PRINCIPALS);
  const password = fromFile[principal];
  if (!password)
    throw new Error(
      `${KAFKA_PASSWORDS_FILE} has no password for ${principal}; remove the file and reset the broker (bash infra/kafka/kafka.sh reset)`,
    );
  return password;
}

/** The TLS settings of this environment, passed on to every process that connects (unset: none). */
const TLS_SETTINGS = ['KAFKA_TLS', 'KAFKA_TLS_CA_FILE', 'KAFKA_TLS_VERIFY'] as const;

/** The environment a process logs in to Kafka with as `principal`. */
export function kafkaLogin(principal: KafkaPrincipal): Record<string, string> {
  const tls = Object.fromEntries(TLS_SETTINGS.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
  return { KAFKA_SASL_USERNAME: principal, KAFKA_SASL_PASSWORD: kafkaPassword(principal), ...tls };
}

/** A kafkajs client logged in as `principal`: admin provisions, tools re-drive dead letters. */
export function kafkaAs(principal: KafkaPrincipal, clientId: string, brokers: string[]): Kafka {
  return createKafka(clientId, brokers, kafkaSecurity(kafkaLogin(principal)));
}
