import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyActor, PageQueryDto, type Page } from '@titipan/platform';
import { UptQueryDto } from './directory.dto';
import { DirectoryService } from './directory.service';
import type { KanwilView, UptView } from './domain/replica';

/** Read-only view of this service's own replica (what it knows from catalog.events). */
@ApiTags('directory')
@ApiBearerAuth()
@AnyActor()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly service: DirectoryService) {}

  @Get('kanwils')
  @ApiOperation({ summary: 'Kanwil known to this service' })
  kanwils(@Query() query: PageQueryDto): Promise<Page<KanwilView>> {
    return this.service.kanwils(query);
  }

  @Get('upts')
  @ApiOperation({ summary: 'UPTs known to this service' })
  upts(@Query() query: UptQueryDto): Promise<Page<UptView>> {
    return this.service.upts(query);
  }
}
