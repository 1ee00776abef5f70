import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { AgreementPeriodQueryDto } from '../shared/agreement-scope.dto';
import { CustomerReturnDto } from './customer-return.dto';
import { CustomerReturnService } from './customer-return.service';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('sales/returns')
export class CustomerReturnController {
  constructor(private readonly returns: CustomerReturnService) {}

  @Post()
  @Allow('venue')
  @ApiOperation({
    summary:
      'A customer returns (part of) a sale line: reversed, and restocked if resellable; a resent return slip returns its original result',
  })
  record(@Body() body: CustomerReturnDto, @CurrentActor() actor: Actor) {
    return this.returns.record(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Customer returns; filter by upt, venue, agreement, period; paged' })
  list(@Query() query: AgreementPeriodQueryDto, @CurrentActor() actor: Actor) {
    return this.returns.list(query, actor);
  }
}
