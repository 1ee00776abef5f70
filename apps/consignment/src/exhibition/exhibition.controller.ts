import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import { CreateExhibitionDto, ExhibitionQueryDto } from './exhibition.dto';
import { ExhibitionService } from './exhibition.service';

@ApiTags('exhibitions')
@ApiBearerAuth()
@Controller('exhibitions')
export class ExhibitionController {
  constructor(private readonly exhibitions: ExhibitionService) {}

  @Post()
  @Allow('kanwil', 'ministry', 'admin')
  @ApiOperation({
    summary:
      'Set up an exhibition in one action: its venue, one active agreement per UPT settling the event period; the same request again answers the same exhibition',
  })
  create(@Body() body: CreateExhibitionDto, @CurrentActor() actor: Actor) {
    return this.exhibitions.create(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Exhibitions in scope, latest first; paged' })
  list(@Query() query: ExhibitionQueryDto, @CurrentActor() actor: Actor) {
    return this.exhibitions.list(query, actor);
  }

  @Post('auto-close')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Close every event period whose return window has ended now (also hourly)' })
  autoClose() {
    return this.exhibitions.closeDue();
  }

  @Get(':id')
  @AnyActor()
  @ApiOperation({ summary: "An exhibition with its agreements and each UPT's units on hand" })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.exhibitions.get(id, actor);
  }

  @Get(':id/proposed-returns')
  @AnyActor()
  @ApiOperation({
    summary:
      'Once the event has ended: one proposed return per UPT from its stock on hand (stored; a UPT sees its own; confirm with POST /proposed-returns/:id/confirm); paged',
  })
  proposedReturns(@Param('id', ParseUUIDPipe) id: string, @Query() page: PageQueryDto, @CurrentActor() actor: Actor) {
    return this.exhibitions.proposedReturns(id, page, actor);
  }
}
