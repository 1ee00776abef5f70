import { Module } from '@nestjs/common';
import { AuditController, AuditEntriesController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';

/**
 * `GET /audit` of a service: its audit trail within the caller's scope; `GET /audit-entries`: the admins' search of it. The entries are written by the
 * UnitOfWork (PlatformModule); each service imports this module to read them.
 */
@Module({
  controllers: [AuditController, AuditEntriesController],
  providers: [AuditQueries, AuditService],
})
export class AuditModule {}
