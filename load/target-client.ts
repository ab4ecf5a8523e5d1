// A small HTTP client for the requests around a load run (checking credentials, discovering ids,
// setting up and cleaning up), never for the measured traffic. It only ever talks to the
// profile's base URL, and can wait out a 429 the way a polite client does.
import { sleep } from './clock.js';

export interface TargetResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export class TargetClient {
  readonly basePath: string;
  private readonly origin: string;

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  /** `path` is relative to the base URL (`/tickets?page=2`). Throws on a transport error. */
  async request(method: string, path: string, token: string, body?: unknown): Promise<TargetResponse> {
    const url = new URL(this.basePath + path, this.origin);
    if (url.origin !== this.origin) throw new Error(`refusing to send to ${url.origin}: not the profile's base URL`);
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** Like request(), but a 429 is waited out (Retry-After, at most `maxWaitSeconds`) and retried. */
  async politeRequest(method: string, path: string, token: string, body?: unknown, maxWaitSeconds = 60, attempts = 5): Promise<TargetResponse> {
    let response = await this.request(method, path, token, body);
    for (let attempt = 1; attempt < attempts && response.status === 429; attempt += 1) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, maxWaitSeconds) : 1;
      await sleep(seconds * 1000 + 50);
      response = await this.request(method, path, token, body);
    }
    return response;
  }

  /** True when anything answers HTTP at the base URL within `timeoutMs`. */
  async answers(token: string, timeoutMs = 2000): Promise<boolean> {
    try {
      const url = new URL(`${this.basePath}/me`, this.origin);
      await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) }).then((r) => r.arrayBuffer());
      return true;
    } catch {
      return false;
    }
  }
}
