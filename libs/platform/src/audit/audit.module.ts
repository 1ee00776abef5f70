import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';

/**
 * `GET /audit` of a service: its audit trail within the caller's scope. The entries are written by the
 * UnitOfWork (PlatformModule); each service imports this module to read them.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditQueries, AuditService],
})
export class AuditModule {}
