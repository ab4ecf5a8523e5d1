import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noServerError, responseReceived, statusDocumented } from '../../../core/checks/status.js';
import { assertFail, assertPass, assertSkip, exchange, judge } from '../_support/check-fixtures.js';

describe('response-received', () => {
  it('passes a response and fails a transport error, naming its kind', () => {
    assert.equal(judge(responseReceived, exchange({ op: 'GET /things', status: 200 })).outcome, 'pass');
    const [finding] = assertFail(
      responseReceived,
      exchange({ op: 'GET /things', error: { kind: 'timeout', message: 'Timeout 10000ms exceeded.', durationMs: 10_001 } }),
    );
    assert.match(finding?.title ?? '', /timeout/);
    assert.match(finding?.actual ?? '', /10001 ms/);
  });
});

describe('status-documented', () => {
  it('passes a documented status, an exact code or a range', () => {
    assertPass(statusDocumented, exchange({ op: 'GET /things', status: 422, body: { message: 'x', errors: { a: ['b'] } } }));
    assertPass(statusDocumented, exchange({ op: 'GET /things/{thing}/labels', status: 409, body: { message: 'x' } }));
  });
  it('fails an undocumented status and lists the documented ones', () => {
    const [finding] = assertFail(statusDocumented, exchange({ op: 'GET /things/{thing}', status: 422, body: { message: 'x' } }));
    assert.match(finding?.title ?? '', /undocumented status 422/);
    assert.match(finding?.expected ?? '', /200, 401, 404, 429/);
  });
  it('skips requests that are not documented operations and transport errors', () => {
    assertSkip(statusDocumented, exchange({ op: 'PATCH /things', status: 405, body: { message: 'no' } }));
    assertSkip(statusDocumented, exchange({ op: 'GET /things', error: { kind: 'connection-reset', message: 'reset', durationMs: 1 } }));
  });
});

describe('no-server-error', () => {
  it('passes anything below 500, fails 5xx with the body excerpt', () => {
    assertPass(noServerError, exchange({ op: 'GET /things', status: 404, body: { message: 'Not found.' } }));
    const [finding] = assertFail(noServerError, exchange({ op: 'GET /things', status: 503, body: '<h1>Bad gateway</h1>' }));
    assert.match(finding?.actual ?? '', /Bad gateway/);
  });
  it('skips transport errors', () => {
    assertSkip(noServerError, exchange({ op: 'GET /things', error: { kind: 'timeout', message: 't', durationMs: 1 } }));
  });
});
