import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authInvalidToken,
  authRequired,
  rolePermissions,
  workspaceHeader,
  workspaceIsolation,
} from '../../../core/checks/access.js';
import { assertFail, assertPass, assertSkip, context, exchange, page, thing, ULID_A, ULID_B } from '../_support/check-fixtures.js';

const unauthenticated = { message: 'Unauthenticated.' };
const none = { kind: 'none' } as const;
const malformed = { kind: 'raw', label: 'malformed', authorization: 'Bearer not-a-token' } as const;

describe('auth-required', () => {
  it('passes a 401 with a message when no token was sent', () => {
    assertPass(authRequired, exchange({ op: 'GET /things', status: 401, body: unauthenticated, auth: none }));
  });
  it('fails a 200 or a 403 without a token, and a 401 without a JSON message', () => {
    const [finding] = assertFail(authRequired, exchange({ op: 'GET /things', status: 200, body: page([]), auth: none }));
    assert.match(finding?.title ?? '', /answered 200 instead of 401/);
    assertFail(authRequired, exchange({ op: 'GET /things', status: 403, body: { message: 'no' }, auth: none }));
    assertFail(authRequired, exchange({ op: 'GET /things', status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain' }, auth: none }));
  });
  it('skips requests with a token and operations without security', () => {
    assertSkip(authRequired, exchange({ op: 'GET /things', status: 200, body: page([]) }));
    assertSkip(authRequired, exchange({ op: 'GET /health', status: 200, body: 'up', headers: { 'content-type': 'text/plain' }, auth: none }));
  });
});

describe('auth-invalid-token', () => {
  it('passes a 401 for a malformed token', () => {
    assertPass(authInvalidToken, exchange({ op: 'GET /things/{thing}', status: 401, body: unauthenticated, auth: malformed }));
  });
  it('fails when a bad token is let through', () => {
    const [finding] = assertFail(authInvalidToken, exchange({ op: 'GET /things/{thing}', status: 200, body: { data: thing() }, auth: malformed }));
    assert.match(finding?.title ?? '', /malformed token sent/);
  });
  it('skips requests with a profile token or none', () => {
    assertSkip(authInvalidToken, exchange({ op: 'GET /things', status: 401, body: unauthenticated, auth: none }));
    assertSkip(authInvalidToken, exchange({ op: 'GET /things', status: 200, body: page([]) }));
  });
});

describe('workspace-header', () => {
  const multi = { kind: 'token', role: 'multi' } as const;
  it('passes a 400 for a multi-workspace token without the header', () => {
    assertPass(workspaceHeader, exchange({ op: 'GET /things', status: 400, body: { message: 'Pick a workspace.' }, auth: multi }));
  });
  it('fails a multi-workspace token served without the header', () => {
    assertFail(workspaceHeader, exchange({ op: 'GET /things', status: 200, body: page([]), auth: multi }));
  });
  it('demands 400 for a header that is not a positive integer', () => {
    assertPass(workspaceHeader, exchange({ op: 'GET /things', status: 400, body: { message: 'x' }, requestHeaders: { 'x-workspace-id': 'abc' } }));
    assertFail(workspaceHeader, exchange({ op: 'GET /things', status: 403, body: { message: 'x' }, requestHeaders: { 'x-workspace-id': '0' } }));
  });
  it('demands 403 for a workspace the token cannot use', () => {
    assertPass(workspaceHeader, exchange({ op: 'GET /things', status: 403, body: { message: 'x' }, requestHeaders: { 'x-workspace-id': '2' } }));
    const [finding] = assertFail(workspaceHeader, exchange({ op: 'GET /things', status: 200, body: page([]), requestHeaders: { 'x-workspace-id': '3' } }));
    assert.match(finding?.title ?? '', /cannot use/);
  });
  it('skips usable headers, single tokens without a header, tokens of unknown roles, 429s', () => {
    assertSkip(workspaceHeader, exchange({ op: 'GET /things', status: 200, body: page([]), auth: multi, requestHeaders: { 'x-workspace-id': '2' } }));
    assertSkip(workspaceHeader, exchange({ op: 'GET /things', status: 200, body: page([]) }));
    assertSkip(workspaceHeader, exchange({ op: 'GET /things', status: 200, body: page([]), auth: { kind: 'token', role: 'guest' } }));
    assertSkip(workspaceHeader, exchange({ op: 'GET /things', status: 429, body: { message: 'x' }, auth: multi }));
  });
  it('treats pool tokens as tokens of workspace a', () => {
    assertFail(
      workspaceHeader,
      exchange({ op: 'GET /things', status: 200, body: page([]), auth: { kind: 'token', role: 'pool[3]' }, requestHeaders: { 'x-workspace-id': '2' } }),
    );
  });
});

describe('workspace-isolation', () => {
  const foreign = context({ foreignIds: [ULID_B.toUpperCase(), '77'] });
  it('passes a 404 for a foreign id, and a list without foreign items', () => {
    assertPass(workspaceIsolation, exchange({ op: 'GET /things/{thing}', path: `/things/${ULID_B}`, status: 404, body: { message: 'Not found.' } }), foreign);
    assertPass(workspaceIsolation, exchange({ op: 'GET /things', body: page([thing()]) }), foreign);
  });
  it('fails a foreign resource served by id', () => {
    const [finding] = assertFail(
      workspaceIsolation,
      exchange({ op: 'GET /things/{thing}', path: `/things/${ULID_B}`, status: 200, body: { data: thing({ ulid: ULID_B }) } }),
      foreign,
    );
    assert.match(finding?.title ?? '', /answered 200 instead of 404/);
  });
  it('fails a 403 for a foreign id (an existence leak)', () => {
    assertFail(workspaceIsolation, exchange({ op: 'GET /things/{thing}', path: `/things/${ULID_B}`, status: 403, body: { message: 'x' } }), foreign);
  });
  it('fails a list that contains a foreign item, by ulid or id', () => {
    const [finding] = assertFail(workspaceIsolation, exchange({ op: 'GET /things', body: page([thing(), thing({ ulid: ULID_B })]) }), foreign);
    assert.match(finding?.actual ?? '', new RegExp(ULID_B));
    assertFail(workspaceIsolation, exchange({ op: 'GET /things', body: page([thing({ id: 77 })]) }), foreign);
  });
  it('skips when no foreign ids are known', () => {
    assertSkip(workspaceIsolation, exchange({ op: 'GET /things', body: page([thing({ ulid: ULID_B })]) }));
    assertSkip(workspaceIsolation, exchange({ op: 'GET /things/{thing}', path: `/things/${ULID_A}`, status: 200, body: { data: thing() } }), context({ foreignIds: [] }));
  });
});

describe('role-permissions', () => {
  const member = { kind: 'token', role: 'member' } as const;
  it('passes a 403 for a member on an admin-only operation', () => {
    assertPass(rolePermissions, exchange({ op: 'POST /things', status: 403, body: { message: 'This action is unauthorized.' }, auth: member }));
  });
  it('fails when a member gets through', () => {
    const [finding] = assertFail(rolePermissions, exchange({ op: 'DELETE /things/{thing}', status: 204, auth: member }));
    assert.match(finding?.title ?? '', /instead of 403/);
  });
  it('applies where the scenario expects forbidden, even without x-admin-only', () => {
    assertFail(rolePermissions, exchange({ op: 'GET /things', status: 200, body: page([]), auth: member }), context({ expect: 'forbidden' }));
  });
  it('skips admins and operations open to members', () => {
    assertSkip(rolePermissions, exchange({ op: 'POST /things', status: 201, body: { data: thing() } }));
    assertSkip(rolePermissions, exchange({ op: 'GET /things', status: 200, body: page([]), auth: member }));
  });
});
