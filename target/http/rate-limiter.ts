// Fixed-window rate limiter, Laravel style: the window starts with a key's first request;
// every request takes a slot while one is left; a refused request does not extend the window.
import type { ActiveFaults } from '../faults/active.js';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (≥ 1), only when the request is refused. */
  retryAfter?: number;
}

interface Window {
  start: number;
  count: number;
  /** Fault `rate-lockout-outlasts-window`: refused until then, whatever the window says. */
  lockedUntil?: number;
}

const NO_FAULTS: ActiveFaults = { has: () => false, ids: [] };

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    private readonly faults: ActiveFaults = NO_FAULTS,
  ) {}

  take(key: string, now = Date.now()): RateLimitState {
    const windowMs = this.windowSeconds * 1000;
    let window = this.windows.get(key);
    const locked = window?.lockedUntil !== undefined && now < window.lockedUntil;
    if (!window || (now >= window.start + windowMs && !locked)) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const remaining = this.faults.has('rate-remaining-frozen') ? this.limit : Math.max(0, this.limit - window.count);
    const state: RateLimitState = { limit: this.limit, remaining };
    if ((window.count > this.limit || locked) && !this.faults.has('rate-limit-off')) {
      // A lockout cache whose entry lives two windows, while Retry-After still reads the first.
      if (this.faults.has('rate-lockout-outlasts-window')) window.lockedUntil ??= window.start + 2 * windowMs;
      const seconds = Math.ceil((window.start + windowMs - now) / 1000);
      state.retryAfter = this.faults.has('retry-after-too-short') ? 1 : Math.min(this.windowSeconds, Math.max(1, seconds));
    }
    return state;
  }
}
