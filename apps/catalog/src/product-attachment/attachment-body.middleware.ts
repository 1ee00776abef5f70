import { Injectable, type NestMiddleware } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import { raw, type NextFunction, type Request, type Response } from 'express';
import { LARGEST_ATTACHMENT } from './domain/upload-rules';

/**
 * An upload's body is the file's bytes, read whole up to the largest file any kind takes (the service's JSON
 * body limit is far smaller and stays as it is). A Content-Length over it is refused before a byte is read, and
 * a request without a token is not read at all (the guard refuses it next), so only callers with a token can
 * make catalog hold 10 MB.
 */
@Injectable()
export class AttachmentBodyMiddleware implements NestMiddleware {
  private readonly parse = raw({ type: () => true, limit: LARGEST_ATTACHMENT });

  use(req: Request, res: Response, next: NextFunction): void {
    if (!req.headers.authorization) return next();
    void this.parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type !== 'entity.too.large') return next(error);
      next(
        new DomainError('too_large', 'ATTACHMENT_TOO_LARGE', `an attachment holds at most ${LARGEST_ATTACHMENT} bytes`, {
          max: LARGEST_ATTACHMENT,
        }),
      );
    });
  }
}
