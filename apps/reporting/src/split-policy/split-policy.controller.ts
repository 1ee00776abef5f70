import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { CreateSplitPolicyDto, SplitPolicyPage, SplitPolicyQueryDto, SplitPolicyResponse } from './split-policy.dto';
import { SplitPolicyService } from './split-policy.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('split-policies')
export class SplitPolicyController {
  constructor(private readonly policies: SplitPolicyService) {}

  @Post()
  @Allow('ministry')
  @ApiOperation({ summary: 'Set a proceeds split (national default without uptCode), effective from a date; pending statements retry' })
  @ApiCreatedResponse({ type: SplitPolicyResponse })
  create(@Body() body: CreateSplitPolicyDto, @CurrentActor() actor: Actor) {
    return this.policies.create(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: "Split policies (a UPT's own and the national defaults); paged" })
  @ApiOkResponse({ type: SplitPolicyPage })
  list(@Query() query: SplitPolicyQueryDto) {
    return this.policies.list(query);
  }
}
