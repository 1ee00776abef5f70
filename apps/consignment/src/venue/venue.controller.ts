import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { RegisterVenueDto, VenueQueryDto } from './venue.dto';
import { VenueService } from './venue.service';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenueController {
  constructor(private readonly venues: VenueService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Register a partner venue (admin)' })
  register(@Body() body: RegisterVenueDto, @CurrentActor() actor: Actor) {
    return this.venues.register(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'List venues; paged' })
  list(@Query() query: VenueQueryDto) {
    return this.venues.list(query);
  }

  @Get(':code')
  @AnyActor()
  get(@Param('code') code: string) {
    return this.venues.get(code);
  }
}
