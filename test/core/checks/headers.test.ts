import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { responseHeaders } from '../../../core/checks/headers.js';
import { assertFail, assertPass, assertSkip, exchange, page } from '../_support/check-fixtures.js';

describe('response-headers', () => {
  it('passes declared headers with valid values', () => {
    assertPass(responseHeaders, exchange({ op: 'GET /things', body: page([]) }));
    assertPass(
      responseHeaders,
      exchange({ op: 'GET /things', status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '3', 'x-ratelimit-remaining': '0' } }),
    );
  });
  it('fails a missing required header', () => {
    const [finding] = assertFail(responseHeaders, exchange({ op: 'GET /things', body: page([]), headers: { 'x-ratelimit-remaining': '' } }));
    assert.match(finding?.title ?? '', /x-ratelimit-remaining/);
  });
  it('fails a value outside its schema: text for an integer, Retry-After 0 on a 429', () => {
    assertFail(responseHeaders, exchange({ op: 'GET /things', body: page([]), headers: { 'x-ratelimit-limit': 'sixty' } }));
    const [finding] = assertFail(
      responseHeaders,
      exchange({ op: 'GET /things', status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '0' } }),
    );
    assert.match(finding?.actual ?? '', /retry-after/);
  });
  it('fails a 429 without Retry-After', () => {
    assertFail(responseHeaders, exchange({ op: 'GET /things', status: 429, body: { message: 'Too Many Attempts.' } }));
  });
  it('skips responses without declared headers and undocumented statuses', () => {
    assertSkip(responseHeaders, exchange({ op: 'GET /things/{thing}/labels', body: { data: [] } }));
    assertSkip(responseHeaders, exchange({ op: 'GET /things', status: 500, body: { message: 'Server Error' } }));
  });
});
