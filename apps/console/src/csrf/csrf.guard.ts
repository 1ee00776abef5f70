import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { refuse } from '@titipan/kernel';
import type { Request } from 'express';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console-config';
import { sessionOf } from '../session/session.guard';
import { csrfRefusal } from './domain/csrf-rules';

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** After SessionGuard: a state-changing request needs the console's origin and the session's token (403 otherwise). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const refusal = csrfRefusal({
      method: req.method,
      consoleOrigin: this.config.publicOrigin,
      origin: header(req, 'origin'),
      referer: header(req, 'referer'),
      sessionToken: sessionOf(req).csrfToken,
      givenToken: header(req, 'x-csrf-token'),
    });
    if (refusal) refuse(refusal, { ORIGIN_NOT_ALLOWED: 'forbidden', CSRF_TOKEN_INVALID: 'forbidden' });
    return true;
  }
}
