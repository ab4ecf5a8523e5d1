// The client of one Playwright worker. Workers run at the same time against the same target,
// and the target counts requests per token, so each worker gets a disjoint share of the pool at
// the full rate limit, and uses the shared roles (admin, member, other, multi, and requests
// without a valid token, which the target counts per address) at its part of the limit only.
// Together the workers then stay under the limit on every key, and no 429 happens by accident.

import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { ApiClient, type ApiClientStats, type ApiRequest } from '../../core/client/api-client.js';
import type { Exchange, RequestAuth } from '../../core/exchange.js';
import type { Profile } from '../../core/profile.js';
import { InheritedPace } from './inherited-pace.js';

export interface WorkerClientOptions {
  profile: Profile;
  /** This worker's slot, 0 … workers-1 (Playwright's parallelIndex: stable across worker restarts). */
  slot: number;
  workers: number;
  timeoutMs?: number;
  /** Where the previous worker of this slot left its send times (see inherited-pace.ts). */
  paceFile?: string;
}

/** Spacing beyond the window, as the core pacer keeps it. */
const PACE_MARGIN_MS = 200;

export class WorkerClient {
  /** Pool roles (`pool[i]`) this worker owns; the admin role when the pool cannot be split. */
  readonly poolRoles: readonly string[];
  private next = 0;
  private readonly listeners: Array<(exchange: Exchange) => void> = [];
  private readonly pace: InheritedPace;

  private constructor(
    private readonly context: APIRequestContext,
    private readonly pooled: ApiClient,
    private readonly shared: ApiClient,
    private readonly ownsPool: boolean,
    poolRoles: string[],
    readonly profile: Profile,
    share: number,
    private readonly paceFile: string | undefined,
  ) {
    this.poolRoles = poolRoles;
    const { limit, windowSeconds } = profile.rateLimit;
    this.pace = new InheritedPace(
      paceFile === undefined ? {} : InheritedPace.read(paceFile),
      (key) => (this.ownsPool && key.startsWith('pool[') ? limit : share),
      windowSeconds * 1000 + PACE_MARGIN_MS,
    );
  }

  static async create(options: WorkerClientOptions): Promise<WorkerClient> {
    const { profile, slot, workers } = options;
    const { pool } = profile.tokens;
    // Only a pool with a token for every worker can be split; otherwise its tokens are shared like the named roles.
    const owns = pool.length >= workers;
    const poolRoles = owns
      ? pool.map((_token, index) => index).filter((index) => index % workers === slot % workers).map((index) => `pool[${index}]`)
      : pool.length > 0
        ? pool.map((_token, index) => `pool[${index}]`)
        : ['admin'];
    const context = await playwrightRequest.newContext({ maxRedirects: 0 });
    const common = { context, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) };
    const { limit, windowSeconds } = profile.rateLimit;
    const pooled = await ApiClient.create({ ...common, profile, paceMarginMs: PACE_MARGIN_MS });
    // The runner's own probes (webServer's availability check, the pre-flight) take a slot or two.
    const share = Math.max(1, Math.floor((limit - 2) / Math.max(1, workers)));
    const shared = await ApiClient.create({ ...common, profile: { ...profile, rateLimit: { limit: share, windowSeconds } }, paceMarginMs: PACE_MARGIN_MS });
    return new WorkerClient(context, pooled, shared, owns, poolRoles, profile, share, options.paceFile);
  }

  get baseUrl(): string {
    return this.profile.baseUrl;
  }

  /** The next pool role of this worker, round-robin: bulk requests spread their rate-limit budget. */
  nextPoolRole(): string {
    const role = this.poolRoles[this.next % this.poolRoles.length] as string;
    this.next += 1;
    return role;
  }

  /** Whether the profile has a token for `role` (`pool` always resolves). */
  hasRole(role: string): boolean {
    return this.pooled.hasRole(role);
  }

  /**
   * Sends one request (default role: the next pool role of this worker). `pool` means the next
   * pool role of this worker, never another worker's token.
   */
  async send(request: ApiRequest): Promise<Exchange> {
    const auth = this.resolve(request.auth);
    const client = auth.kind === 'token' && this.ownsPool && auth.role.startsWith('pool[') ? this.pooled : this.shared;
    const key = auth.kind === 'token' ? auth.role : 'anonymous';
    const wait = this.pace.reserve(key) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const exchange = await client.send({ ...request, auth });
    for (const attempt of [...exchange.rateLimited, exchange]) this.pace.record(key, attempt.startedAt);
    for (const listener of this.listeners) listener(exchange);
    return exchange;
  }

  /** Calls `listener` with every exchange this client completes (the created registry tracks creations so). */
  onExchange(listener: (exchange: Exchange) => void): void {
    this.listeners.push(listener);
  }

  stats(): ApiClientStats {
    const sum = { requests: 0, rateLimited: 0, retries: 0, transportErrors: 0, timeouts: 0 };
    for (const client of [this.pooled, this.shared]) {
      for (const key of Object.keys(sum) as Array<keyof ApiClientStats>) sum[key] += client.stats[key];
    }
    return sum;
  }

  async dispose(): Promise<void> {
    if (this.paceFile !== undefined) this.pace.write(this.paceFile);
    await this.context.dispose();
  }

  private resolve(auth: ApiRequest['auth']): RequestAuth {
    if (auth === undefined || auth === 'pool') return { kind: 'token', role: this.nextPoolRole() };
    if (typeof auth === 'string') return { kind: 'token', role: auth };
    if (auth.kind === 'token' && auth.role === 'pool') return { kind: 'token', role: this.nextPoolRole() };
    return auth;
  }
}
