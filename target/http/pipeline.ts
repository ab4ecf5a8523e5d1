// The request pipeline, in the contract's order of answers: routing (404/405), auth (401),
// rate limit (429), workspace (400/403), path resources (404), role (403), malformed body and
// unknown filter/sort (400), validation from openapi.yaml (422), then the handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PathResolver } from '../resources/family.js';
import { authenticate, bearerToken } from './authenticate.js';
import { hasMalformedBody } from './body-parser.js';
import type { Contract, OperationContract } from './contract.js';
import { HttpError, MESSAGES, ValidationFailed } from './errors.js';
import { deserialiseQuery } from './query.js';
import type { FixedWindowLimiter, RateLimitState } from './rate-limiter.js';
import { contractPath, RouteTable } from './route-table.js';
import { toFieldErrors } from './validation-errors.js';
import { resolveWorkspace } from './workspace.js';
import { isUlid } from '../db/ids.js';
import { assertStorable } from '../db/storable.js';
import { plusEmailErrors } from './plus-email-errors.js';

const NOT_FOUND_PAGE = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';

export interface PipelineOptions {
  contract: Contract;
  limiter: FixedWindowLimiter;
  resolvers: Record<string, PathResolver>;
}

const rateStates = new WeakMap<FastifyRequest, RateLimitState>();

function operationOf(contract: Contract, request: FastifyRequest): OperationContract | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : contract.operation(request.method, contractPath(url));
}

function resolvePathResources(request: FastifyRequest, resolvers: Record<string, PathResolver>): void {
  const names = [...(request.routeOptions.url ?? '').matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? '');
  const params = request.params as Record<string, string>;
  for (const name of names) {
    const resolver = resolvers[name];
    if (!resolver) throw new Error(`No path resolver for parameter "${name}".`);
    const value = params[name] ?? '';
    const row = isUlid(value) ? resolver(value.toLowerCase(), request) : undefined;
    if (!row) throw new HttpError(404, MESSAGES.notFound);
    request.resources[name] = row;
  }
}

function checkQueryNames(request: FastifyRequest, operation: OperationContract): void {
  const raw = request.query as Record<string, string | string[] | undefined>;
  const unknownFilters = Object.keys(raw)
    .map((key) => /^filter\[(.*)\]$/.exec(key)?.[1])
    .filter((key): key is string => key !== undefined && !operation.filterKeys.includes(key));
  if (unknownFilters.length > 0) {
    const allowed = operation.filterKeys.join(', ');
    throw new HttpError(
      400,
      `Requested filter(s) \`${unknownFilters.join(', ')}\` are not allowed. Allowed filter(s) are \`${allowed}\`.`,
    );
  }
  const sort = raw.sort;
  if (sort === undefined) return;
  const declared = operation.query.some((parameter) => parameter.name === 'sort');
  const values = operation.sortValues;
  if (!declared || typeof sort !== 'string' || (values !== undefined && !values.includes(sort))) {
    const allowed = (values ?? []).join(', ');
    throw new HttpError(400, `Requested sort \`${String(sort)}\` is not allowed. Allowed sort(s) are \`${allowed}\`.`);
  }
}

/** The id part of a Sanctum token; it assumes the `|` is there (fault `malformed-token-500`). */
function tokenIdOf(token: string): number {
  const [, secret] = token.split('|') as [string, string];
  return Number(token.slice(0, token.length - secret.length - 1));
}

/**
 * Fault `articles-without-auth`: the help centre's article list, registered as public. The
 * brain decides the workspace; the caller is an anonymous guest. False when the route is another.
 */
function servePublicArticles(request: FastifyRequest, resolvers: Record<string, PathResolver>): boolean {
  if (request.method !== 'GET' || request.routeOptions.url !== '/api/brains/:brain/articles') return false;
  const ulid = String((request.params as Record<string, string>).brain ?? '').toLowerCase();
  const brain = request.server.db.prepare('SELECT workspace_id FROM brains WHERE ulid = ?').get(ulid) as
    | { workspace_id: number }
    | undefined;
  if (!brain) throw new HttpError(404, MESSAGES.notFound);
  const guest = { id: 0, ulid: '', name: 'Guest', email: '', avatar_url: null, timezone: null };
  request.caller = {
    tokenId: 0,
    userId: 0,
    user: guest,
    workspaceIds: [brain.workspace_id],
    workspaceId: brain.workspace_id,
    role: 'member',
  };
  resolvePathResources(request, resolvers);
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Laravel trims input: a whitespace-only string counts as empty (so `required` fails). */
function blankWhitespace(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? '' : value;
  if (Array.isArray(value)) return value.map(blankWhitespace);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankWhitespace(item)]));
  }
  return value;
}

function validate(request: FastifyRequest, operation: OperationContract): void {
  const { faults } = request.server;
  const query = deserialiseQuery(request.query as Record<string, string | string[] | undefined>, operation.query);
  const errors: Record<string, string[]> = {};
  const perPage = query.per_page;
  if (!operation.validateQuery(query)) {
    let queryErrors = toFieldErrors(operation.validateQuery.errors ?? [], { query: true });
    if (faults.has('per-page-max-not-enforced') && typeof perPage === 'number' && perPage > 100) {
      delete queryErrors.per_page;
    }
    if (faults.has('query-errors-unnamed') && Object.keys(queryErrors).length > 0) {
      queryErrors = { query: [Object.values(queryErrors)[0]?.[0] ?? 'The query is invalid.'] };
    }
    Object.assign(errors, queryErrors);
  }
  const body = isPlainObject(request.body) ? request.body : {};
  if (operation.validateBody && !operation.validateBody(blankWhitespace(body))) {
    const pointerKeys = faults.has('validation-keys-json-pointer');
    for (const [field, messages] of Object.entries(toFieldErrors(operation.validateBody.errors ?? [], { pointerKeys }))) {
      errors[field] ??= messages;
    }
  }
  if (faults.has('plus-email-rejected')) {
    for (const [field, messages] of Object.entries(plusEmailErrors(body))) errors[field] ??= messages;
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
  assertStorable(body, faults);
  for (const parameter of operation.query) {
    if (query[parameter.name] === undefined && parameter.schema.default !== undefined) {
      query[parameter.name] = parameter.schema.default;
    }
  }
  request.validQuery = query;
  request.body = body;
}

export function installPipeline(app: FastifyInstance, options: PipelineOptions): void {
  const routes = new RouteTable();
  app.addHook('onRoute', (route) => routes.add(route.url, route.method));

  app.decorateRequest('caller', null as never);
  app.decorateRequest('resources', null as never);
  app.decorateRequest('validQuery', null as never);

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const allowed = routes.allowed(path);
    if (allowed.length > 0) {
      if (app.faults.has('method-not-allowed-500')) throw new TypeError("Cannot read properties of undefined (reading 'handler')");
      return reply.code(405).header('Allow', allowed.join(', ')).send({ message: MESSAGES.methodNotAllowed });
    }
    if (app.faults.has('unknown-route-html')) {
      return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    }
    return reply.code(404).send({ message: MESSAGES.notFound });
  });

  app.addHook('onRequest', async (request) => {
    request.resources = {};
    request.validQuery = {};
    const { faults } = app;
    const token = bearerToken(request.headers.authorization);
    if (faults.has('malformed-token-500') && token !== undefined) tokenIdOf(token);
    const identity = authenticate(app.db, token, { secretChecked: !faults.has('token-secret-not-checked') });
    const key = faults.has('rate-limit-global') ? 'global' : identity ? `token:${identity.tokenId}` : `ip:${request.ip}`;
    const state = options.limiter.take(key);
    rateStates.set(request, state);
    if (request.is404) return; // the not-found handler answers 404 or 405 first
    if (!identity) {
      if (faults.has('articles-without-auth') && servePublicArticles(request, options.resolvers)) return;
      throw new HttpError(401, MESSAGES.unauthenticated);
    }
    if (state.retryAfter !== undefined) {
      const headers: Record<string, string> = faults.has('retry-after-missing') ? {} : { 'Retry-After': String(state.retryAfter) };
      throw new HttpError(429, MESSAGES.tooManyAttempts, headers);
    }
    const workspace = resolveWorkspace(app.db, identity, request.headers['x-workspace-id'], {
      headerRead: !faults.has('workspace-header-ignored'),
    });
    request.caller = { ...identity, ...workspace };
    resolvePathResources(request, options.resolvers);
  });

  app.addHook('preValidation', async (request) => {
    const operation = operationOf(options.contract, request);
    const memberMayDelete = app.faults.has('member-deletes-tags') && operation?.method === 'DELETE' && operation.path === '/tags/{tag}';
    if (operation?.adminOnly && request.caller.role === 'member' && !memberMayDelete) {
      throw new HttpError(403, MESSAGES.unauthorized);
    }
    request.routeOptions.config.authorize?.(request);
    if (hasMalformedBody(request)) throw new HttpError(400, MESSAGES.malformedJson);
    if (!operation) {
      request.body = isPlainObject(request.body) ? request.body : {};
      return;
    }
    checkQueryNames(request, operation);
    validate(request, operation);
  });

  app.addHook('onSend', async (request, reply) => {
    const state = rateStates.get(request);
    if (!state) return;
    if (app.faults.has('rate-headers-missing-on-errors') && reply.statusCode >= 400 && reply.statusCode < 500) return;
    reply.header('X-RateLimit-Limit', String(state.limit));
    reply.header('X-RateLimit-Remaining', String(state.remaining));
  });
}
