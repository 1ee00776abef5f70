import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { InboxQueryDto } from './inbox.dto';
import { InboxService } from './inbox.service';

/** The in-app inbox of whoever is signed in (every role has one). */
@Controller('notifications')
@AnyActor()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  list(@Query() query: InboxQueryDto, @CurrentActor() actor: Actor) {
    return this.inbox.list(actor, query);
  }

  @Get('unread-count')
  unreadCount(@CurrentActor() actor: Actor) {
    return this.inbox.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor) {
    return this.inbox.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.inbox.read(actor, id);
  }
}
