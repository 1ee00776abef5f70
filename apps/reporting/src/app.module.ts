import { Module } from '@nestjs/common';
import { AuditModule, PlatformModule } from '@titipan/platform';
import { AuditScopeStore } from './audit/audit-scope.store';
import { DirectoryModule } from '@titipan/directory';
import { REPORTING_MIGRATIONS } from './database/migrations';
import { ExportModule } from './export/export.module';
import { PnbpTargetModule } from './pnbp-target/pnbp-target.module';
import { ProductDimModule } from './product-dim/product-dim.module';
import { ProjectionModule } from './projection/projection.module';
import { ReportModule } from './report/report.module';
import { SplitPolicyModule } from './split-policy/split-policy.module';
import { StatementModule } from './statement/statement.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'reporting',
      migrations: REPORTING_MIGRATIONS,
      auditScopes: AuditScopeStore,
    }),
    AuditModule,
    DirectoryModule,
    ProductDimModule,
    StatementModule,
    SplitPolicyModule,
    ProjectionModule,
    ReportModule,
    PnbpTargetModule,
    ExportModule,
  ],
})
export class AppModule {}
