import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envelope } from '../../../core/checks/envelope.js';
import { assertFail, assertPass, assertSkip, exchange, page, thing } from '../_support/check-fixtures.js';

describe('envelope', () => {
  it('passes each shape its schema describes: single, collection, paginated', () => {
    assertPass(envelope, exchange({ op: 'GET /things/{thing}', body: { data: thing() } }));
    assertPass(envelope, exchange({ op: 'GET /things/{thing}/labels', body: { data: [thing()] } }));
    assertPass(envelope, exchange({ op: 'GET /things', body: page([thing()]) }));
  });
  it('fails a bare resource where {data: ...} is due', () => {
    const [finding] = assertFail(envelope, exchange({ op: 'GET /things/{thing}', body: thing() }));
    assert.match(finding?.actual ?? '', /"data" is missing/);
  });
  it('fails a list where one resource is due, and an object where a list is due', () => {
    assertFail(envelope, exchange({ op: 'POST /things', status: 201, body: { data: [thing()] } }));
    assertFail(envelope, exchange({ op: 'GET /things/{thing}/labels', body: { data: thing() } }));
  });
  it('fails meta/links on an unpaginated list', () => {
    const [finding] = assertFail(envelope, exchange({ op: 'GET /things/{thing}/labels', body: page([thing()]) }));
    assert.match(finding?.actual ?? '', /"meta" present on an unpaginated list/);
  });
  it('fails a page without links, or with links of the wrong kind', () => {
    const { links: _links, ...noLinks } = page([]);
    assertFail(envelope, exchange({ op: 'GET /things', body: noLinks }));
    const bad = page([]);
    const [finding] = assertFail(envelope, exchange({ op: 'GET /things', body: { ...bad, links: { ...bad.links, next: 2 } } }));
    assert.match(finding?.actual ?? '', /"links\.next" is a number/);
  });
  it('skips errors, bodies that are not JSON, and schemas that are not envelopes', () => {
    assertSkip(envelope, exchange({ op: 'GET /things', status: 401, body: { message: 'no' } }));
    assertSkip(envelope, exchange({ op: 'GET /things', body: '{"data": [' }));
    assertSkip(envelope, exchange({ op: 'GET /health', body: 'up', headers: { 'content-type': 'text/plain' } }));
    assertSkip(envelope, exchange({ op: 'DELETE /things/{thing}', status: 204 }));
  });
});
