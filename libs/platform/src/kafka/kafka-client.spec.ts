import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionSecurity, kafkaSecurity } from './kafka-client';

describe('Kafka client security settings', () => {
  it('logs in with SCRAM-SHA-512 as the configured principal, and not at all without one', () => {
    expect(connectionSecurity(kafkaSecurity({ KAFKA_SASL_USERNAME: 'consignment', KAFKA_SASL_PASSWORD: 'pw' }))).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'consignment', password: 'pw' },
    });
    expect(connectionSecurity(kafkaSecurity({}))).toEqual({});
  });

  it('adds TLS with the given CA, checking the certificate unless told not to', () => {
    const ca = join(mkdtempSync(join(tmpdir(), 'titipan-ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    expect(connectionSecurity(kafkaSecurity({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: ca })).ssl).toEqual({
      rejectUnauthorized: true,
      ca: ['-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n'],
    });
    expect(connectionSecurity(kafkaSecurity({ KAFKA_TLS: true, KAFKA_TLS_VERIFY: 'false' })).ssl).toEqual({ rejectUnauthorized: false });
    expect(connectionSecurity(kafkaSecurity({ KAFKA_TLS: 'false', KAFKA_TLS_CA_FILE: ca })).ssl).toBeUndefined();
  });
});
