import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import { currentContext } from '@titipan/platform';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console-config';
import type { ConsoleSession } from '../session/domain/session';
import { SessionService } from '../session/session.service';
import {
  bodyKindOf,
  FORWARDED_REQUEST_HEADERS,
  pickHeaders,
  RETURNED_RESPONSE_HEADERS,
  UPLOAD_CONTENT_TYPES,
  upstreamUrl,
  type ConsoleService,
  type ForwardTarget,
} from './domain/forward-rules';

/**
 * Forwards a page's request to a service with the person's access token (JSON, and files to catalog's attachment
 * uploads), and streams the answer back (JSON, and PDF, XLSX, CSV and image downloads) with its status and the headers the page needs, nothing else.
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger('Proxy');
  private readonly bases: Record<ConsoleService, string>;

  constructor(
    private readonly sessions: SessionService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {
    this.bases = {
      catalog: config.CATALOG_URL,
      consignment: config.CONSIGNMENT_URL,
      reporting: config.REPORTING_URL,
      notification: config.NOTIFICATION_URL,
    };
  }

  async forward(session: ConsoleSession, target: ForwardTarget, req: Request, res: Response): Promise<void> {
    const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined;
    if (body && !bodyKindOf({ method: req.method, target, contentType: req.headers['content-type'] })) {
      throw new DomainError(
        'validation',
        'UNSUPPORTED_MEDIA_TYPE',
        `the console forwards JSON bodies (Content-Type: application/json), and files (${UPLOAD_CONTENT_TYPES.join(', ')}) to catalog's attachment uploads only`,
      );
    }
    const url = upstreamUrl(this.bases[target.service], target);
    if (!url) throw new DomainError('not_found', 'ROUTE_NOT_FOUND', 'no such path');
    const accessToken = await this.sessions.accessToken(session);
    const headers: Record<string, string> = {
      ...pickHeaders(req.headers, FORWARDED_REQUEST_HEADERS),
      authorization: `Bearer ${accessToken}`,
    };
    const correlationId = currentContext()?.correlationId;
    if (correlationId) headers['x-correlation-id'] = correlationId;

    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.config.UPSTREAM_TIMEOUT_MS);
    res.once('close', () => abort.abort()); // the page went away: stop asking the service too
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(url, { method: req.method, headers, body, redirect: 'manual', signal: abort.signal });
    } catch (error) {
      this.logger.warn(`${target.service} did not answer ${req.method} ${target.pathAndQuery.split('?')[0]}: ${(error as Error).message}`);
      throw new DomainError('unavailable', 'SERVICE_UNAVAILABLE', `the ${target.service} service did not answer; try again shortly`, {
        service: target.service,
      });
    } finally {
      clearTimeout(timer);
    }
    res.status(upstream.status);
    const returned: Record<string, string> = {};
    upstream.headers.forEach((value, name) => (returned[name] = value));
    for (const [name, value] of Object.entries(pickHeaders(returned, RETURNED_RESPONSE_HEADERS))) res.setHeader(name, value);
    if (!upstream.body || req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(Readable.fromWeb(upstream.body), res);
    } catch (error) {
      // the page or the service went away mid-answer; nothing more can be sent
      this.logger.warn(`${target.service} answer cut short: ${(error as Error).message}`);
    }
  }
}
