// Builds the target in-process and sends requests with a profile token; every answer is checked
// against the response schema of openapi.yaml before the test sees it.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, type TargetOptions } from '../../../target/app.js';
import { contractProblem, templateOf } from './response-contract.js';
import { TOKENS, type Role } from './tokens.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  // Parsed JSON of any shape: the assertions say what they expect.
  body: any;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Client {
  app: FastifyInstance;
  call(role: Role | null, method: Method, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Answer>;
  get(role: Role | null, path: string): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTarget(options: TargetOptions = {}): Promise<Client> {
  const app = await buildApp({ rateLimit: { limit: 1000, windowSeconds: 60 }, ...options });
  const call: Client['call'] = async (role, method, path, extra = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...extra.headers };
    if (role !== null) headers.authorization = `Bearer ${TOKENS[role]}`;
    let payload: string | undefined = extra.raw;
    if (extra.body !== undefined) payload = JSON.stringify(extra.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const url = `/api${path}`;
    const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    const body = response.body === '' ? undefined : (JSON.parse(response.body) as unknown);
    // 405 and a 404 for an unknown path are global answers, documented on no operation.
    const global = response.statusCode === 405 || (response.statusCode === 404 && templateOf(method, url) === undefined);
    if (!global) {
      const problem = contractProblem(method, url, response.statusCode, body);
      assert.equal(problem, undefined, `${method} ${path} answered outside the contract: ${problem}`);
    }
    if (response.statusCode !== 204) assert.match(String(response.headers['content-type']), /^application\/json/);
    return { status: response.statusCode, headers: response.headers, body };
  };
  return {
    app,
    call,
    get: (role, path) => call(role, 'GET', path),
    close: () => app.close(),
  };
}

/** Every item of a paginated list, following `page` until the last page. */
export async function allPages(client: Client, role: Role, path: string): Promise<any[]> {
  const items: any[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page += 1) {
    const answer = await client.get(role, `${path}${separator}per_page=100&page=${page}`);
    assert.equal(answer.status, 200, `${path} page ${page}: ${JSON.stringify(answer.body)}`);
    items.push(...answer.body.data);
    if (page >= answer.body.meta.last_page) return items;
  }
}

export type SimpleCall = (role: Role, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<Answer>;

/**
 * One target for the whole test file: starts it before the tests and closes it after them.
 * `call` sends a request (checked against openapi.yaml like every call); `app()` gives the
 * running app for the few tests that look into its database.
 */
export function targetForThisFile(options: TargetOptions = { rateLimit: { limit: 100_000, windowSeconds: 60 } }): {
  call: SimpleCall;
  app: () => FastifyInstance;
} {
  let client: Client | undefined;
  before(async () => {
    client = await startTarget(options);
  });
  after(async () => {
    await client?.close();
  });
  const started = (): Client => {
    assert.ok(client, 'the target starts before the tests');
    return client;
  };
  return {
    call: (role, method, path, body) => started().call(role, method, path, body === undefined ? {} : { body }),
    app: () => started().app,
  };
}
