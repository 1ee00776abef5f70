import { DomainError, type ErrorKind } from '@titipan/kernel';
import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { currentContext } from '../context/request-context';
import { isTransientError } from './transient';

const STATUS_OF: Record<ErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Codes for errors raised by the framework rather than by our own code. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Codes for the body parser's refusals (its error `type`s). */
const CODE_OF_BODY_ERROR: Record<string, string> = {
  'charset.unsupported': 'UNSUPPORTED_CHARSET',
  'encoding.unsupported': 'UNSUPPORTED_CONTENT_ENCODING',
  'request.aborted': 'REQUEST_ABORTED',
  'request.size.invalid': 'REQUEST_SIZE_INVALID',
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** One error shape for every endpoint: status, stable code, message, details, correlation id. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    body.correlationId = currentContext()?.correlationId;
    if (body.statusCode >= 500) this.logger.error({ err: error }, body.message);
    if (body.statusCode === (HttpStatus.SERVICE_UNAVAILABLE as number)) response.setHeader('Retry-After', '1');
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: STATUS_OF[error.kind], code: error.code, message: error.message, details: error.details };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? String(response.message) : error.message;
      // body-parser's syntax errors arrive as 400 BadRequestException
      const code =
        error instanceof BadRequestException && /JSON/i.test(message) ? 'MALFORMED_JSON' : (CODE_OF_STATUS[status] ?? 'HTTP_ERROR');
      return { statusCode: status, code, message };
    }
    const typed = error as { type?: string; status?: number; message?: string; expose?: boolean };
    if (typed?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body exceeds the configured limit' };
    }
    if (typed?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'request body is not valid JSON' };
    }
    // the body parser's other refusals (an unsupported charset or content encoding, an aborted upload) are the
    // client's, with their own status
    if (typed?.expose && typeof typed.status === 'number' && typed.status >= 400 && typed.status < 500) {
      const code = CODE_OF_BODY_ERROR[typed.type ?? ''] ?? CODE_OF_STATUS[typed.status] ?? 'BAD_REQUEST';
      return { statusCode: typed.status, code, message: typed.message ?? 'the request body was refused' };
    }
    // a unique index caught a race the service's own check could not see
    if ((error as { driverError?: { code?: string } })?.driverError?.code === '23505') {
      return { statusCode: 409, code: 'DUPLICATE', message: 'a record with the same identity already exists' };
    }
    if (isTransientError(error)) {
      return { statusCode: 503, code: 'RETRYABLE', message: 'a dependency is briefly unavailable; retry the request' };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error' };
  }
}
