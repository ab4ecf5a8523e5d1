import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationModel } from '../../../core/spec/model.js';
import { estimateRequests, planCases } from '../../../specs/support/case-plan.js';

function operation(method: OperationModel['method'], path: string, body = false): OperationModel {
  return {
    key: `${method} ${path}`,
    method,
    path,
    tags: [],
    parameters: [],
    ...(body ? { requestBody: { required: true, content: {}, pointer: '#' } } : {}),
    responses: {},
    security: [],
    extensions: {},
    pointer: '#',
  };
}

const OPERATIONS = [
  operation('GET', '/tickets'),
  operation('POST', '/tickets', true),
  operation('GET', '/tickets/{ticket}'),
  operation('PUT', '/tickets/{ticket}', true),
];
const profile = (limit: number, windowSeconds: number, pool = 8, mode: 'full' | 'read-only' = 'full') => ({
  rateLimit: { limit, windowSeconds },
  tokens: { admin: 'a', pool: Array.from({ length: pool }, (_, index) => `p${index}`) },
  mode,
});

describe('planCases', () => {
  it('keeps the requested cases without a budget', () => {
    const plan = planCases({ requestedCases: 25, profile: profile(60, 60), operations: OPERATIONS });
    assert.equal(plan.cases, 25);
    assert.equal(plan.note, undefined);
  });

  it('scales the cases down to fit a budget at the real 60-per-minute limit', () => {
    // A contract the size of ours: 60 operations, half of them with a body.
    const sixty = Array.from({ length: 30 }, (_, index) => [operation('GET', `/r${index}`), operation('POST', `/r${index}`, true)]).flat();
    const roomy = planCases({ requestedCases: 25, budgetSeconds: 3600, profile: profile(60, 60), operations: sixty });
    const tight = planCases({ requestedCases: 25, budgetSeconds: 240, profile: profile(60, 60), operations: sixty });
    assert.equal(roomy.cases, 25);
    assert.ok(tight.cases < 25 && tight.cases >= 1, `tight plan: ${tight.cases}`);
    assert.ok(tight.estimatedSeconds <= 240, `estimated ${tight.estimatedSeconds} s`);
    assert.match(tight.note ?? '', /fit the budget of 240 s/);
  });

  it('fits more cases where the pool is larger or the limit higher', () => {
    const small = planCases({ requestedCases: 1000, budgetSeconds: 300, profile: profile(60, 60, 2), operations: OPERATIONS });
    const large = planCases({ requestedCases: 1000, budgetSeconds: 300, profile: profile(60, 60, 8), operations: OPERATIONS });
    assert.ok(large.cases > small.cases);
  });

  it('says when no case count fits: the single-key probes set a floor', () => {
    const plan = planCases({ requestedCases: 25, budgetSeconds: 5, profile: profile(60, 60), operations: OPERATIONS });
    assert.equal(plan.cases, 1);
    assert.ok(plan.floorSeconds > 5);
    assert.match(plan.note ?? '', /below the .* s the run needs/);
  });

  it('counts only GET operations in read-only mode', () => {
    const full = estimateRequests(OPERATIONS, 'full');
    const readOnly = estimateRequests(OPERATIONS, 'read-only');
    assert.ok(readOnly.perCase < full.perCase);
    assert.equal(readOnly.singleKey, 3 * 2);
  });
});
