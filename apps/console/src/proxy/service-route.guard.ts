import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import type { Request } from 'express';
import { forwardTarget, type ForwardTarget } from './domain/forward-rules';

type WithTarget = Request & { forwardTarget?: ForwardTarget };

/** First of the proxy's guards: a prefix that names no service is 404 before anything else is looked at. */
@Injectable()
export class ServiceRouteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WithTarget>();
    const target = forwardTarget(req.originalUrl);
    if (!target)
      throw new DomainError(
        'not_found',
        'SERVICE_NOT_FOUND',
        'the console forwards /api/catalog, /api/consignment, /api/reporting and /api/notification only',
      );
    req.forwardTarget = target;
    return true;
  }
}

export const targetOf = (req: Request): ForwardTarget => (req as WithTarget).forwardTarget!;
