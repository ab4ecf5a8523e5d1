// Access rules: authentication, the workspace header, isolation between workspaces, and roles.
// Each check derives what the answer must be from the request and the profile facts.

import type { RespondedExchange } from '../exchange.js';
import { skip, defineCheck, type Failure, type Guard } from './check.js';
import type { ProfileFacts } from './context.js';
import { notRateLimited, operationKnown, profileToken } from './guards.js';
import { expectErrorAnswer } from './_internals/expect-error-answer.js';
import { isPlainObject } from './_internals/excerpt.js';

const secured: Guard = (exchange) =>
  exchange.operation !== undefined && exchange.operation.security.length === 0 ? 'the operation needs no authentication' : undefined;

export const authRequired = defineCheck({
  id: 'auth-required',
  description: 'A request without a token is answered 401 with a JSON {"message"} body.',
  guards: [operationKnown, secured, (exchange) => (exchange.request.auth.kind === 'none' ? undefined : 'a token was sent')],
  run: (exchange) => expectErrorAnswer(exchange, 'no token sent', 401),
});

export const authInvalidToken = defineCheck({
  id: 'auth-invalid-token',
  description: 'A request with a malformed or unknown token is answered 401 with a JSON {"message"} body.',
  guards: [operationKnown, secured, (exchange) => (exchange.request.auth.kind === 'raw' ? undefined : 'no bad token sent')],
  run(exchange) {
    const { auth } = exchange.request;
    return expectErrorAnswer(exchange, `${auth.kind === 'raw' ? auth.label : 'bad'} token sent`, 401);
  },
});

export const workspaceHeader = defineCheck({
  id: 'workspace-header',
  description: 'X-Workspace-Id: missing with a multi-workspace token or not a positive integer → 400; a workspace the token cannot use → 403.',
  guards: [operationKnown, profileToken, notRateLimited],
  run(exchange, context) {
    const workspaces = workspacesOf(exchange, context.profile);
    if (workspaces === undefined) return skip('the workspaces of this role are unknown');
    const header = exchange.request.headers['x-workspace-id'];
    if (header === undefined) {
      return workspaces.length > 1
        ? expectErrorAnswer(exchange, 'multi-workspace token without X-Workspace-Id', 400)
        : skip('the header is optional for a single-workspace token');
    }
    const value = header.trim();
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      return expectErrorAnswer(exchange, 'X-Workspace-Id is not a positive integer', 400);
    }
    if (!workspaces.includes(Number(value))) {
      return expectErrorAnswer(exchange, 'X-Workspace-Id names a workspace the token cannot use', 403);
    }
    return skip('the header names a workspace the token may use');
  },
});

export const workspaceIsolation = defineCheck({
  id: 'workspace-isolation',
  description: "Another workspace's resource answers 404 by id, and no response data includes one.",
  guards: [notRateLimited],
  run(exchange, context) {
    const foreign = context.foreignIds;
    if (foreign === undefined || foreign.size === 0) return skip('no ids of another workspace are known');
    const known = new Set([...foreign].map((id) => id.toLowerCase()));
    const named = exchange.request.path
      .split('?')[0]
      ?.split('/')
      .find((segment) => known.has(decodeURIComponent(segment).toLowerCase()));
    if (named !== undefined) return expectErrorAnswer(exchange, "another workspace's resource asked by id", 404);
    return leakedIds(exchange, known);
  },
});

export const rolePermissions = defineCheck({
  id: 'role-permissions',
  description: 'A plain member on an admin-only operation (x-admin-only, or a scenario expecting it) is answered 403.',
  guards: [operationKnown, profileToken, notRateLimited],
  run(exchange, context) {
    const { auth } = exchange.request;
    if (auth.kind !== 'token' || !context.profile.memberRoles.includes(baseRole(auth.role))) return skip('not a member token');
    const adminOnly = exchange.operation?.extensions['x-admin-only'] === true;
    if (!adminOnly && context.expect !== 'forbidden') return skip('not an admin-only operation');
    return expectErrorAnswer(exchange, 'member token on an admin-only operation', 403);
  },
});

/** Success data that names a foreign resource: the item itself, not what it refers to. */
function leakedIds(exchange: RespondedExchange, foreign: ReadonlySet<string>): Failure | null {
  const { status, json } = exchange.response;
  if (status < 200 || status >= 300 || json.kind !== 'json' || !isPlainObject(json.value)) return null;
  const { data } = json.value;
  const items = Array.isArray(data) ? data : isPlainObject(data) ? [data] : [];
  const leaked = items.flatMap((item) => {
    if (!isPlainObject(item)) return [];
    return [item.ulid, item.id]
      .filter((id): id is string | number => typeof id === 'string' || typeof id === 'number')
      .map((id) => String(id))
      .filter((id) => foreign.has(id.toLowerCase()));
  });
  if (leaked.length === 0) return null;
  return {
    title: `response data includes ${leaked.length} resource(s) of another workspace`,
    expected: 'only resources of the workspace the request targets',
    actual: `foreign ids in data: ${[...new Set(leaked)].slice(0, 10).join(', ')}`,
    cause: Array.isArray(data) ? 'foreign item in list' : 'foreign resource returned',
  };
}

function workspacesOf(exchange: RespondedExchange, profile: ProfileFacts): readonly number[] | undefined {
  const { auth } = exchange.request;
  return auth.kind === 'token' ? profile.roleWorkspaces[baseRole(auth.role)] : undefined;
}

/** `pool[3]` → `pool`. */
function baseRole(role: string): string {
  return role.replace(/\[\d+\]$/, '');
}
