import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { Allow, CurrentActor } from '@titipan/platform';
import { ReplayService } from './replay.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ProjectionController {
  constructor(private readonly replayService: ReplayService) {}

  @Post('admin/replay')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({
    summary:
      'Start rebuilding the read models from the beginning of consignment.events into fresh tables, swapped in at the end; 202 with the job (follow it at GET /admin/replay/{id}); 409 REPLAY_RUNNING while one runs',
  })
  replay(@CurrentActor() actor: Actor) {
    return this.replayService.start(actor);
  }

  @Get('admin/replay/:id')
  @Allow('admin')
  @ApiOperation({
    summary: 'A replay job: state (running, finished, failed, interrupted), events read and applied, rate, ETA, start and end',
  })
  replayJob(@Param('id', ParseUUIDPipe) id: string) {
    return this.replayService.status(id);
  }
}
