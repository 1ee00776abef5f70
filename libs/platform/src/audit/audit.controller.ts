import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '../auth/auth.guard';
import type { Page } from '../http/page';
import { AuditQueryDto } from './audit.dto';
import type { AuditRecord } from './audit-entry';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get()
  @AnyActor()
  @ApiOperation({ summary: "Who changed what in this service, and when: the audit trail within the caller's scope, newest first" })
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor): Promise<Page<AuditRecord>> {
    return this.service.list(query, actor);
  }
}
