import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';
import { fixture, specError } from './fixtures.js';

describe('indexOperations', () => {
  const spec = loadSpec(fixture('features.yaml'));
  const list = spec.operation('GET /boards/{board}/cards');
  const create = spec.operation('POST /boards/{board}/cards');
  assert.ok(list && create);

  it('lists every path and method in document order with keys, ids and pointers', () => {
    assert.deepEqual(spec.operations.map((operation) => operation.key), [
      'GET /boards/{board}/cards',
      'POST /boards/{board}/cards',
      'GET /ping',
    ]);
    assert.equal(list.operationId, 'listCards');
    assert.equal(list.method, 'GET');
    assert.equal(list.path, '/boards/{board}/cards');
    assert.equal(list.summary, 'List the cards of a board');
    assert.deepEqual(list.tags, ['cards']);
    assert.equal(list.pointer, '#/paths/~1boards~1{board}~1cards/get');
    assert.deepEqual(spec.operation('GET /ping')?.tags, []);
  });

  it('merges path-level parameters, the operation winning on name and location (header names ignore case)', () => {
    assert.deepEqual(
      list.parameters.map((parameter) => `${parameter.in} ${parameter.name} ${parameter.required}`),
      ['path board true', 'query verbose false', 'header x-trace true', 'query page false'],
    );
    const verbose = list.parameters.find((parameter) => parameter.name === 'verbose');
    assert.deepEqual(verbose?.schema, { type: 'integer', enum: [0, 1] });
    assert.equal(verbose?.pointer, '#/paths/~1boards~1{board}~1cards/get/parameters/0');
    assert.equal(list.parameters[0]?.pointer, '#/components/parameters/Board');
    assert.deepEqual(
      create.parameters.map((parameter) => `${parameter.in} ${parameter.name}`),
      ['path board', 'query verbose', 'header X-Trace'],
    );
    assert.deepEqual(create.parameters[1]?.schema, { type: 'boolean' });
  });

  it('takes security from the operation, else from the document', () => {
    assert.deepEqual(list.security, [{ bearer: [] }]);
    assert.deepEqual(create.security, []);
  });

  it('keeps x- keys of the operation as extensions', () => {
    assert.deepEqual(list.extensions, { 'x-rate-limit-cost': 2, 'x-owner': { team: 'boards' } });
    assert.deepEqual(create.extensions, {});
  });

  it('resolves request bodies with their media types', () => {
    assert.equal(list.requestBody, undefined);
    assert.equal(create.requestBody?.required, true);
    assert.equal(create.requestBody?.pointer, '#/components/requestBodies/NewCard');
    assert.deepEqual(Object.keys(create.requestBody?.content ?? {}), ['application/json', 'text/*']);
    const json = create.requestBody?.content['application/json'];
    assert.equal(json?.pointer, '#/components/requestBodies/NewCard/content/application~1json');
    assert.deepEqual((json?.schema as { required: string[] }).required, ['title']);
  });

  it('indexes responses as written, headers keyed by lower-case name without Content-Type', () => {
    assert.deepEqual(Object.keys(list.responses), ['200', '404', '4XX', '5XX', 'default']);
    const ok = list.responses['200'];
    assert.deepEqual(Object.keys(ok?.headers ?? {}), ['x-ratelimit-limit', 'x-ratelimit-remaining', 'link']);
    assert.equal(ok?.headers['x-ratelimit-limit']?.name, 'X-RateLimit-Limit');
    assert.equal(ok?.headers['x-ratelimit-limit']?.required, true);
    assert.equal(ok?.headers['x-ratelimit-limit']?.pointer, '#/components/headers/Limit');
    assert.equal(ok?.headers.link?.required, false);
    assert.deepEqual(ok?.headers['x-ratelimit-remaining']?.schema, { type: 'integer', minimum: 0 });
    assert.equal(list.responses['4XX']?.pointer, '#/components/responses/ClientError');
    assert.equal(list.responses['4XX']?.description, 'Any other client error.');
    const ping = spec.operation('GET /ping')?.responses['204'];
    assert.deepEqual(ping?.content, {});
    assert.deepEqual(ping?.headers, {});
  });

  it('treats path parameters as required even when the document forgot to say so', () => {
    const text = `openapi: 3.1.0\npaths:\n  /a/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, schema: {type: string}}\n      responses: {'204': {description: ok}}\n`;
    assert.equal(loadSpecText(text, 'forgot.yaml').operations[0]?.parameters[0]?.required, true);
  });

  it('refuses a parameter without a valid location, naming it and its line', () => {
    const text = `openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: body, schema: {type: string}}\n      responses: {'204': {description: ok}}\n`;
    assert.throws(() => loadSpecText(text, 'bad-param.yaml'), specError(/^bad-param\.yaml:6:11: parameter "q" has "in: body"/, /\(at #\/paths\/~1a\/get\/parameters\/0\)\.$/));
  });
});
