import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  /** Epoch ms at which the window ends and the count starts again. */
  endsAt: number;
}

/**
 * Rate-limit counts as fixed windows: one counter per key, O(1) per request. @nestjs/throttler's own storage
 * keeps a timestamp per hit and filters the list on every request, which at the limits this service allows
 * (tens of thousands a minute per address) costs milliseconds a request. A caller over the limit is refused
 * until its window ends; refused requests do not count.
 */
export class FixedWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, ttl: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const now = this.now();
    this.sweep(now, ttl);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl };
      this.windows.set(key, window);
    }
    const isBlocked = window.hits >= limit;
    if (!isBlocked) window.hits++;
    const secondsLeft = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    });
  }

  /** Keys seen, for tests. */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets ended windows, at most once per window length, so one-off callers do not pile up. */
  private sweep(now: number, ttl: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + ttl;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
