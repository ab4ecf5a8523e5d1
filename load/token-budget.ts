// How fast a set of tokens may go under the target's per-token fixed-window limit without a 429:
// each token gets (limit - 1) requests per window (the window starts with the first request, so
// an evenly spaced stream can fit one extra), with 10 % headroom for timing jitter.
export const BUDGET_HEADROOM = 0.9;

export function tokenBudget(tokens: number, rateLimit: { limit: number; windowSeconds: number }): number {
  return (tokens * Math.max(1, rateLimit.limit - 1) * BUDGET_HEADROOM) / rateLimit.windowSeconds;
}
