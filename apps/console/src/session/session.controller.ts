import { Controller, Get, Header, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { SessionGuard, sessionOf } from './session.guard';
import { SessionService } from './session.service';

/** Who is signed in: what the page shows and the CSRF token it sends back with every change. */
@Controller('api')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Get('session')
  @Header('Cache-Control', 'no-store')
  @UseGuards(SessionGuard)
  session(@Req() req: Request) {
    return this.sessions.describe(sessionOf(req));
  }
}
