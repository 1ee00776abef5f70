import { Module } from '@nestjs/common';
import { HttpScopeDirectory, KeycloakAdmin, UserAdmin, bearerOf, keycloakOfIssuer } from '@titipan/identity';
import { PLATFORM_CONFIG } from '@titipan/platform';
import type { CatalogConfig } from '../catalog-config';
import { OrganisationModule } from '../organisation/organisation.module';
import { OrganisationStore } from '../organisation/organisation.store';
import { CatalogScopeDirectory } from './catalog-scope-directory';
import { UserAccountController } from './user-account.controller';
import { USER_ADMIN_SETUP, UserAccountService, type UserAdminSetup } from './user-account.service';

/** The Authorization header catalog shows consignment when it asks whether a venue code exists. */
export type VenueCheckAuthorization = () => Promise<string>;
export const VENUE_CHECK_AUTHORIZATION = Symbol('VENUE_CHECK_AUTHORIZATION');

/** The user-administration client of the provider, or undefined when catalog is not set up for it. */
const KEYCLOAK_ADMIN = Symbol('KEYCLOAK_ADMIN');

function keycloakAdmin(config: CatalogConfig): KeycloakAdmin | undefined {
  if (!config.OIDC_ISSUER || !config.USER_ADMIN_CLIENT_SECRET) return undefined;
  const { url, realm } = keycloakOfIssuer(config.OIDC_ISSUER);
  return new KeycloakAdmin({
    url,
    realm,
    clientId: config.USER_ADMIN_CLIENT_ID,
    clientSecret: config.USER_ADMIN_CLIENT_SECRET,
    timeoutMs: 15_000,
  });
}

/**
 * POST/GET /user-accounts: the console's user administration, through the provider's admin API with catalog's
 * own service account. Without OIDC_ISSUER or USER_ADMIN_CLIENT_SECRET the endpoints answer 503 and catalog runs on.
 */
@Module({
  imports: [OrganisationModule],
  controllers: [UserAccountController],
  providers: [
    UserAccountService,
    { provide: KEYCLOAK_ADMIN, inject: [PLATFORM_CONFIG], useFactory: keycloakAdmin },
    {
      // the service account's own token (role admin, the three audiences); a test may put another source here
      provide: VENUE_CHECK_AUTHORIZATION,
      inject: [KEYCLOAK_ADMIN],
      useFactory: (admin: KeycloakAdmin | undefined): VenueCheckAuthorization | undefined => (admin ? bearerOf(admin) : undefined),
    },
    {
      provide: USER_ADMIN_SETUP,
      inject: [PLATFORM_CONFIG, KEYCLOAK_ADMIN, OrganisationStore, VENUE_CHECK_AUTHORIZATION],
      useFactory: (
        config: CatalogConfig,
        admin: KeycloakAdmin | undefined,
        organisation: OrganisationStore,
        authorization: VenueCheckAuthorization | undefined,
      ): UserAdminSetup => {
        if (!admin || !authorization) {
          return { missing: ['OIDC_ISSUER', 'USER_ADMIN_CLIENT_SECRET'].filter((name) => !config[name as keyof CatalogConfig]) };
        }
        // only `venue` is asked over HTTP; the catalog URL is never used
        const venues = new HttpScopeDirectory({ catalog: '', consignment: config.CONSIGNMENT_URL.replace(/\/$/, '') }, authorization);
        return { users: new UserAdmin(admin, new CatalogScopeDirectory(organisation, venues)) };
      },
    },
  ],
})
export class UserAccountModule {}
