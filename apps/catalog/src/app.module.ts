import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule } from '@titipan/platform';
import { CertificateExpiryModule } from './certificate-expiry/certificate-expiry.module';
import { CATALOG_MIGRATIONS } from './database/migrations';
import { OrganisationModule } from './organisation/organisation.module';
import { ProductModule } from './product/product.module';

@Module({
  imports: [
    PlatformModule.forService({ service: 'catalog', migrations: CATALOG_MIGRATIONS }),
    ScheduleModule.forRoot(),
    OrganisationModule,
    ProductModule,
    CertificateExpiryModule,
  ],
})
export class AppModule {}
