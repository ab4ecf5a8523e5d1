import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorBody } from '../../../core/checks/errors.js';
import { assertFail, assertPass, assertSkip, exchange } from '../_support/check-fixtures.js';

describe('error-body', () => {
  it('passes {"message": string} on 4xx and 5xx, documented or not', () => {
    assertPass(errorBody, exchange({ op: 'GET /things', status: 401, body: { message: 'Unauthenticated.' } }));
    assertPass(errorBody, exchange({ op: 'GET /nowhere', status: 404, body: { message: 'Not found.' } }));
    assertPass(errorBody, exchange({ op: 'GET /things', status: 500, body: { message: 'Server Error' } }));
  });
  it('fails an HTML error page with its excerpt', () => {
    const [finding] = assertFail(errorBody, exchange({ op: 'GET /things', status: 500, body: '<h1>Whoops</h1>', headers: { 'content-type': 'text/html' } }));
    assert.match(finding?.actual ?? '', /Whoops/);
  });
  it('fails an empty body, a body without message, and JSON under a non-JSON Content-Type', () => {
    assertFail(errorBody, exchange({ op: 'GET /things', status: 403 }));
    assertFail(errorBody, exchange({ op: 'GET /things', status: 403, body: { error: 'forbidden' } }));
    assertFail(errorBody, exchange({ op: 'GET /things', status: 403, body: { message: 'no' }, headers: { 'content-type': 'text/plain' } }));
    assertFail(errorBody, exchange({ op: 'GET /things', status: 403, body: { message: '' } }));
  });
  it('skips successes', () => {
    assertSkip(errorBody, exchange({ op: 'GET /things/{thing}', body: { data: {} } }));
  });
});
