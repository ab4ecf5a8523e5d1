// Sends requests to an in-process Fastify app (`app.inject`) and records them as the suite's
// Exchanges, so the semantic checks judge the reference target (or a broken stand-in) exactly
// as they judge a real one over HTTP.

import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { requestUrl } from '../../../../core/client/request-url.js';
import type { Exchange } from '../../../../core/exchange.js';
import { loadProfile } from '../../../../core/profile.js';
import { readJsonBody } from '../../../../core/read-json-body.js';
import type { OperationModel } from '../../../../core/spec/model.js';

export const PROFILE = loadProfile(fileURLToPath(new URL('../../../../targets/local.yaml', import.meta.url)), {});

export interface InjectRequest {
  operation?: OperationModel;
  method?: string;
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  /** A profile role (`admin`, `member`, `other`, `multi`, `pool[i]`); default admin. */
  auth?: string;
  headers?: Record<string, string>;
  json?: unknown;
}

const BASE = 'http://127.0.0.1:4010/api';

export function tokenOf(role: string): string {
  const pooled = /^pool\[(\d+)\]$/.exec(role);
  const token = pooled !== null ? PROFILE.tokens.pool[Number(pooled[1])] : (PROFILE.tokens as unknown as Record<string, string | undefined>)[role];
  if (token === undefined) throw new Error(`no token for role ${role}`);
  return token;
}

export function injectSend(app: FastifyInstance): (request: InjectRequest) => Promise<Exchange> {
  return async (request) => {
    const method = (request.method ?? request.operation?.method ?? 'GET').toUpperCase();
    const query = (request.query ?? []).map(([key, value]): [string, string] => [key, value]);
    const role = request.auth ?? 'admin';
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = requestUrl(BASE, request.path, query);
    const startedAt = Date.now();
    const started = performance.now();
    const answer = await app.inject({
      method: method as 'GET',
      url: url.slice(url.indexOf('/api')),
      headers: { ...headers, authorization: `Bearer ${tokenOf(role)}`, host: '127.0.0.1:4010' },
      ...(body === undefined ? {} : { payload: body }),
    });
    const received: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) received[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return {
      operationKey: request.operation?.key ?? `${method} ${request.path}`,
      ...(request.operation === undefined ? {} : { operation: request.operation }),
      request: {
        method,
        url,
        path: request.path,
        ...(request.operation === undefined ? {} : { pathTemplate: request.operation.path }),
        query,
        headers,
        auth: { kind: 'token', role },
        ...(body === undefined ? {} : { body }),
      },
      rateLimited: [],
      startedAt,
      response: {
        status: answer.statusCode,
        headers: received,
        bodyText: answer.body,
        json: readJsonBody(answer.body),
        durationMs: performance.now() - started,
      },
    };
  };
}
