import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';
import { StockCountDto } from './stock-count.dto';
import { StockCountService } from './stock-count.service';

@ApiTags('stock-counts')
@ApiBearerAuth()
@Controller('stock-counts')
export class StockCountController {
  constructor(private readonly counts: StockCountService) {}

  @Post()
  @Allow('venue')
  @ApiOperation({ summary: 'Record a stock count (stock opname); variances become adjustments' })
  count(@Body() body: StockCountDto, @CurrentActor() actor: Actor) {
    return this.counts.count(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Stock counts; filter by upt, venue, agreement; paged' })
  list(@Query() query: AgreementScopedQueryDto, @CurrentActor() actor: Actor) {
    return this.counts.list(query, actor);
  }
}
