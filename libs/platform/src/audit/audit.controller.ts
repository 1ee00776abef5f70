import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '../auth/auth.guard';
import type { Page } from '../http/page';
import { AuditQueryDto, AuditSearchQueryDto } from './audit.dto';
import type { AuditRecord } from './audit-entry';
import type { AuditCursorPage } from './audit.queries';
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

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-entries')
export class AuditEntriesController {
  constructor(private readonly service: AuditService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({
    summary:
      "Admins' search of this service's audit trail: from/to, actor (subject or username), action, subject (entity id) and words (q) together, newest first, by cursor",
  })
  search(@Query() query: AuditSearchQueryDto): Promise<AuditCursorPage> {
    return this.service.search(query);
  }
}
