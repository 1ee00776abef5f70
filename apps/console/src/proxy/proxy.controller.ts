import { All, Controller, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsrfGuard } from '../csrf/csrf.guard';
import { SessionGuard, sessionOf } from '../session/session.guard';
import { ProxyService } from './proxy.service';
import { ServiceRouteGuard, targetOf } from './service-route.guard';

/** /api/<service>/… forwarded to the service as the signed-in person; changes need the CSRF token and the console's origin. */
@Controller('api')
@UseGuards(ServiceRouteGuard, SessionGuard, CsrfGuard)
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All(':service/*path')
  forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.proxy.forward(sessionOf(req), targetOf(req), req, res);
  }
}
