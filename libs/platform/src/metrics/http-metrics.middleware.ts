import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/** Observes every request's latency when its response finishes, labelled with the route pattern (never the raw URL). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = routePattern(req);
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  }
}

/**
 * The pattern of the route that answered. A path that matched no route is one label value, 'unmatched', so
 * scanners cannot grow the series without bound; Nest answers those from a catch-all (`/{*path}`), and no
 * service route has a wildcard.
 */
export function routePattern(req: Pick<Request, 'baseUrl' | 'route'>): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || path.includes('*')) return 'unmatched';
  return `${req.baseUrl}${path}`;
}
