import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ConsoleSession } from './domain/session';
import { cookieOf, SESSION_COOKIE } from './session-cookie';
import { SessionService, signedOut } from './session.service';

type WithSession = Request & { consoleSession?: ConsoleSession };

/** The request's session from its cookie, or 401 SIGNED_OUT. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WithSession>();
    req.consoleSession = this.sessions.require(cookieOf(req, SESSION_COOKIE));
    return true;
  }
}

/** The session the guard found. */
export function sessionOf(req: Request): ConsoleSession {
  const session = (req as WithSession).consoleSession;
  if (!session) throw signedOut();
  return session;
}
