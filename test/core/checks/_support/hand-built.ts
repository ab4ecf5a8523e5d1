// Hand-built exchanges of the project's operations: a request as the client would record it
// and the answer a target might give, for tests that state exactly what a server did.

import type { Exchange } from '../../../../core/exchange.js';
import { requestUrl } from '../../../../core/client/request-url.js';
import { readJsonBody } from '../../../../core/read-json-body.js';
import type { OperationModel } from '../../../../core/spec/model.js';

const BASE = 'http://127.0.0.1:4010/api';

export interface HandBuilt {
  operation: OperationModel;
  path?: string;
  method?: string;
  query?: Array<[string, string]>;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  json?: unknown;
  role?: string;
  startedAt?: number;
  durationMs?: number;
}

export function handBuilt(input: HandBuilt): Exchange {
  const path = input.path ?? input.operation.path;
  const query = input.query ?? [];
  const bodyText = input.body === undefined ? '' : JSON.stringify(input.body);
  return {
    operationKey: input.operation.key,
    operation: input.operation,
    request: {
      method: input.method ?? input.operation.method,
      url: requestUrl(BASE, path, query),
      path,
      pathTemplate: input.operation.path,
      query,
      headers: { accept: 'application/json' },
      auth: { kind: 'token', role: input.role ?? 'admin' },
      ...(input.json === undefined ? {} : { body: JSON.stringify(input.json) }),
    },
    rateLimited: [],
    startedAt: input.startedAt ?? 0,
    response: {
      status: input.status ?? 200,
      headers: { 'content-type': 'application/json', ...input.headers },
      bodyText,
      json: readJsonBody(bodyText),
      durationMs: input.durationMs ?? 2,
    },
  };
}

/** A page answer as a conformant server would build it for `items` of `all`. */
export function pageOf(
  operation: OperationModel,
  all: readonly unknown[],
  page: number,
  perPage: number,
  query: Array<[string, string]> = [],
): Exchange {
  const total = all.length;
  const last = Math.max(1, Math.ceil(total / perPage));
  const data = all.slice((page - 1) * perPage, page * perPage);
  const kept = query.filter(([key]) => key !== 'page');
  const link = (target: number): string => requestUrl(BASE, operation.path, [...kept, ['page', String(target)]]);
  return handBuilt({
    operation,
    query: page === 1 ? kept : [...kept, ['page', String(page)]],
    body: {
      data,
      meta: {
        current_page: page,
        last_page: last,
        per_page: perPage,
        total,
        from: data.length === 0 ? null : (page - 1) * perPage + 1,
        to: data.length === 0 ? null : (page - 1) * perPage + data.length,
      },
      links: {
        first: link(1),
        last: link(last),
        prev: page > 1 ? link(Math.min(page - 1, last)) : null,
        next: page < last ? link(page + 1) : null,
      },
    },
  });
}

/** Every page of `all`, as a walk from page 1 would fetch them. */
export function pagesOf(operation: OperationModel, all: readonly unknown[], perPage: number, query: Array<[string, string]> = []): Exchange[] {
  const last = Math.max(1, Math.ceil(all.length / perPage));
  return Array.from({ length: last }, (_, index) => pageOf(operation, all, index + 1, perPage, [...query, ['per_page', String(perPage)]]));
}

/** A ticket-like item with a ULID made from `n`. */
export function item(n: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: n, ulid: `01hx0000000000000000000${String(n).padStart(3, '0')}`, ...fields };
}
