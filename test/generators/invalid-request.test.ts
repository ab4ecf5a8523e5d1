import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typedValue } from '../../core/spec/header-values.js';
import type { OperationModel } from '../../core/spec/model.js';
import { invalidRequest } from '../../generators/invalid-request.js';
import type { InvalidRequest } from '../../generators/types.js';
import { assertInvalidAt, contractSpec, oneSentence, sample } from './_support/checks.js';

const spec = contractSpec();

/** Checks an invalid request the way the target would judge it: only the recorded part is wrong. */
function assertBrokenAsRecorded(operation: OperationModel, request: InvalidRequest): void {
  const { broken } = request;
  const context = `${operation.key} ${JSON.stringify(broken)}`;
  const validParameter = (location: 'path' | 'query', name: string, text: string): boolean => {
    const parameter = operation.parameters.find((candidate) => candidate.in === location && candidate.name === name)!;
    return spec.validators.parameter(operation.key, location, name)!(typedValue(text, parameter.schema)) as boolean;
  };
  // Everything not broken is valid.
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const text = request.pathParams[parameter.name]!;
    const shouldPass = !(broken.location === 'path' && broken.path === parameter.name);
    assert.equal(validParameter('path', parameter.name, text), shouldPass, `path ${parameter.name}=${text} ${context}`);
  }
  for (const [key, raw] of Object.entries(request.query)) {
    const declared = operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === key);
    const isBroken = broken.location === 'query' && broken.path === key.replace(/\[([^\]]*)\]/g, '.$1');
    if (!declared) {
      assert.ok(isBroken && broken.kind === 'unknown-property' && broken.expectedStatus === 400, `undeclared ${key} ${context}`);
      continue;
    }
    assert.equal(validParameter('query', key, raw as string), !isBroken, `query ${key}=${raw} ${context}`);
  }
  if (broken.location === 'query' && broken.kind === 'missing-required') assert.ok(!Object.keys(request.query).some((key) => key.replace(/\[([^\]]*)\]/g, '.$1') === broken.path));
  const validateBody = operation.requestBody ? spec.validators.requestBody(operation.key, 'application/json')! : undefined;
  if (broken.location === 'body') {
    if (broken.kind === 'malformed-json') {
      assert.equal(request.body, undefined);
      assert.throws(() => JSON.parse(request.rawBody!), SyntaxError, context);
      assert.equal(broken.expectedStatus, 400);
    } else {
      assertInvalidAt(validateBody!, request.body, broken.path, context);
      assert.equal(broken.expectedStatus, 422, context);
    }
  } else if (request.body !== undefined) {
    assert.equal(validateBody!(request.body), true, `body stays valid ${context}`);
  }
  if (broken.location === 'path') assert.equal(broken.expectedStatus, 404, context);
  if (broken.location === 'query') assert.equal(broken.expectedStatus, broken.path === 'sort' || broken.kind === 'unknown-property' ? 400 : 422, context);
}

describe('invalidRequest on every operation of openapi.yaml', () => {
  it('breaks exactly the recorded part, with the status the contract expects', () => {
    const kinds = new Set<string>();
    let built = 0;
    for (const operation of spec.operations) {
      let arbitrary;
      try {
        arbitrary = invalidRequest(operation);
      } catch (error) {
        assert.match((error as Error).message, /has nothing to break/);
        assert.ok(operation.parameters.every((parameter) => parameter.in === 'header') && !operation.requestBody, `${operation.key} had something to break`);
        continue;
      }
      built += 1;
      for (const request of sample(arbitrary, 10)) {
        assertBrokenAsRecorded(operation, request);
        kinds.add(`${request.broken.location} ${request.broken.kind}`);
      }
    }
    assert.ok(built >= 50, `${built} operations can be broken`);
    for (const expected of ['body missing-required', 'body wrong-type', 'body too-long', 'body malformed-json', 'body null-not-allowed', 'path pattern-mismatch', 'query below-minimum']) {
      assert.ok(kinds.has(expected), `${expected} among ${[...kinds].sort().join(', ')}`);
    }
  });

  it('covers the query rules of the contract: bad per_page, unknown sort value (400), unknown filter key (400)', () => {
    const operation = spec.operation('GET /tickets')!;
    const requests = sample(invalidRequest(operation, {}, { locations: ['query'] }), 400);
    for (const request of requests) assertBrokenAsRecorded(operation, request);
    const found = new Set(requests.map((request) => `${request.broken.path} ${request.broken.kind} ${request.broken.expectedStatus}`));
    for (const expected of ['per_page above-maximum 422', 'per_page below-minimum 422', 'sort not-in-enum 400', 'filter.not_a_filter unknown-property 400', 'filter.status not-in-enum 422', 'filter.channel_ulids pattern-mismatch 422']) {
      assert.ok(found.has(expected), `${expected} among ${[...found].sort().join(', ')}`);
    }
  });

  it('keeps to the kinds and locations asked for, and gives the same cases for the same seed', () => {
    const operation = spec.operation('POST /tickets')!;
    const requests = sample(invalidRequest(operation, {}, { kinds: ['missing-required'] }), 100);
    assert.deepEqual(new Set(requests.map((request) => request.broken.kind)), new Set(['missing-required']));
    assert.deepEqual(new Set(requests.map((request) => request.broken.path)), new Set(['channel', 'subject', 'from_contact', 'message', 'from_contact.email', 'message.body']));
    assert.deepEqual(sample(invalidRequest(operation), 20, 5), sample(invalidRequest(operation), 20, 5));
    assert.throws(() => invalidRequest(spec.operation('GET /me')!), oneSentence('invalidRequest: GET /me has nothing to break'));
    assert.throws(() => invalidRequest(operation, {}, { locations: ['cookie'] as never }), oneSentence('invalidRequest: locations'));
  });
});
