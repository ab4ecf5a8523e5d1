import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Exchange } from '../../../core/exchange.js';
import { findingKey, type Finding } from '../../../core/findings.js';
import { propertyRun } from '../../../specs/support/property-run.js';

function finding(value: number): Finding {
  const exchange: Exchange = {
    operationKey: 'GET /things',
    request: { method: 'GET', url: `http://x/things?n=${value}`, path: '/things', query: [['n', String(value)]], headers: {}, auth: { kind: 'none' } },
    case: { validity: 'valid' },
    rateLimited: [],
    startedAt: 0,
    response: { status: 500, headers: {}, bodyText: '', json: { kind: 'empty' }, durationMs: 1 },
  };
  return { kind: 'failure', checkId: 'no-server-error', operationKey: 'GET /things', title: 'server error 500', expected: '', actual: '', dedupKey: findingKey('no-server-error', 'GET /things', 'status 500'), exchange };
}

describe('propertyRun', () => {
  it('passes when no case has findings, running every case', async () => {
    let calls = 0;
    const result = await propertyRun({ arbitrary: fc.nat(), seed: 1, numRuns: 17, execute: async () => (calls++, []) });
    assert.equal(result.findings.size, 0);
    assert.equal(calls, 17);
    assert.equal(result.counterexample, undefined);
  });

  it('shrinks a failure and gives its findings the seed and path that replay it', async () => {
    const result = await propertyRun({ arbitrary: fc.integer({ min: 0, max: 10_000 }), seed: 42, numRuns: 100, execute: async (value) => (value >= 100 ? [finding(value)] : []) });
    assert.equal(result.counterexample?.value, 100);
    assert.equal(result.findings.size, 1, 'one bug, folded');
    const [entry] = result.findings.entries();
    assert.ok((entry?.count ?? 0) > 1);
    assert.equal(entry?.finding.exchange.request.url, 'http://x/things?n=100', 'the shrunk case represents the bug');
    assert.equal(entry?.finding.replay?.seed, 42);
    assert.match(entry?.finding.replay?.path ?? '', /^\d+(:\d+)*$/);
    const replayed = await fc.check(fc.property(fc.integer({ min: 0, max: 10_000 }), (value) => value < 100), { seed: 42, path: entry?.finding.replay?.path, endOnFailure: true });
    assert.deepEqual(replayed.counterexample, [100], 'seed and path replay the counterexample');
  });

  it('stops sending after the shrink budget', async () => {
    let calls = 0;
    const result = await propertyRun({
      arbitrary: fc.array(fc.nat(), { minLength: 1 }),
      seed: 9,
      numRuns: 50,
      shrinkBudget: 5,
      execute: async (values) => (calls++, values.length > 0 ? [finding(values.length)] : []),
    });
    assert.ok(result.counterexample !== undefined);
    assert.ok(calls <= 1 + 5, `${calls} executions`);
  });

  it('raises the suite’s own errors instead of shrinking them', async () => {
    await assert.rejects(
      propertyRun({ arbitrary: fc.nat(), seed: 3, numRuns: 5, execute: async () => { throw new Error('bug in the suite'); } }),
      /bug in the suite/,
    );
  });
});
