// Keeps each token under the target's rate limit, so a bulk run never meets a 429 by accident.
// A sliding log per key: at most `limit` sends in any `window + margin`. The server counts in
// fixed windows that start at a request it received; a sliding bound on send times is at least
// as strict, and the margin absorbs the difference between send and arrival times.

export interface TokenPacerOptions {
  limit: number;
  windowMs: number;
  /** Extra spacing beyond the window (network jitter); default 200 ms. */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenPacer {
  private readonly limit: number;
  private readonly spanMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Reserved send times per key, ascending; only the last `limit` matter. */
  private readonly sends = new Map<string, number[]>();
  /** No send before this time per key (after a 429's Retry-After). */
  private readonly blockedUntil = new Map<string, number>();

  constructor(options: TokenPacerOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error('The pacing limit must be a positive integer.');
    if (!(options.windowMs > 0)) throw new Error('The pacing window must be a positive number of milliseconds.');
    this.limit = options.limit;
    this.spanMs = options.windowMs + (options.marginMs ?? 200);
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Waits until `key` may send, and reserves that slot. Concurrent callers queue in order. */
  async acquire(key: string): Promise<void> {
    const at = this.reserve(key);
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  /** No send for `key` before `time` (ms since epoch), e.g. when a 429 said Retry-After. */
  blockUntil(key: string, time: number): void {
    this.blockedUntil.set(key, Math.max(time, this.blockedUntil.get(key) ?? 0));
  }

  /** The send time granted to the next request of `key`; synchronous, so reservations never race. */
  private reserve(key: string): number {
    const log = this.sends.get(key) ?? [];
    let at = Math.max(this.now(), this.blockedUntil.get(key) ?? 0);
    if (log.length >= this.limit) at = Math.max(at, (log[log.length - this.limit] as number) + this.spanMs);
    const last = log[log.length - 1];
    if (last !== undefined) at = Math.max(at, last); // keep the log sorted
    log.push(at);
    if (log.length > this.limit) log.splice(0, log.length - this.limit);
    this.sends.set(key, log);
    return at;
  }
}
