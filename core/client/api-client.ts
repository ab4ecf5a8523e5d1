// The suite's HTTP client: Playwright's request API with the manners of a careful client.
// Tokens by role (the pool round-robin for bulk runs), pacing under the rate limit, a 429 that
// happens anyway waited out per Retry-After and kept for judging, a timeout that ends in an
// exchange instead of a hang, and any body recorded raw. It returns Exchanges and never throws
// for what the target does.

import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { Exchange, GeneratedCase, ReceivedResponse, RequestAuth, SentRequest } from '../exchange.js';
import type { Profile } from '../profile.js';
import { readJsonBody } from '../read-json-body.js';
import type { OperationModel } from '../spec/model.js';
import { queryPairs, requestUrl, type QueryInput } from './request-url.js';
import { TokenBook } from './token-book.js';
import { TokenPacer } from './token-pacer.js';
import { transportErrorOf } from './transport-error.js';

export interface ApiClientOptions {
  profile: Pick<Profile, 'baseUrl' | 'tokens' | 'rateLimit' | 'file'>;
  /** A Playwright request context from a fixture; without one the client creates (and disposes) its own. */
  context?: APIRequestContext;
  /** Per-request timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** 429s waited out per request before the 429 is returned; default 3. */
  maxRateLimitRetries?: number;
  /** Longest wait for one Retry-After; default the profile's window plus one second. */
  maxRetryWaitMs?: number;
  /** Pace each token under the profile's rate limit; default true. */
  pace?: boolean;
  /** Spacing beyond the window for network jitter; default 200 ms. */
  paceMarginMs?: number;
}

export interface ApiRequest {
  operation?: OperationModel;
  /** Default: the operation's method. */
  method?: string;
  /** Filled path relative to the base URL: `/tickets/01hx...`. */
  path: string;
  /** Default: the operation's path. */
  pathTemplate?: string;
  query?: QueryInput;
  /** Extra headers (X-Workspace-Id, ...). Authorization goes in `auth`. */
  headers?: Record<string, string>;
  /**
   * A role (`admin`, `member`, `other`, `multi`, `pool` for the next pool token, `pool[i]`) or
   * a RequestAuth; default `admin`.
   */
  auth?: string | RequestAuth;
  /** A body to send as JSON. */
  json?: unknown;
  /** A body sent byte for byte (malformed JSON cases); wins over `json`. */
  rawBody?: string;
  case?: GeneratedCase;
  timeoutMs?: number;
}

export interface ApiClientStats {
  /** HTTP attempts sent, retries included. */
  requests: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Attempts repeated after a 429. */
  retries: number;
  transportErrors: number;
  timeouts: number;
}

/** One HTTP attempt: an Exchange before the 429s that preceded it are attached. */
type Attempt = Exchange extends infer Each ? (Each extends Exchange ? Omit<Each, 'rateLimited'> : never) : never;

export class ApiClient {
  readonly stats: ApiClientStats = { requests: 0, rateLimited: 0, retries: 0, transportErrors: 0, timeouts: 0 };
  private readonly tokens: TokenBook;
  private readonly pacer: TokenPacer | undefined;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;

  private constructor(
    private readonly context: APIRequestContext,
    private readonly ownsContext: boolean,
    private readonly options: ApiClientOptions,
  ) {
    const { rateLimit } = options.profile;
    this.tokens = new TokenBook(options.profile);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRateLimitRetries ?? 3;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? rateLimit.windowSeconds * 1000 + 1000;
    this.pacer =
      options.pace === false
        ? undefined
        : new TokenPacer({
            limit: rateLimit.limit,
            windowMs: rateLimit.windowSeconds * 1000,
            ...(options.paceMarginMs === undefined ? {} : { marginMs: options.paceMarginMs }),
          });
  }

  static async create(options: ApiClientOptions): Promise<ApiClient> {
    if (options.context !== undefined) return new ApiClient(options.context, false, options);
    // No baseURL: every request carries an absolute URL, so curl lines match what was sent.
    const context = await playwrightRequest.newContext({ maxRedirects: 0, ignoreHTTPSErrors: false });
    return new ApiClient(context, true, options);
  }

  get baseUrl(): string {
    return this.options.profile.baseUrl;
  }

  /** Whether the profile has a token for `role`. */
  hasRole(role: string): boolean {
    return this.tokens.has(role);
  }

  /** Sends one request; a 429 is waited out (bounded) and kept in `rateLimited`. */
  async send(request: ApiRequest): Promise<Exchange> {
    const { auth, token } = this.authorization(request.auth);
    const paceKey = auth.kind === 'token' ? auth.role : 'anonymous'; // the server counts unauthenticated calls per address
    const rateLimited: Exchange[] = [];
    for (let attempt = 0; ; attempt += 1) {
      await this.pacer?.acquire(paceKey);
      const exchange = await this.sendOnce(request, auth, token);
      if (exchange.response?.status !== 429) return { ...exchange, rateLimited };
      this.stats.rateLimited += 1;
      if (attempt >= this.maxRetries) return { ...exchange, rateLimited };
      rateLimited.push({ ...exchange, rateLimited: [] });
      const waitMs = Math.min(retryAfterMs(exchange.response.headers['retry-after']) ?? this.maxRetryWaitMs, this.maxRetryWaitMs);
      this.pacer?.blockUntil(paceKey, Date.now() + waitMs);
      if (this.pacer === undefined) await new Promise((resolve) => setTimeout(resolve, waitMs));
      this.stats.retries += 1;
    }
  }

  async dispose(): Promise<void> {
    if (this.ownsContext) await this.context.dispose();
  }

  private authorization(input: ApiRequest['auth']): { auth: RequestAuth; token?: string } {
    if (input === undefined || typeof input === 'string') {
      const chosen = this.tokens.choose(input ?? 'admin');
      return { auth: { kind: 'token', role: chosen.role }, token: chosen.token };
    }
    if (input.kind === 'token') {
      const chosen = this.tokens.choose(input.role);
      return { auth: { kind: 'token', role: chosen.role }, token: chosen.token };
    }
    return { auth: input };
  }

  private async sendOnce(request: ApiRequest, auth: RequestAuth, token: string | undefined): Promise<Attempt> {
    const method = (request.method ?? request.operation?.method ?? 'GET').toUpperCase();
    const pathTemplate = request.pathTemplate ?? request.operation?.path;
    const query = queryPairs(request.query);
    const body = request.rawBody ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const sent: SentRequest = {
      method,
      url: requestUrl(this.baseUrl, request.path, query),
      path: request.path,
      ...(pathTemplate === undefined ? {} : { pathTemplate }),
      query,
      headers,
      auth,
      ...(body === undefined ? {} : { body }),
    };
    const wire = { ...headers };
    if (auth.kind === 'token' && token !== undefined) wire.authorization = `Bearer ${token}`;
    if (auth.kind === 'raw') wire.authorization = auth.authorization;

    const base = {
      operationKey: request.operation?.key ?? `${method} ${pathTemplate ?? request.path.split('?')[0]}`,
      ...(request.operation === undefined ? {} : { operation: request.operation }),
      request: sent,
      ...(request.case === undefined ? {} : { case: request.case }),
      startedAt: Date.now(),
    };
    this.stats.requests += 1;
    const started = performance.now();
    try {
      const response = await this.context.fetch(sent.url, {
        method,
        headers: wire,
        // A Buffer goes out byte for byte; a string under a JSON Content-Type would be
        // re-encoded by Playwright when it does not parse, hiding malformed-JSON cases.
        ...(body === undefined ? {} : { data: Buffer.from(body, 'utf8') }),
        timeout: request.timeoutMs ?? this.timeoutMs,
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const buffer = await response.body();
      const durationMs = performance.now() - started;
      const bodyText = buffer.toString('utf8');
      const received: ReceivedResponse = {
        status: response.status(),
        headers: joinedHeaders(response.headersArray()),
        bodyText,
        json: readJsonBody(bodyText),
        durationMs,
      };
      await response.dispose(); // Playwright keeps bodies until disposed: bulk runs would grow without bound
      return { ...base, response: received };
    } catch (error) {
      const transport = transportErrorOf(error, performance.now() - started);
      this.stats.transportErrors += 1;
      if (transport.kind === 'timeout') this.stats.timeouts += 1;
      return { ...base, error: transport };
    }
  }
}

/** Lower-case names; a repeated header joined with ", " as HTTP allows. */
function joinedHeaders(list: Array<{ name: string; value: string }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, value } of list) {
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return headers;
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
