import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AnyActor } from '@titipan/platform';
import { DirectoryStore, type KanwilView, type UptView } from './directory.store';

/** Read-only view of this service's own replica (what it knows from catalog.events). */
@ApiTags('directory')
@ApiBearerAuth()
@AnyActor()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly store: DirectoryStore) {}

  @Get('kanwils')
  @ApiOperation({ summary: 'Kanwil known to this service' })
  kanwils(): Promise<KanwilView[]> {
    return this.store.kanwils();
  }

  @Get('upts')
  @ApiOperation({ summary: 'UPTs known to this service' })
  @ApiQuery({ name: 'kanwil', required: false })
  upts(@Query('kanwil') kanwil?: string): Promise<UptView[]> {
    return this.store.upts(kanwil);
  }
}
