import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSummary, type SummaryInput } from '../../../specs/reporters/build-summary.js';
import { renderSummary } from '../../../specs/reporters/render-summary.js';
import type { FindingRecord } from '../../../specs/support/finding-record.js';

function record(checkId: string, operationKey: string, count = 1): FindingRecord {
  return {
    checkId,
    kind: 'failure',
    operationKey,
    title: `${checkId} broke`,
    expected: 'x',
    actual: 'y',
    count,
    dedupKey: `${checkId} ${operationKey} cause`,
    curl: `curl -sS -i http://t/api${operationKey.split(' ')[1]}`,
    outcome: '500',
    text: 'FAIL …',
  };
}

const base: SummaryInput = {
  runId: 'ttgate-x',
  seed: 7,
  target: 'http://t/api',
  profile: 'targets/local.yaml',
  mode: 'full',
  startedAt: new Date(0),
  durationMs: 12_345,
  tests: { total: 3, passed: 3, failed: 0, skipped: 0, other: 0 },
  findings: [],
  coverage: [{ operations: { 'GET /tags': { '200': 3, '401': 3 }, 'POST /tags': { '201': 2 } }, requests: 8, rateLimited: 0 }],
  documented: { 'GET /tags': ['200', '401', '429'], 'POST /tags': ['201', '422'], 'DELETE /members/{user}': ['204', '404'] },
  mustSucceed: ['GET /tags', 'POST /tags'],
  skippedOperations: [{ operationKey: 'DELETE /members/{user}', reason: 'may not change a user' }],
  exempt: ['DELETE /members/{user}'],
  workers: [],
  errors: [],
};

describe('buildSummary', () => {
  it('is conformant when nothing failed and every operation that ran succeeded', () => {
    const summary = buildSummary(base);
    assert.equal(summary.verdict, 'conformant');
    assert.deepEqual(summary.coverageFailures, []);
    assert.deepEqual(summary.coverage['GET /tags']?.documentedSeen, ['200', '401']);
    assert.equal(summary.coverage['DELETE /members/{user}']?.skipped, 'may not change a user');
    assert.equal(summary.durationSeconds, 12.3);
  });

  it('fails an operation whose test ran but never got a 2xx', () => {
    const summary = buildSummary({ ...base, coverage: [{ operations: { 'GET /tags': { '429': 4 }, 'POST /tags': { '201': 1 } }, requests: 5, rateLimited: 4 }] });
    assert.deepEqual(summary.coverageFailures, ['GET /tags']);
    assert.equal(summary.verdict, 'findings');
    assert.match(renderSummary(summary), /Operations never answered with a 2xx[\s\S]*`GET \/tags`: seen 429×4/);
  });

  it('groups findings by check id and operation, folding the same bug from several tests', () => {
    const summary = buildSummary({
      ...base,
      tests: { ...base.tests, passed: 1, failed: 2 },
      findings: [record('response-headers', 'GET /tags', 2), record('response-headers', 'GET /tags', 3), record('no-server-error', 'POST /tags')],
    });
    assert.equal(summary.verdict, 'findings');
    assert.deepEqual(summary.checks, { 'no-server-error': { findings: 1, occurrences: 1 }, 'response-headers': { findings: 1, occurrences: 5 } });
    assert.deepEqual(summary.findings.map((group) => group.checkId), ['no-server-error', 'response-headers']);
    const markdown = renderSummary(summary);
    assert.match(markdown, /\| `response-headers` \| 1 \| 5 \|/);
    assert.match(markdown, /```sh\ncurl -sS -i http:\/\/t\/api\/tags\n```/);
  });

  it('says when the run could not be judged', () => {
    const summary = buildSummary({ ...base, cannotJudge: 'The target did not start.' });
    assert.equal(summary.verdict, 'cannot-judge');
    assert.match(renderSummary(summary), /could not be judged[\s\S]*The target did not start\./);
  });
});
