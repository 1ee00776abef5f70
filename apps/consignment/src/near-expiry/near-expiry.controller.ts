import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { NearExpiryQueryDto } from './near-expiry.dto';
import { NearExpiryService } from './near-expiry.service';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock/near-expiry')
export class NearExpiryController {
  constructor(private readonly nearExpiry: NearExpiryService) {}

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Sellable lots expiring within the window (default NEAR_EXPIRY_DAYS), expired ones included, in scope; paged' })
  list(@Query() query: NearExpiryQueryDto, @CurrentActor() actor: Actor) {
    return this.nearExpiry.page(actor, query);
  }

  @Post('scan')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Flag lots newly inside the window now (also nightly at 02:00 WIB); one event per lot' })
  scan() {
    return this.nearExpiry.scan();
  }
}
