import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { AgreementQueryDto, CreateAgreementDto, SetPricesDto, TerminateDto } from './agreement.dto';
import { AgreementService } from './agreement.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementController {
  constructor(private readonly agreements: AgreementService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Draft an agreement between one UPT and one venue (admin)' })
  create(@Body() body: CreateAgreementDto, @CurrentActor() actor: Actor) {
    return this.agreements.create(body, actor);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Allow('admin')
  activate(@Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.activate(id);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Allow('admin')
  terminate(@Param('id', ParseUUIDPipe) id: string, @Body() body: TerminateDto) {
    return this.agreements.terminate(id, body.reason);
  }

  @Put(':id/prices')
  @Allow('admin')
  @ApiOperation({
    summary:
      'Set consignment prices per product, overriding the catalog price, each from a day: adds to the price history (priceHistory), never rewrites it',
  })
  setPrices(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetPricesDto, @CurrentActor() actor: Actor) {
    return this.agreements.setPrices(id, body.prices, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: "Agreements in the caller's scope; paged" })
  list(@Query() query: AgreementQueryDto, @CurrentActor() actor: Actor) {
    return this.agreements.list(query, actor);
  }

  @Get(':id')
  @AnyActor()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.agreements.get(id, actor);
  }
}
