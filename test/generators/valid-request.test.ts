import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typedValue } from '../../core/spec/header-values.js';
import type { OperationModel } from '../../core/spec/model.js';
import type { GeneratedRequest, RunContext } from '../../generators/types.js';
import { validRequest } from '../../generators/valid-request.js';
import { contractSpec, oneSentence, sample } from './_support/checks.js';

const spec = contractSpec();
const ticketUlid = '01jbz8k7m2q4r6s8t0v2w4x6y8';
const users = ['01jbz8k7m2q4r6s8t0v2w4x6ya', '01jbz8k7m2q4r6s8t0v2w4x6yb'];

/** Reads the query as the server would (comma lists for explode: false) and validates each declared parameter. */
function assertValidRequest(operation: OperationModel, request: GeneratedRequest): void {
  assert.equal(request.operation, operation.key);
  assert.equal(request.method, operation.method);
  assert.ok(!request.path.includes('{'), `path filled: ${request.path}`);
  for (const parameter of operation.parameters) {
    const validate = spec.validators.parameter(operation.key, parameter.in, parameter.name)!;
    if (parameter.in === 'path') {
      const value = request.pathParams[parameter.name];
      assert.ok(value !== undefined && request.path.includes(encodeURIComponent(value)));
      assert.equal(validate(typedValue(value, parameter.schema)), true, `${parameter.name}=${value}`);
    }
    if (parameter.in === 'query') {
      const raw = request.query[parameter.name];
      if (raw === undefined) {
        assert.equal(parameter.required, false, `${parameter.name} is required`);
        continue;
      }
      assert.equal(typeof raw, 'string', 'comma lists, not repeated keys');
      const literal = raw as string;
      assert.equal(validate(typedValue(literal, parameter.schema)), true, `${parameter.name}=${literal}: ${JSON.stringify(validate.errors)}`);
    }
  }
  if (request.body !== undefined) {
    const validate = spec.validators.requestBody(operation.key, request.headers['content-type']!)!;
    assert.equal(validate(request.body), true, `${operation.key} body ${JSON.stringify(request.body).slice(0, 200)}: ${JSON.stringify(validate.errors)}`);
  } else {
    assert.ok(!operation.requestBody?.required, `${operation.key} needs a body`);
  }
}

describe('validRequest on every operation of openapi.yaml', () => {
  it('generates valid path, query and body for all 60 operations', () => {
    assert.equal(spec.operations.length, 60);
    for (const operation of spec.operations) {
      for (const request of sample(validRequest(operation), 12)) assertValidRequest(operation, request);
    }
  });

  it('names harvested resources: path ULIDs, body references, filters', () => {
    const context: RunContext = {
      ulids: { ticket: [ticketUlid], user: users, channel: ['01jbz8k7m2q4r6s8t0v2w4x6yc'] },
      observed: { 'filter[status]': ['open', 'waiting'] },
      headers: { 'X-Workspace-Id': '1' },
    };
    for (const request of sample(validRequest(spec.operation('GET /tickets/{ticket}')!, context), 30)) {
      assert.equal(request.path, `/tickets/${ticketUlid}`);
      assert.equal(request.headers['X-Workspace-Id'], '1');
    }
    const assignees = sample(validRequest(spec.operation('PUT /tickets/{ticket}/assignee')!, context), 60).map((request) => (request.body as { assignee_ulid: unknown }).assignee_ulid);
    assert.ok(assignees.every((value) => value === null || users.includes(value as string)), `assignee_ulid from harvested users: ${assignees}`);
    assert.ok(assignees.includes(null));
    const invites = sample(validRequest(spec.operation('POST /members/invite')!, context), 60);
    const channels = invites.flatMap((request) => ((request.body as { channel_ulids?: string[] }).channel_ulids ?? []));
    assert.ok(channels.length > 0 && channels.every((value) => value === '01jbz8k7m2q4r6s8t0v2w4x6yc'));
    const lists = sample(validRequest(spec.operation('GET /tickets')!, context), 200);
    assert.ok(lists.some((request) => request.query['filter[channel_ulids]'] === '01jbz8k7m2q4r6s8t0v2w4x6yc'));
    assert.ok(lists.some((request) => request.query['filter[assigned_user_ulid]'] !== undefined && users.includes(request.query['filter[assigned_user_ulid]'] as string)));
    assert.ok(lists.some((request) => request.query['filter[status]'] === 'open,waiting' || request.query['filter[status]'] === 'waiting,open'));
  });

  it('covers every sort value and the page boundaries, past the end included', () => {
    const operation = spec.operation('GET /tickets')!;
    const requests = sample(validRequest(operation, { lastPage: { 'GET /tickets': 4 } }), 400);
    const sorts = new Set(requests.map((request) => request.query.sort).filter((value) => value !== undefined));
    assert.deepEqual(sorts, new Set(['created_at', '-created_at', 'updated_at', '-updated_at', 'last_activity_at', '-last_activity_at']));
    const perPage = new Set(requests.map((request) => request.query.per_page));
    assert.ok(perPage.has('1') && perPage.has('100'), 'per_page 1 and 100');
    const pages = new Set(requests.map((request) => request.query.page));
    assert.ok(pages.has('1') && pages.has('4') && pages.has('5'), `page 1, last and past the end: ${[...pages].slice(0, 20)}`);
  });

  it('sends the boolean literals asked for', () => {
    const operation = spec.operation('GET /tickets')!;
    const literals = new Set(sample(validRequest(operation, {}, { queryBooleans: ['true', 'false', '1', '0'] }), 300).map((request) => request.query['filter[unassigned]']));
    for (const literal of ['true', 'false', '1', '0']) assert.ok(literals.has(literal), `filter[unassigned]=${literal}`);
  });

  it('gives the same requests for the same seed', () => {
    const operation = spec.operation('POST /tickets/{ticket}/forward')!;
    assert.deepEqual(sample(validRequest(operation), 20, 3), sample(validRequest(operation), 20, 3));
  });

  it('rejects a bad context or option in one sentence', () => {
    const operation = spec.operation('GET /tickets')!;
    assert.throws(() => validRequest(operation, { ulids: { ticket: 'x' as never } }), oneSentence('validRequest: context.ulids.ticket'));
    assert.throws(() => validRequest(operation, {}, { queryBooleans: [] }), oneSentence('validRequest: queryBooleans'));
    assert.throws(() => validRequest({} as never), oneSentence('validRequest: the operation must be'));
  });
});
