import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import { PeriodCloseService } from './period-close.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements/:id/periods')
export class PeriodCloseController {
  constructor(private readonly periods: PeriodCloseService) {}

  @Post(':period/close')
  @HttpCode(200)
  @Allow('admin', 'venue', 'upt')
  @ApiOperation({ summary: 'Close a month (YYYY-MM, venue time zone) of an agreement; returns its control totals' })
  close(@Param('id', ParseUUIDPipe) id: string, @Param('period') period: string, @CurrentActor() actor: Actor) {
    return this.periods.close(id, period, actor);
  }

  @Get('ledger-totals')
  @AnyActor()
  @ApiOperation({ summary: 'Control totals of every month with movements, from the ledger (open months too), for reconciliation' })
  ledgerTotals(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.periods.ledgerTotals(id, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Closed periods of an agreement with their control totals and settlement; paged' })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor) {
    return this.periods.list(id, query, actor);
  }
}
