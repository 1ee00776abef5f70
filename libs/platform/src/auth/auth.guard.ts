import { DomainError, refuse, type ErrorKind } from '@titipan/kernel';
import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, ActorRole } from '@titipan/contracts';
import type { Request } from 'express';
import { currentContext } from '../context/request-context';
import type { ServiceName } from '../database/service-identity';
import { SERVICE_NAME, TOKEN_VERIFIER } from '../platform.tokens';
import { audienceOf, tokenRefusal, type TokenRefusalCode, type TokenTimes } from './token-rules';
import type { TokenVerifier } from './token-verifier';
import { actorFromClaims, type TokenClaims } from './tokens';

/** Every token refusal is a 401: the caller needs a new token. */
const TOKEN_REFUSAL_KIND: Record<TokenRefusalCode, ErrorKind> = {
  TOKEN_EXPIRY_MISSING: 'unauthenticated',
  TOKEN_ISSUE_TIME_MISSING: 'unauthenticated',
  TOKEN_AUDIENCE_MISMATCH: 'unauthenticated',
  TOKEN_NOT_YET_VALID: 'unauthenticated',
  TOKEN_EXPIRED: 'unauthenticated',
  TOKEN_LIFETIME_TOO_LONG: 'unauthenticated',
};

const ALLOWED_ROLES = 'titipan:allowed-roles';
const PUBLIC_ROUTE = 'titipan:public';

/** Declares which roles may call an endpoint (or every endpoint of a controller). */
export const Allow = (...roles: ActorRole[]) => SetMetadata(ALLOWED_ROLES, roles);
/** Every authenticated actor may call it. */
export const AnyActor = () => SetMetadata(ALLOWED_ROLES, 'any');
/** No token needed (health, API documentation). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The authenticated caller, as set by AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<Request & { actor: Actor }>().actor;
});

/**
 * Global guard: a bearer token signed by a trusted issuer's published key, for this service, within its lifetime (401 with the reason otherwise), whose
 * role the endpoint allows (403 with the reason otherwise). Endpoints that declare no roles are refused, so a
 * forgotten @Allow fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly audience: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(SERVICE_NAME) service: ServiceName,
  ) {
    this.audience = audienceOf(service);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;
    const store = currentContext();
    if (store) store.actor = actor;

    const allowed = this.reflector.getAllAndOverride<ActorRole[] | 'any'>(ALLOWED_ROLES, targets);
    if (allowed === 'any') return true;
    if (!allowed || !allowed.includes(actor.role)) {
      throw new DomainError(
        'forbidden',
        'ROLE_NOT_ALLOWED',
        `role ${actor.role} may not call ${request.method} ${(request as { route?: { path?: string } }).route?.path ?? request.path}; allowed: ${(allowed ?? []).join(', ') || 'nobody'}`,
        { role: actor.role, allowed: allowed ?? [] },
      );
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header ?? '');
    if (!match) throw new DomainError('unauthenticated', 'TOKEN_MISSING', 'send Authorization: Bearer <token>');
    // signature, algorithm, issuer, exp and nbf here; the other times and the audience by the token rules, each with its own code
    const claims = (await this.verifier.verify(match[1])) as Partial<TokenClaims> & TokenTimes;
    const refusal = tokenRefusal({ claims, audience: this.audience, now: Date.now() / 1000 });
    if (refusal) refuse(refusal, TOKEN_REFUSAL_KIND);
    return actorFromClaims(claims);
  }
}
