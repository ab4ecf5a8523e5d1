import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingKey, FindingSet, type Finding } from '../../core/findings.js';
import { exchange } from './_support/check-fixtures.js';

function finding(cause: string, body = ''): Finding {
  const seen = exchange({ op: 'POST /things', status: 500, body: { message: 'Server Error' } });
  return {
    kind: 'failure',
    checkId: 'no-server-error',
    operationKey: 'POST /things',
    title: 'server error 500',
    expected: 'a status below 500',
    actual: 'status 500',
    dedupKey: findingKey('no-server-error', 'POST /things', cause),
    exchange: { ...seen, request: { ...seen.request, body } },
  };
}

describe('findingKey', () => {
  it('ignores ids, indices and timestamps, and keeps what the bug is', () => {
    assert.equal(
      findingKey('response-schema', 'GET /t', '/data/3/status bad at 01HX9F3K2M4N5P6Q7R8S9T0V1W 2025-06-01T10:30:00+00:00'),
      findingKey('response-schema', 'GET /t', '/data/17/status bad at 01hx9f3k2m4n5p6q7r8s9t0v2x 2026-01-01T00:00:00+00:00'),
    );
    assert.notEqual(findingKey('a', 'GET /t', 'status 500'), findingKey('a', 'GET /t', 'status 502'));
    assert.notEqual(findingKey('a', 'GET /t', 'x'), findingKey('a', 'GET /u', 'x'));
    assert.notEqual(findingKey('a', 'GET /t', 'x'), findingKey('b', 'GET /t', 'x'));
  });
});

describe('FindingSet', () => {
  it('folds the same bug into one finding with a count', () => {
    const set = new FindingSet();
    for (let index = 0; index < 100; index += 1) set.add(finding('status 500', `{"n":${index}}`));
    set.add(finding('status 502'));
    assert.equal(set.size, 2);
    assert.deepEqual(set.entries().map((entry) => entry.count), [100, 1]);
    assert.deepEqual(set.countsByCheck(), { 'no-server-error': 2 });
  });

  it('keeps the smallest reproduction as the representative', () => {
    const set = new FindingSet();
    set.add(finding('same', '{"subject":"a long generated subject"}'));
    set.add(finding('same', '{"subject":"a"}'));
    set.add(finding('same', '{"subject":"ab"}'));
    assert.equal(set.entries()[0]?.finding.exchange.request.body, '{"subject":"a"}');
  });
});
