import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@titipan/platform';
import { ReplayService } from './replay.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ProjectionController {
  constructor(private readonly replayService: ReplayService) {}

  @Post('admin/replay')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Rebuild the read models from the beginning of consignment.events into fresh tables and swap them in; 200, nothing is created',
  })
  replay() {
    return this.replayService.rebuild();
  }
}
