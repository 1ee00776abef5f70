import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import type { Response } from 'express';
import { TargetDto, TargetParams, TargetResponse } from './pnbp-target.dto';
import { PnbpTargetService } from './pnbp-target.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('pnbp-targets')
export class PnbpTargetController {
  constructor(private readonly targets: PnbpTargetService) {}

  @Put(':upt/:year')
  @Allow('ministry')
  @ApiOperation({
    summary:
      "Set a UPT's yearly PNBP target (ministry) from a day: adds a revision to its history, never rewrites one; 201 when the year had none, 200 otherwise",
  })
  @ApiOkResponse({ type: TargetResponse })
  async set(
    @Param() { upt, year }: TargetParams,
    @Body() body: TargetDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, target } = await this.targets.set(upt, year, body, actor);
    response.status(created ? 201 : 200);
    return target;
  }

  @Get(':upt/:year')
  @AnyActor()
  @ApiOperation({
    summary: "A UPT's PNBP target of a year: the one in effect today and every revision (the UPT, its Kanwil, national roles)",
  })
  @ApiOkResponse({ type: TargetResponse })
  get(@Param() { upt, year }: TargetParams, @CurrentActor() actor: Actor) {
    return this.targets.get(upt, year, actor);
  }
}
