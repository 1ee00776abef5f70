import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OidcProvider } from '../auth/oidc-provider';

/** Liveness: the process answers. Readiness: the identity provider's discovery document has been read (sign-in works). */
@Controller('health')
export class HealthController {
  constructor(private readonly provider: OidcProvider) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) res: Response) {
    res.status(this.provider.ready ? 200 : 503);
    return { status: this.provider.ready ? 'up' : 'down' };
  }
}
