// A tiny hand-written spec and a builder of exchanges, so each check test states only what
// matters to it. The spec is loaded through core/spec, as the suite does at run time.

import assert from 'node:assert/strict';
import type { Check } from '../../../core/checks/check.js';
import type { CheckContext, Expectation } from '../../../core/checks/context.js';
import { profileFacts } from '../../../core/checks/profile-facts.js';
import { runChecks, type CheckResult } from '../../../core/checks/run-checks.js';
import { specForChecks } from '../../../core/checks/spec-for-checks.js';
import type { Exchange, GeneratedCase, RequestAuth, TransportError } from '../../../core/exchange.js';
import type { Finding } from '../../../core/findings.js';
import { readJsonBody } from '../../../core/read-json-body.js';
import { loadSpecText } from '../../../core/spec/load-spec.js';

export const TINY_SPEC = `
openapi: 3.1.0
info: { title: Tiny, version: '1' }
security: [{ bearerAuth: [] }]
components:
  securitySchemes: { bearerAuth: { type: http, scheme: bearer } }
  headers:
    Limit: { required: true, schema: { type: integer, minimum: 1 } }
    Remaining: { required: true, schema: { type: integer, minimum: 0 } }
    RetryAfter: { required: true, schema: { type: integer, minimum: 1 } }
  schemas:
    Thing:
      type: object
      required: [id, ulid, name, status]
      properties:
        id: { type: integer }
        ulid: { type: string, pattern: '^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$' }
        name: { type: string }
        status: { enum: [open, closed] }
    ThingEnvelope:
      type: object
      additionalProperties: false
      required: [data]
      properties: { data: { $ref: '#/components/schemas/Thing' } }
    ThingList:
      type: object
      additionalProperties: false
      required: [data]
      properties: { data: { type: array, items: { $ref: '#/components/schemas/Thing' } } }
    ThingPage:
      type: object
      additionalProperties: false
      required: [data, meta, links]
      properties:
        data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
        meta:
          type: object
          required: [current_page, last_page, per_page, total]
          properties:
            current_page: { type: integer }
            last_page: { type: integer }
            per_page: { type: integer }
            total: { type: integer }
        links:
          type: object
          required: [first, last, prev, next]
          properties:
            first: { type: string }
            last: { type: string }
            prev: { type: [string, 'null'] }
            next: { type: [string, 'null'] }
    ErrorMessage:
      type: object
      required: [message]
      properties: { message: { type: string } }
    ValidationError:
      type: object
      required: [message, errors]
      properties:
        message: { type: string }
        errors:
          type: object
          minProperties: 1
          additionalProperties: { type: array, minItems: 1, items: { type: string } }
  responses:
    Error:
      description: an error
      headers:
        X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
        X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
      content: { application/json: { schema: { $ref: '#/components/schemas/ErrorMessage' } } }
    Invalid:
      description: validation failed
      headers:
        X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
        X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
      content: { application/json: { schema: { $ref: '#/components/schemas/ValidationError' } } }
    TooMany:
      description: rate limited
      headers:
        X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
        X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
        Retry-After: { $ref: '#/components/headers/RetryAfter' }
      content: { application/json: { schema: { $ref: '#/components/schemas/ErrorMessage' } } }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: a page
          headers:
            X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
            X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
          content: { application/json: { schema: { $ref: '#/components/schemas/ThingPage' } } }
        '400': { $ref: '#/components/responses/Error' }
        '401': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Invalid' }
        '429': { $ref: '#/components/responses/TooMany' }
    post:
      operationId: createThing
      x-admin-only: true
      requestBody:
        required: true
        content: { application/json: { schema: { type: object } } }
      responses:
        '201':
          description: created
          headers:
            X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
            X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
          content: { application/json: { schema: { $ref: '#/components/schemas/ThingEnvelope' } } }
        '400': { $ref: '#/components/responses/Error' }
        '401': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Invalid' }
        '429': { $ref: '#/components/responses/TooMany' }
  /things/{thing}:
    parameters:
      - { name: thing, in: path, required: true, schema: { type: string } }
    get:
      operationId: showThing
      responses:
        '200':
          description: one thing
          headers:
            X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
            X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
          content: { application/json: { schema: { $ref: '#/components/schemas/ThingEnvelope' } } }
        '401': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '429': { $ref: '#/components/responses/TooMany' }
    delete:
      operationId: deleteThing
      x-admin-only: true
      responses:
        '204':
          description: deleted
          headers:
            X-RateLimit-Limit: { $ref: '#/components/headers/Limit' }
            X-RateLimit-Remaining: { $ref: '#/components/headers/Remaining' }
        '401': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /things/{thing}/labels:
    parameters:
      - { name: thing, in: path, required: true, schema: { type: string } }
    get:
      operationId: listLabels
      responses:
        '200':
          description: a plain list
          content: { application/json: { schema: { $ref: '#/components/schemas/ThingList' } } }
        '4XX': { $ref: '#/components/responses/Error' }
  /health:
    get:
      operationId: health
      security: []
      responses:
        '200':
          description: up
          content: { text/plain: { schema: { type: string } } }
`;

export const tinySpec = loadSpecText(TINY_SPEC, 'tiny.yaml');

export const ULID_A = '01hx9f3k2m4n5p6q7r8s9t0v1w';
export const ULID_B = '01hx9f3k2m4n5p6q7r8s9t0v2x';

export const RATE_HEADERS = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };

export function context(overrides: { expect?: Expectation; foreignIds?: string[] } = {}): CheckContext {
  return {
    spec: specForChecks(tinySpec),
    profile: profileFacts({ rateLimit: { limit: 60, windowSeconds: 60 }, workspaces: { a: 1, b: 2 } }),
    ...(overrides.expect === undefined ? {} : { expect: overrides.expect }),
    ...(overrides.foreignIds === undefined ? {} : { foreignIds: new Set(overrides.foreignIds) }),
  };
}

export interface ExchangeInput {
  /** `GET /things`; an operation of the tiny spec, or any `METHOD /path` for undocumented requests. */
  op: string;
  /** Filled path; default the operation's template with {x} → ULID_A. */
  path?: string;
  status?: number;
  headers?: Record<string, string>;
  /** An object or array is sent as JSON text; a string as is. Default `{"data": {}}`-free: empty. */
  body?: unknown;
  auth?: RequestAuth;
  requestHeaders?: Record<string, string>;
  case?: GeneratedCase;
  error?: TransportError;
}

/** A hand-built exchange; JSON content-type and rate-limit headers by default. */
export function exchange(input: ExchangeInput): Exchange {
  const operation = tinySpec.operation(input.op);
  const [method = 'GET', template = '/'] = input.op.split(' ');
  const path = input.path ?? template.replace(/\{[^}]+\}/g, ULID_A);
  const base = {
    operationKey: operation?.key ?? input.op,
    ...(operation === undefined ? {} : { operation }),
    request: {
      method,
      url: `http://127.0.0.1:4010/api${path}`,
      path,
      ...(operation === undefined ? {} : { pathTemplate: operation.path }),
      query: [],
      headers: { accept: 'application/json', ...input.requestHeaders },
      auth: input.auth ?? { kind: 'token', role: 'admin' },
    },
    ...(input.case === undefined ? {} : { case: input.case }),
    rateLimited: [],
    startedAt: 0,
  } satisfies Partial<Exchange>;
  if (input.error !== undefined) return { ...base, error: input.error };
  const bodyText =
    input.body === undefined ? '' : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const headers: Record<string, string> = { ...RATE_HEADERS };
  if (bodyText !== '') headers['content-type'] = 'application/json';
  Object.assign(headers, input.headers);
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  return {
    ...base,
    response: { status: input.status ?? 200, headers, bodyText, json: readJsonBody(bodyText), durationMs: 3 },
  };
}

export const thing = (overrides: Record<string, unknown> = {}) => ({ id: 1, ulid: ULID_A, name: 'A thing', status: 'open', ...overrides });

export const page = (items: unknown[]) => ({
  data: items,
  meta: { current_page: 1, last_page: 1, per_page: 25, total: items.length },
  links: { first: 'http://x/things?page=1', last: 'http://x/things?page=1', prev: null, next: null },
});

/** Runs one check the way the suite does (crash capture included) and returns its result. */
export function judge(check: Check, input: Exchange, ctx: CheckContext = context()): CheckResult {
  const [result] = runChecks([check], input, ctx);
  if (result === undefined) throw new Error('runChecks returned nothing');
  return result;
}

export function assertPass(check: Check, input: Exchange, ctx?: CheckContext): void {
  const result = judge(check, input, ctx);
  assert.equal(result.outcome, 'pass', `expected ${check.id} to pass, got ${JSON.stringify(summary(result))}`);
}

export function assertSkip(check: Check, input: Exchange, ctx?: CheckContext): string {
  const result = judge(check, input, ctx);
  assert.equal(result.outcome, 'skip', `expected ${check.id} to skip, got ${JSON.stringify(summary(result))}`);
  return result.outcome === 'skip' ? result.reason : '';
}

/** Asserts a failure (not a crash) and returns its findings. */
export function assertFail(check: Check, input: Exchange, ctx?: CheckContext): Finding[] {
  const result = judge(check, input, ctx);
  assert.equal(result.outcome, 'fail', `expected ${check.id} to fail, got ${JSON.stringify(summary(result))}`);
  const findings = result.outcome === 'fail' ? result.findings : [];
  for (const finding of findings) {
    assert.equal(finding.kind, 'failure', `the check crashed: ${finding.title}`);
    assert.equal(finding.checkId, check.id);
  }
  return findings;
}

function summary(result: CheckResult): unknown {
  return result.outcome === 'fail' ? result.findings.map((finding) => `${finding.kind}: ${finding.title}`) : result;
}
