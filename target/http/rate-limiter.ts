// Fixed-window rate limiter, Laravel style: the window starts with a key's first request;
// every request takes a slot while one is left; a refused request does not extend the window.

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (≥ 1), only when the request is refused. */
  retryAfter?: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  take(key: string, now = Date.now()): RateLimitState {
    const windowMs = this.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const state: RateLimitState = { limit: this.limit, remaining: Math.max(0, this.limit - window.count) };
    if (window.count > this.limit) {
      const seconds = Math.ceil((window.start + windowMs - now) / 1000);
      state.retryAfter = Math.min(this.windowSeconds, Math.max(1, seconds));
    }
    return state;
  }
}
