import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console-config';
import type { ConsoleSession, SessionLimits } from './domain/session';
import { sessionEnd } from './domain/session-rules';

/**
 * Sessions in the console's memory (decision 0018): the console owns no schema, so a restart signs everyone out.
 * Bounded in count (the least recently used goes first) and in time: the cache forgets a session unused for the
 * idle limit, and `get` ends one older than the absolute limit.
 */
@Injectable()
export class SessionStore {
  readonly limits: SessionLimits;
  private readonly sessions: LRUCache<string, ConsoleSession>;

  constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
    this.limits = { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3600_000 };
    this.sessions = new LRUCache({ max: config.SESSION_MAX_COUNT, ttl: this.limits.idleMs, ttlAutopurge: false, updateAgeOnGet: false });
  }

  add(session: ConsoleSession): void {
    this.sessions.set(session.id, session);
  }

  /** The session, seen now (its idle time starts again), or undefined when there is none or it is over. */
  get(id: string | undefined, now = Date.now()): ConsoleSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (sessionEnd(session, this.limits, now)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    this.sessions.set(id, session); // restarts the idle time-to-live
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
