import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { SaleBatchDto, SaleLineDto, SaleQueryDto } from './sale.dto';
import { SaleService } from './sale.service';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('sales')
export class SaleController {
  constructor(private readonly sales: SaleService) {}

  @Post()
  @Allow('venue')
  @ApiOperation({
    summary: 'Record one sale line; a refusal is an error with its code and figures; a resent line returns its original result',
  })
  recordOne(@Body() body: SaleLineDto, @CurrentActor() actor: Actor) {
    return this.sales.recordOne(body, actor);
  }

  @Post('batches')
  @Allow('venue')
  @ApiOperation({
    summary: "Record a day's till or an offline backlog (up to 5,000 lines): per line accepted, duplicate or refused with why",
  })
  recordBatch(@Body() body: SaleBatchDto, @CurrentActor() actor: Actor) {
    return this.sales.record(body.lines, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Recorded sale lines; filter by upt, venue, agreement, period, receipt number; paged' })
  list(@Query() query: SaleQueryDto, @CurrentActor() actor: Actor) {
    return this.sales.list(query, actor);
  }
}
