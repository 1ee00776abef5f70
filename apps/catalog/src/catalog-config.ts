import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, Matches, ValidateIf } from 'class-validator';
import { PlatformConfig, toBoolean } from '@titipan/platform';

const usesS3 = (config: CatalogConfig) => config.ATTACHMENT_STORAGE === 's3';

/**
 * Catalog's own settings on top of the platform's: the user administration behind /user-accounts, at the identity
 * provider the platform's OIDC_ISSUER names (empty: /user-accounts answers 503 USER_ADMIN_NOT_CONFIGURED); where
 * product attachments' bytes are kept.
 */
export class CatalogConfig extends PlatformConfig {
  /** The confidential client whose service account administers people's accounts (manage-users). */
  @Matches(/^[A-Za-z0-9._-]{1,255}$/)
  USER_ADMIN_CLIENT_ID = 'titipan-user-admin';

  /** Its secret. Empty: /user-accounts answers 503 USER_ADMIN_NOT_CONFIGURED. */
  @IsString()
  USER_ADMIN_CLIENT_SECRET = '';

  /** Where consignment answers, to ask whether a venue code exists (with the service account's token). */
  @Matches(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, { message: 'CONSIGNMENT_URL must be an http(s) URL' })
  CONSIGNMENT_URL = 'http://127.0.0.1:3002';

  /** Where the bytes of product photos and certificate scans go: catalog's own Postgres schema, or an S3-compatible store. */
  @IsIn(['postgres', 's3'])
  ATTACHMENT_STORAGE: 'postgres' | 's3' = 'postgres';

  /** The S3-compatible store's URL (MinIO, Ceph, S3Mock...); empty: AWS S3 itself, by S3_REGION. */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'S3_ENDPOINT must be an http(s) URL or empty' })
  S3_ENDPOINT = '';

  @Matches(/^[a-z0-9-]{1,40}$/)
  S3_REGION = 'us-east-1';

  /** Required with ATTACHMENT_STORAGE=s3; the bucket must exist. */
  @ValidateIf(usesS3)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must name a bucket when ATTACHMENT_STORAGE is s3' })
  S3_BUCKET = '';

  /** Empty: the SDK's default credentials (environment, instance role). */
  @IsString()
  S3_ACCESS_KEY_ID = '';

  @ValidateIf((config: CatalogConfig) => usesS3(config) && config.S3_ACCESS_KEY_ID !== '')
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY goes with S3_ACCESS_KEY_ID' })
  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  /** Address buckets by path (host/bucket/key), as most self-hosted stores need. */
  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;
}
