import { IsString, Matches } from 'class-validator';
import { PlatformConfig } from '@titipan/platform';

/** Catalog's own settings on top of the platform's: the user administration behind /user-accounts. */
export class CatalogConfig extends PlatformConfig {
  /**
   * The identity provider's issuer, e.g. http://127.0.0.1:8180/realms/titipan; Keycloak's base URL and the realm
   * derive from it. Empty: /user-accounts answers 503 USER_ADMIN_NOT_CONFIGURED and the rest of catalog runs.
   * (The same name the platform's token verification reads; at merge this copy goes.)
   */
  @Matches(/^(https?:\/\/[^/?#]+(\/[^?#]*?)?\/realms\/[^/?#]+\/?)?$/, {
    message: 'OIDC_ISSUER must be http(s)://host[:port][/path]/realms/<realm>',
  })
  OIDC_ISSUER = '';

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
