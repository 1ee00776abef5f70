import { DomainError } from '@titipan/kernel';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Actor } from '@titipan/contracts';
import type { Request, Response } from 'express';
import type { PlatformConfig } from '../config/platform-config';
import { FixedWindowStorage } from './fixed-window-storage';

/** The two budgets every request spends from: its client address's and, once authenticated, its actor's. */
type LimitName = 'address' | 'actor';

type RequestWithActor = Request & { actor?: Actor };

/** Limits from the configuration; counts live in this process (each instance of a service counts its own). */
export function rateLimitOptions(config: PlatformConfig): ThrottlerModuleOptions {
  const ttl = config.RATE_LIMIT_WINDOW_S * 1000;
  return {
    storage: new FixedWindowStorage(),
    setHeaders: false, // Retry-After is set on refusal; the library's per-limit headers would be named Retry-After-<name>
    throttlers: [
      { name: 'address', ttl, limit: config.RATE_LIMIT_PER_ADDRESS },
      // AuthGuard has verified the token before this limit is checked, so a forged subject spends nothing of the real one's budget
      { name: 'actor', ttl, limit: config.RATE_LIMIT_PER_ACTOR, getTracker: (req) => (req as RequestWithActor).actor!.id },
    ],
  };
}

/** Probes (liveness, readiness) are never limited: an orchestrator must not restart a service because it polled it. */
export const NoRateLimit = () => SkipThrottle({ address: true, actor: true });

/** One of the two limits; a refusal is 429 RATE_LIMITED with Retry-After and the limit that was reached. */
abstract class RateLimitGuard extends ThrottlerGuard {
  protected abstract readonly limitName: LimitName;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((t) => t.name === this.limitName);
  }

  /** One budget over every endpoint (the library's default key is per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = detail.timeToBlockExpire;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    const windowSeconds = detail.ttl / 1000;
    throw new DomainError(
      'rate_limited',
      'RATE_LIMITED',
      `more than ${detail.limit} requests in ${windowSeconds} s from this ${this.limitName}; retry after ${retryAfterSeconds} s`,
      { limit: this.limitName, max: detail.limit, windowSeconds, retryAfterSeconds },
    );
  }
}

/** Runs before authentication, so requests with missing or bad tokens count too. */
@Injectable()
export class AddressRateLimitGuard extends RateLimitGuard {
  protected readonly limitName = 'address';
}

/** Runs after AuthGuard, on the verified subject; public routes have no actor and spend only the address budget. */
@Injectable()
export class ActorRateLimitGuard extends RateLimitGuard {
  protected readonly limitName = 'actor';

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!context.switchToHttp().getRequest<RequestWithActor>().actor);
  }
}
