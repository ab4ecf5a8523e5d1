import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fault } from '../../../../target/faults/catalogue.js';
import { buildReport, renderMarkdown, scoreLine } from '../../../../target/faults/mutation/mutation-report.js';
import type { RunRecord } from '../../../../target/faults/mutation/run-one.js';

const CATALOGUE: Fault[] = [
  { id: 'links-relative', area: 'pagination', description: 'Links are relative.', catches: ['pagination-links'] },
  { id: 'rate-limit-off', area: 'rate-limiting', description: 'No 429.', catches: ['rate-limit-burst'] },
];

function run(fields: Partial<RunRecord>): RunRecord {
  return {
    expected: [],
    verdict: 'clean',
    fired: {},
    firedExpected: [],
    firedUnexpected: [],
    durationMs: 1000,
    requests: 10,
    gateExitCode: 0,
    reportDir: '/tmp/x',
    ...fields,
  };
}

const settings = { parallel: 2, cases: 5, rateLimit: { limit: 60, windowSeconds: 5 } };

describe('mutation report', () => {
  it('scores detected faults and passes only with a clean target and every fault detected', () => {
    const detected = run({
      fault: 'links-relative',
      expected: ['pagination-links'],
      verdict: 'detected',
      fired: { 'pagination-links': 2, 'response-schema': 1 },
      firedExpected: ['pagination-links'],
      firedUnexpected: ['response-schema'],
      firstDetection: { checkId: 'pagination-links', ms: 2300, requests: 41 },
    });
    const missed = run({ fault: 'rate-limit-off', expected: ['rate-limit-burst'], verdict: 'undetected', gateExitCode: 0, problem: 'a | b\nc' });
    const report = buildReport(run({}), [detected, missed], CATALOGUE, settings, 5000);
    assert.deepEqual(report.score, { detected: 1, total: 2, percent: 50 });
    assert.equal(report.passed, false);
    assert.equal(report.faults[0]?.description, 'Links are relative.');
    assert.equal(scoreLine(report), 'Mutation score: 50% (1 of 2 faults detected by an expected check); clean target passed.');

    const markdown = renderMarkdown(report);
    assert.match(markdown, /\| `links-relative` \| pagination \| pagination-links \| ✅ detected \| \*\*pagination-links\*\* \(2\), response-schema \(1\) \| 2\.3 s, 41 requests \(pagination-links\) \|/);
    assert.match(markdown, /\| `rate-limit-off` \| rate-limiting \| rate-limit-burst \| ❌ undetected: a \\\| b c \| — \| — \|/);
  });

  it('fails the run when the clean target draws findings, even with every fault detected', () => {
    const detected = run({ fault: 'links-relative', expected: ['pagination-links'], verdict: 'detected', firedExpected: ['pagination-links'] });
    const report = buildReport(run({ verdict: 'dirty', fired: { envelope: 1 } }), [detected], CATALOGUE, settings, 10);
    assert.equal(report.score.percent, 100);
    assert.equal(report.passed, false);
    assert.match(scoreLine(report), /clean target dirty\.$/);
  });
});
