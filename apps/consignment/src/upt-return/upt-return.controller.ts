import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { ShipReturnDto, UptReturnQueryDto } from './upt-return.dto';
import { UptReturnService } from './upt-return.service';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class UptReturnController {
  constructor(private readonly returns: UptReturnService) {}

  @Post()
  @Allow('venue')
  @ApiOperation({ summary: 'Send goods back to the UPT (reason unsold, expired, damaged, recall)' })
  ship(@Body() body: ShipReturnDto, @CurrentActor() actor: Actor) {
    return this.returns.ship(body, actor);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @Allow('upt')
  @ApiOperation({ summary: 'The UPT confirms the returned goods arrived' })
  receive(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.returns.receive(id, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Returns to UPTs; filter by upt, venue, agreement, status; paged' })
  list(@Query() query: UptReturnQueryDto, @CurrentActor() actor: Actor) {
    return this.returns.list(query, actor);
  }

  @Get(':id')
  @AnyActor()
  @ApiOperation({ summary: 'One return to a UPT' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.returns.getInScope(id, actor);
  }
}
