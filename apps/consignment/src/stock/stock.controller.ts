import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { StockQueryDto } from './stock.dto';
import { StockService } from './stock.service';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @AnyActor()
  @ApiOperation({
    summary: 'Stock on hand by lot and expiry: per venue (what can I sell now) or per UPT (where are my goods)',
  })
  onHand(@Query() query: StockQueryDto, @CurrentActor() actor: Actor) {
    return this.stock.onHand(query, actor);
  }
}
