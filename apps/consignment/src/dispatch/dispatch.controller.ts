import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { CancelDispatchDto, ConfirmReceiptDto, CreateDispatchDto, DispatchQueryDto } from './dispatch.dto';
import { DispatchService } from './dispatch.service';

@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches')
export class DispatchController {
  constructor(private readonly dispatches: DispatchService) {}

  @Post()
  @Allow('upt')
  @ApiOperation({ summary: 'Send goods to a venue under an active agreement (surat jalan)' })
  create(@Body() body: CreateDispatchDto, @CurrentActor() actor: Actor) {
    return this.dispatches.create(body, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('upt')
  @ApiOperation({ summary: 'Cancel a dispatch still in transit' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelDispatchDto, @CurrentActor() actor: Actor) {
    return this.dispatches.cancel(id, body.reason, actor);
  }

  @Post(':id/receipt')
  @Allow('venue')
  @ApiOperation({ summary: 'Confirm what arrived (berita acara): accepted + damaged + short = dispatched per line' })
  confirmReceipt(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmReceiptDto, @CurrentActor() actor: Actor) {
    return this.dispatches.confirmReceipt(id, body, actor);
  }

  @Get()
  @AnyActor()
  list(@Query() query: DispatchQueryDto, @CurrentActor() actor: Actor) {
    return this.dispatches.list(query, actor);
  }

  @Get(':id')
  @AnyActor()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.dispatches.get(id, actor);
  }
}
