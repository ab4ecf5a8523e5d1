import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownRoute, unsupportedMethod } from '../../../core/checks/routing.js';
import { assertFail, assertPass, assertSkip, exchange } from '../_support/check-fixtures.js';

const notAllowed = { message: 'Method not allowed.' };

describe('unsupported-method', () => {
  it('passes a JSON 405 whose Allow lists the documented methods', () => {
    assertPass(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: notAllowed, headers: { allow: 'GET, POST' } }));
    assertPass(unsupportedMethod, exchange({ op: 'PUT /things/{thing}', status: 405, body: notAllowed, headers: { allow: 'GET, HEAD, DELETE' } }));
  });
  it('fails another status, an empty Allow, or an Allow with undocumented or missing methods', () => {
    assertFail(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 404, body: { message: 'x' } }));
    assertFail(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: notAllowed }));
    const [extra] = assertFail(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: notAllowed, headers: { allow: 'GET, POST, PATCH' } }));
    assert.match(extra?.title ?? '', /undocumented PATCH/);
    assertFail(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: notAllowed, headers: { allow: 'GET' } }));
  });
  it('fails a 405 without a JSON body', () => {
    assertFail(unsupportedMethod, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: 'Method Not Allowed', headers: { allow: 'GET, POST', 'content-type': 'text/plain' } }));
  });
  it('skips documented operations, unknown paths and HEAD on GET paths', () => {
    assertSkip(unsupportedMethod, exchange({ op: 'GET /things', status: 200, body: { data: [] } }));
    assertSkip(unsupportedMethod, exchange({ op: 'PATCH /nowhere', path: '/nowhere', status: 404, body: { message: 'x' } }));
    assertSkip(unsupportedMethod, exchange({ op: 'HEAD /things', path: '/things', status: 200 }));
  });
});

describe('unknown-route', () => {
  it('passes a JSON 404 on an unknown path', () => {
    assertPass(unknownRoute, exchange({ op: 'GET /nowhere', path: '/nowhere/at/all', status: 404, body: { message: 'Not found.' } }));
  });
  it('fails an HTML 404 and a 200 on an unknown path', () => {
    const [html] = assertFail(unknownRoute, exchange({ op: 'GET /nowhere', path: '/nowhere', status: 404, body: '<h1>404</h1>', headers: { 'content-type': 'text/html' } }));
    assert.match(html?.actual ?? '', /<h1>404<\/h1>/);
    assertFail(unknownRoute, exchange({ op: 'GET /nowhere', path: '/nowhere', status: 200, body: { data: [] } }));
  });
  it('skips documented paths', () => {
    assertSkip(unknownRoute, exchange({ op: 'PATCH /things', path: '/things', status: 405, body: notAllowed }));
    assertSkip(unknownRoute, exchange({ op: 'GET /things', status: 200, body: { data: [] } }));
  });
});
