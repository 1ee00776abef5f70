import { ConfigError, loadConfig } from '@titipan/platform';
import { CatalogConfig } from './catalog-config';

const minimal = {
  OIDC_ISSUER: 'https://login.titipan.example/realms/titipan',
  PORT: '3001',
  DB_NAME: 'titipan',
  DB_USER: 'titipan_catalog',
  DB_OWNER_USER: 'titipan_catalog_owner',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_SASL_USERNAME: 'catalog',
  KAFKA_SASL_PASSWORD: 'secret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(CatalogConfig, { ...minimal, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("catalog's attachment storage settings", () => {
  it('keeps attachments in Postgres unless told otherwise, needing no S3 setting', () => {
    expect(loadConfig(CatalogConfig, minimal)).toMatchObject({ ATTACHMENT_STORAGE: 'postgres', S3_BUCKET: '', S3_FORCE_PATH_STYLE: false });
  });

  it('reads an S3-compatible store: endpoint, bucket, credentials, path-style addressing', () => {
    const config = loadConfig(CatalogConfig, {
      ...minimal,
      ATTACHMENT_STORAGE: 's3',
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_BUCKET: 'titipan-attachments',
      S3_ACCESS_KEY_ID: 'catalog',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toMatchObject({ ATTACHMENT_STORAGE: 's3', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
  });

  it('refuses to start on S3 without a bucket, with a key but no secret, or with an unknown storage', () => {
    expect(problemsOf({ ATTACHMENT_STORAGE: 's3' })).toEqual([expect.stringMatching(/^S3_BUCKET \(missing\)/)]);
    expect(problemsOf({ ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'catalog' })).toEqual([
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY \(missing\)/),
    ]);
    expect(problemsOf({ ATTACHMENT_STORAGE: 'disk' })).toEqual([expect.stringMatching(/^ATTACHMENT_STORAGE/)]);
    expect(problemsOf({ ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'b-1', S3_ENDPOINT: 'minio:9000' })).toEqual([
      expect.stringMatching(/^S3_ENDPOINT/),
    ]);
  });
});
