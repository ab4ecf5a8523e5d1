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
  const query = deserialiseQuery(request.query as Record<string, string | string[] | undefined>, operation.query);
  const errors: Record<string, string[]> = {};
  if (!operation.validateQuery(query)) {
    Object.assign(errors, toFieldErrors(operation.validateQuery.errors ?? [], { query: true }));
  }
  const body = isPlainObject(request.body) ? request.body : {};
  if (operation.validateBody && !operation.validateBody(blankWhitespace(body))) {
    for (const [field, messages] of Object.entries(toFieldErrors(operation.validateBody.errors ?? []))) {
      errors[field] ??= messages;
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
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
      return reply.code(405).header('Allow', allowed.join(', ')).send({ message: MESSAGES.methodNotAllowed });
    }
    return reply.code(404).send({ message: MESSAGES.notFound });
  });

  app.addHook('onRequest', async (request) => {
    request.resources = {};
    request.validQuery = {};
    const identity = authenticate(app.db, bearerToken(request.headers.authorization));
    const state = options.limiter.take(identity ? `token:${identity.tokenId}` : `ip:${request.ip}`);
    rateStates.set(request, state);
    if (request.is404) return; // the not-found handler answers 404 or 405 first
    if (!identity) throw new HttpError(401, MESSAGES.unauthenticated);
    if (state.retryAfter !== undefined) {
      throw new HttpError(429, MESSAGES.tooManyAttempts, { 'Retry-After': String(state.retryAfter) });
    }
    const workspace = resolveWorkspace(app.db, identity, request.headers['x-workspace-id']);
    request.caller = { ...identity, ...workspace };
    resolvePathResources(request, options.resolvers);
  });

  app.addHook('preValidation', async (request) => {
    const operation = operationOf(options.contract, request);
    if (operation?.adminOnly && request.caller.role === 'member') throw new HttpError(403, MESSAGES.unauthorized);
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
    reply.header('X-RateLimit-Limit', String(state.limit));
    reply.header('X-RateLimit-Remaining', String(state.remaining));
  });
}
