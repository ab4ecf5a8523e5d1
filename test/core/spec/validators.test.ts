import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findResponse } from '../../../core/spec/find-response.js';
import type { HeadersValidator } from '../../../core/spec/validators.js';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';
import { fixture, specError } from './fixtures.js';

const LIST = 'GET /boards/{board}/cards';
// Read through a call so TypeScript does not keep an earlier assertion's narrowing.
const errorsOf = (validate: HeadersValidator) => validate.errors;
const CREATE = 'POST /boards/{board}/cards';

describe('validators', () => {
  const spec = loadSpec(fixture('features.yaml'));
  const { validators } = spec;

  it('find the response for a status: exact code, then range, then default', () => {
    const list = spec.operation(LIST);
    assert.ok(list);
    assert.equal(findResponse(list, 200)?.status, '200');
    assert.equal(findResponse(list, 404)?.status, '404');
    assert.equal(findResponse(list, 422)?.status, '4XX');
    assert.equal(findResponse(list, '429')?.status, '4XX');
    assert.equal(findResponse(list, 503)?.status, '5XX');
    assert.equal(findResponse(list, 302)?.status, 'default');
    const ping = spec.operation('GET /ping');
    assert.ok(ping);
    assert.equal(findResponse(ping, 500), undefined);
    assert.equal(validators.responseBody('GET /ping', 500, 'application/json'), undefined);
    assert.equal(validators.responseHeaders('GET /ping', 500), undefined);
  });

  it('validate response bodies for the matching status and media type', () => {
    const ok = validators.responseBody(LIST, 200, 'application/json; charset=utf-8');
    assert.ok(ok);
    assert.equal(ok([{ id: '1', title: 'x' }]), true);
    assert.equal(ok([{ id: '1' }]), false);
    assert.equal(ok.errors?.[0]?.params.missingProperty, 'title');
    const unprocessable = validators.responseBody(LIST, 422, 'application/json');
    assert.equal(unprocessable?.({ message: 'bad', errors: { title: ['required'] } }), true);
    assert.equal(unprocessable?.({ message: 'bad', errors: { title: 'required' } }), false);
    assert.equal(validators.responseBody(LIST, 302, 'TEXT/PLAIN')?.('moved'), true);
    assert.equal(validators.responseBody(LIST, 200, 'text/html'), undefined);
    assert.equal(validators.responseBody('GET /ping', 204, 'application/json'), undefined);
  });

  it('validate request bodies by media type, wildcards included', () => {
    const json = validators.requestBody(CREATE, 'application/json');
    assert.ok(json);
    assert.equal(json({ title: 'Card', due: '2025-06-01' }), true);
    assert.equal(json({ title: 'Card', due: '2025-13-01' }), false);
    assert.equal(json({ title: '' }), false);
    const text = validators.requestBody(CREATE, 'text/plain; charset=utf-8');
    assert.equal(text?.('short'), true);
    assert.equal(text?.('far too long'), false);
    assert.equal(validators.requestBody(CREATE, 'application/xml'), undefined);
    assert.equal(validators.requestBody(LIST, 'application/json'), undefined);
  });

  it('neither coerce types nor fill defaults', () => {
    const page = validators.parameter(LIST, 'query', 'page');
    assert.ok(page);
    assert.equal(page(1), true);
    assert.equal(page(0), false);
    assert.equal(page('1'), false);
    const json = validators.requestBody(CREATE, 'application/json');
    const body = { title: 'Card' };
    json?.(body);
    assert.deepEqual(body, { title: 'Card' });
  });

  it('validate response headers: names in any case, values read from strings, required ones present', () => {
    const headers = validators.responseHeaders(LIST, 200);
    assert.ok(headers);
    assert.equal(headers({ 'x-ratelimit-limit': '60', 'X-RateLimit-Remaining': '59', 'x-unrelated': 'x' }), true);
    assert.equal(errorsOf(headers), null);
    assert.equal(headers({ 'x-ratelimit-limit': 60, 'x-ratelimit-remaining': ['0'], link: '<a>' }), true);
    assert.equal(headers({ 'x-ratelimit-limit': '60' }), false);
    assert.equal(errorsOf(headers)?.[0]?.params.missingProperty, 'x-ratelimit-remaining');
    assert.equal(headers({ 'x-ratelimit-limit': 'sixty', 'x-ratelimit-remaining': '-1' }), false);
    assert.deepEqual(errorsOf(headers)?.map((error) => error.instancePath).sort(), ['/x-ratelimit-limit', '/x-ratelimit-remaining']);
    const serverError = validators.responseHeaders(LIST, 503);
    assert.equal(serverError?.({}), true);
    assert.equal(serverError?.({ 'retry-after': '1.5' }), false);
  });

  it('validate parameters by location and name (header names ignore case)', () => {
    assert.equal(validators.parameter(LIST, 'header', 'X-Trace')?.('12345678'), true);
    assert.equal(validators.parameter(LIST, 'header', 'X-Trace')?.('1234'), false);
    assert.equal(validators.parameter(LIST, 'path', 'board')?.('01HZY3K6T3V4B8N0S5W2X9Q7RM'), true);
    assert.equal(validators.parameter(LIST, 'path', 'board')?.('not-a-ulid'), false);
    assert.equal(validators.parameter(LIST, 'query', 'missing'), undefined);
  });

  it('are compiled once: the same function comes back, also for statuses sharing a response', () => {
    assert.equal(validators.requestBody(CREATE, 'application/json'), validators.requestBody(CREATE, 'application/json'));
    assert.equal(validators.responseBody(LIST, 200, 'application/json'), validators.responseBody(LIST, 200, 'application/json'));
    assert.equal(validators.responseBody(LIST, 418, 'application/json'), validators.responseBody(LIST, 422, 'application/json'));
    assert.equal(validators.responseHeaders(LIST, 200), validators.responseHeaders(LIST, 200));
    assert.equal(validators.parameter(LIST, 'query', 'page'), validators.parameter(LIST, 'query', 'page'));
    assert.equal(validators.schema('#/components/schemas/Card'), validators.schema('#/components/schemas/Card'));
    assert.notEqual(validators.responseBody(LIST, 200, 'application/json'), validators.responseBody(LIST, 404, 'application/json'));
  });

  it('compile every schema of the document on demand', () => {
    assert.ok(validators.compileAll() > 10);
  });

  it('throw for an operation the document does not have', () => {
    assert.throws(() => validators.requestBody('PUT /nowhere', 'application/json'), /has no operation "PUT \/nowhere"/);
  });

  it('report a schema that does not compile as a SpecError naming its pointer', () => {
    const text = `openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: strnig}\n`;
    const broken = loadSpecText(text, 'typo.yaml');
    assert.throws(
      () => broken.validators.responseBody('GET /a', 200, 'application/json'),
      specError(/^typo\.yaml:10:23: the schema does not compile/, /\(at #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\)\.$/),
    );
  });
});
