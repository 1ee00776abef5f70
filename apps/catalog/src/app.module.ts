import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule, PlatformModule } from '@titipan/platform';
import { AuditScopeStore } from './audit/audit-scope.store';
import { CatalogConfig } from './catalog-config';
import { CertificateExpiryModule } from './certificate-expiry/certificate-expiry.module';
import { CATALOG_MIGRATIONS } from './database/migrations';
import { OrganisationModule } from './organisation/organisation.module';
import { ProductModule } from './product/product.module';
import { ProductAttachmentModule } from './product-attachment/product-attachment.module';
import { UserAccountModule } from './user-account/user-account.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'catalog',
      configClass: CatalogConfig,
      migrations: CATALOG_MIGRATIONS,
      auditScopes: AuditScopeStore,
    }),
    AuditModule,
    ScheduleModule.forRoot(),
    OrganisationModule,
    ProductModule,
    ProductAttachmentModule,
    CertificateExpiryModule,
    UserAccountModule,
  ],
})
export class AppModule {}
