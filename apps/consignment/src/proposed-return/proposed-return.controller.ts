import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { ProposedReturnService } from './proposed-return.service';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('proposed-returns')
export class ProposedReturnController {
  constructor(private readonly proposals: ProposedReturnService) {}

  @Get(':id')
  @AnyActor()
  @ApiOperation({ summary: 'A return the system proposed (exhibition end or near-expiry lot), in scope' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.proposals.get(id, actor);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Allow('admin', 'venue', 'upt')
  @ApiOperation({
    summary:
      "Confirm a proposed return in one action: ships it as a UPT return (the exhibition's staff for an exhibition, the UPT or venue for a near-expiry lot)",
  })
  confirm(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.proposals.confirm(id, actor);
  }
}
