import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentType, responseSchema } from '../../../core/checks/schema.js';
import { assertFail, assertPass, assertSkip, exchange, page, thing } from '../_support/check-fixtures.js';

describe('content-type', () => {
  it('passes JSON where JSON is documented, parameters and case ignored', () => {
    assertPass(contentType, exchange({ op: 'GET /things', body: page([]), headers: { 'content-type': 'Application/JSON; charset=utf-8' } }));
  });
  it('fails HTML where JSON is documented, and a missing Content-Type', () => {
    const [html] = assertFail(contentType, exchange({ op: 'GET /things', body: '<html></html>', headers: { 'content-type': 'text/html' } }));
    assert.match(html?.title ?? '', /text\/html/);
    assert.match(html?.actual ?? '', /<html>/);
    assertFail(contentType, exchange({ op: 'GET /things', body: page([]), headers: { 'content-type': '' } }));
  });
  it('passes a bare 204 and fails a 204 with a body or a Content-Type', () => {
    assertPass(contentType, exchange({ op: 'DELETE /things/{thing}', status: 204 }));
    assertFail(contentType, exchange({ op: 'DELETE /things/{thing}', status: 204, body: { data: null } }));
    assertFail(contentType, exchange({ op: 'DELETE /things/{thing}', status: 204, headers: { 'content-type': 'application/json' } }));
  });
  it('accepts the non-JSON media type a spec documents', () => {
    assertPass(contentType, exchange({ op: 'GET /health', body: 'up', headers: { 'content-type': 'text/plain' } }));
  });
  it('skips undocumented statuses and operations', () => {
    assertSkip(contentType, exchange({ op: 'GET /things', status: 418, body: 'teapot', headers: { 'content-type': 'text/plain' } }));
    assertSkip(contentType, exchange({ op: 'GET /nowhere', status: 404, body: { message: 'x' } }));
  });
});

describe('response-schema', () => {
  it('passes a body valid against the documented schema', () => {
    assertPass(responseSchema, exchange({ op: 'GET /things', body: page([thing(), thing({ id: 2, status: 'closed' })]) }));
    assertPass(responseSchema, exchange({ op: 'GET /things', status: 401, body: { message: 'Unauthenticated.' } }));
  });
  it('fails a schema violation and locates it', () => {
    const [finding] = assertFail(responseSchema, exchange({ op: 'GET /things', body: page([thing(), thing({ status: 'gone' })]) }));
    assert.match(finding?.actual ?? '', /\/data\/1\/status must be equal to one of the allowed values/);
  });
  it('gives the same bug at different array indices one dedup key', () => {
    const [first] = assertFail(responseSchema, exchange({ op: 'GET /things', body: page([thing({ status: 'gone' })]) }));
    const [second] = assertFail(responseSchema, exchange({ op: 'GET /things', body: page([thing(), thing(), thing({ status: 'gone' })]) }));
    assert.equal(first?.dedupKey, second?.dedupKey);
  });
  it('fails truncated, HTML and empty bodies with the raw excerpt, without crashing', () => {
    const [truncated] = assertFail(responseSchema, exchange({ op: 'GET /things', body: '{"data":[{"id":1,' }));
    assert.match(truncated?.title ?? '', /not valid JSON/);
    assert.match(truncated?.actual ?? '', /\{\\"data\\":\[\{\\"id\\":1,/);
    const [html] = assertFail(responseSchema, exchange({ op: 'GET /things', body: '<html>oops</html>', headers: { 'content-type': 'text/html' } }));
    assert.match(html?.actual ?? '', /oops/);
    const [empty] = assertFail(responseSchema, exchange({ op: 'GET /things/{thing}', headers: { 'content-type': 'application/json' } }));
    assert.match(empty?.title ?? '', /empty body/);
  });
  it('skips bodiless and non-JSON documented responses', () => {
    assertSkip(responseSchema, exchange({ op: 'DELETE /things/{thing}', status: 204 }));
    assertSkip(responseSchema, exchange({ op: 'GET /health', body: 'up', headers: { 'content-type': 'text/plain' } }));
  });
});
