// A fixed-window rate limiter in front of the target (whose own limit is out of reach), with
// one chosen flaw: counting every token together, a check-then-act race, a Retry-After that
// lies, a window that never ends, a Remaining that never moves, or one request too many per window. Each must fail exactly the
// rate-limit check named after its rule.

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Answer, Fault, Forwarded } from './broken-proxy.js';

export interface LimiterFlaws {
  /** One budget for all tokens. */
  global?: boolean;
  /** Reads the count, forwards, and only then counts: parallel requests slip through. */
  racy?: boolean;
  /** Retry-After sent instead of the truth. */
  retryAfter?: number;
  /** Once throttled, a token stays throttled. */
  neverRecovers?: boolean;
  /** X-RateLimit-Remaining always limit - 1. */
  stuckRemaining?: boolean;
  /** Serves one request more than the limit in every window (Remaining 0 on it). */
  leaky?: boolean;
}

export function faultyLimiter(limit: number, windowSeconds: number, flaws: LimiterFlaws): Fault {
  const windows = new Map<string, { start: number; count: number; throttled: boolean }>();
  const windowMs = windowSeconds * 1000;
  const refuse = (retryAfter: number): Answer => ({
    status: 429,
    headers: { 'content-type': 'application/json', 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0', 'retry-after': String(retryAfter) },
    body: '{"message":"Too Many Attempts."}',
  });
  return {
    async request(request: Forwarded, forward) {
      const key = flaws.global === true ? 'everyone' : (request.headers.authorization ?? 'anonymous');
      const now = Date.now();
      let window = windows.get(key);
      const expired = window !== undefined && now >= window.start + windowMs && !(flaws.neverRecovers === true && window.throttled);
      if (window === undefined || expired) {
        window = { start: now, count: 0, throttled: false };
        windows.set(key, window);
      }
      const seen = window.count;
      if (flaws.racy === true) await nextTurn();
      else window.count += 1;
      const counted = flaws.racy === true ? seen + 1 : window.count;
      if (counted > limit + (flaws.leaky === true ? 1 : 0)) {
        window.throttled = true;
        if (flaws.racy === true) window.count = counted;
        const truth = Math.min(windowSeconds, Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)));
        return refuse(flaws.retryAfter ?? truth);
      }
      const answer = await forward(request);
      if (flaws.racy === true) window.count = Math.max(window.count, counted);
      const remaining = flaws.stuckRemaining === true ? limit - 1 : Math.max(0, limit - counted);
      return { ...answer, headers: { ...answer.headers, 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) } };
    },
  };
}
