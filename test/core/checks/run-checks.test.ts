import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorBody } from '../../../core/checks/errors.js';
import { CHECKS } from '../../../core/checks/registry.js';
import { judgeExchange } from '../../../core/checks/run-checks.js';
import { responseSchema } from '../../../core/checks/schema.js';
import { assertSkip, context, exchange, page, thing } from '../_support/check-fixtures.js';

describe('judgeExchange', () => {
  it('judges the 429s the client waited out as well as the final answer', () => {
    const limited = exchange({ op: 'GET /things', status: 429, body: { message: 'Too Many Attempts.' } }); // no Retry-After
    const final = { ...exchange({ op: 'GET /things', body: page([thing()]) }), rateLimited: [limited] };
    const findings = judgeExchange(CHECKS, final, context());
    assert.deepEqual(findings.map((finding) => `${finding.checkId} ${finding.exchange.response?.status}`), ['response-headers 429']);
  });

  it('finds nothing when the final answer and its 429s are fine', () => {
    const limited = exchange({ op: 'GET /things', status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '2' } });
    const final = { ...exchange({ op: 'GET /things', body: page([thing()]) }), rateLimited: [limited] };
    assert.deepEqual(judgeExchange(CHECKS, final, context()), []);
  });
});

describe('HEAD requests', () => {
  it('are not held to having a body', () => {
    const head = exchange({ op: 'GET /nowhere', path: '/nowhere', status: 404 });
    const asHead = { ...head, request: { ...head.request, method: 'HEAD' } };
    assertSkip(errorBody, asHead);
    const documented = exchange({ op: 'GET /things', status: 200 });
    assertSkip(responseSchema, { ...documented, request: { ...documented.request, method: 'HEAD' } });
  });
});
