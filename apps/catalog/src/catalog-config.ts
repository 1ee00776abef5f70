import { IsString, Matches } from 'class-validator';
import { PlatformConfig } from '@titipan/platform';

/**
 * Catalog's own settings on top of the platform's: the user administration behind /user-accounts, at the identity
 * provider the platform's OIDC_ISSUER names (empty: /user-accounts answers 503 USER_ADMIN_NOT_CONFIGURED).
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
}
