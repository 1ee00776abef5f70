import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import { RegisterKanwilDto, RegisterUptDto, UptQueryDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Post('kanwils')
  @Allow('admin')
  @ApiOperation({ summary: 'Register a Kanwil (admin)' })
  registerKanwil(@Body() body: RegisterKanwilDto, @CurrentActor() actor: Actor) {
    return this.organisation.registerKanwil(body, actor);
  }

  @Get('kanwils')
  @AnyActor()
  @ApiOperation({ summary: 'List Kanwil' })
  listKanwils(@Query() query: PageQueryDto) {
    return this.organisation.listKanwils(query);
  }

  @Post('upts')
  @Allow('admin')
  @ApiOperation({ summary: 'Register a UPT under a Kanwil (admin)' })
  registerUpt(@Body() body: RegisterUptDto, @CurrentActor() actor: Actor) {
    return this.organisation.registerUpt(body, actor);
  }

  @Get('upts')
  @AnyActor()
  @ApiOperation({ summary: 'List UPTs, optionally of one Kanwil; paged' })
  listUpts(@Query() query: UptQueryDto) {
    return this.organisation.listUpts(query);
  }

  @Get('upts/:code')
  @AnyActor()
  @ApiOperation({ summary: 'One UPT' })
  getUpt(@Param('code') code: string) {
    return this.organisation.getUpt(code);
  }
}
