import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseGateSummary, readGateSummary, requestOfCurl } from '../../../../target/faults/mutation/read-summary.js';

describe('parseGateSummary', () => {
  it('reads a map of check id to count, keeping only ids that fired', () => {
    const summary = parseGateSummary({ checks: { envelope: 0, 'sort-order': 3 } });
    assert.deepEqual(summary?.fired, { 'sort-order': 3 });
  });

  it('reads a map of check id to an object with a count and first-finding time', () => {
    const startedAt = '2026-11-25T10:00:00.000Z';
    const summary = parseGateSummary({
      startedAt,
      checks: {
        'pagination-links': { failures: 2, firstAtMs: 1500 },
        'unknown-route': { failures: 1, firstAt: '2026-11-25T10:00:03.000Z' },
        envelope: { failures: 0 },
      },
    });
    assert.deepEqual(summary?.fired, { 'pagination-links': 2, 'unknown-route': 1 });
    assert.deepEqual(summary?.firstAt, {
      'pagination-links': Date.parse(startedAt) + 1500,
      'unknown-route': Date.parse('2026-11-25T10:00:03.000Z'),
    });
  });

  it("reads the gate's layout: an empty table is a run without findings; findings name their requests", () => {
    assert.deepEqual(parseGateSummary({ verdict: 'conformant', checks: {}, findings: [] }), { fired: {}, firstAt: {}, evidence: {}, errors: [] });
    const summary = parseGateSummary({
      verdict: 'findings',
      checks: { 'unknown-route': { findings: 1, occurrences: 3 } },
      findings: [
        {
          checkId: 'unknown-route',
          operations: [{ operationKey: 'GET /nope', findings: [{ curl: "curl -sS -i 'http://127.0.0.1:5/api/nope?a=1' -H 'X: y'", outcome: '404' }] }],
        },
      ],
    });
    assert.deepEqual(summary?.fired, { 'unknown-route': 1 });
    assert.deepEqual(summary?.evidence, { 'unknown-route': [{ method: 'GET', url: 'http://127.0.0.1:5/api/nope?a=1', status: 404 }] });
  });

  it('keeps the reason when the gate could not judge', () => {
    const summary = parseGateSummary({ verdict: 'cannot-judge', cannotJudge: 'The target is unreachable.', checks: {} });
    assert.equal(summary?.cannotJudge, 'The target is unreachable.');
  });

  it('reads the method and URL of a curl line', () => {
    assert.deepEqual(requestOfCurl('curl -sS -i -X POST http://h:1/api/tags --data-raw \'{}\''), { method: 'POST', url: 'http://h:1/api/tags' });
    assert.deepEqual(requestOfCurl('curl -sS -i --head http://h:1/api/tags'), { method: 'HEAD', url: 'http://h:1/api/tags' });
    assert.deepEqual(requestOfCurl("curl -sS -i 'http://h:1/api/x?filter%5Bs%5D=a' -H 'A: b'"), { method: 'GET', url: 'http://h:1/api/x?filter%5Bs%5D=a' });
    assert.equal(requestOfCurl('curl -sS -i'), undefined);
  });

  it('reads a list of rows with an id and a count', () => {
    const summary = parseGateSummary({ checks: [{ id: 'no-server-error', findings: 4 }, { id: 'envelope', findings: 0 }] });
    assert.deepEqual(summary?.fired, { 'no-server-error': 4 });
  });

  it('gives undefined for something that is not a summary', () => {
    assert.equal(parseGateSummary([]), undefined);
    assert.equal(parseGateSummary({ duration: 3 }), undefined);
  });

  it('reads the file, and gives undefined for a missing or broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ checks: { 'rate-limit-burst': 1 } }));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    assert.deepEqual(readGateSummary(join(dir, 'good.json'))?.fired, { 'rate-limit-burst': 1 });
    assert.equal(readGateSummary(join(dir, 'bad.json')), undefined);
    assert.equal(readGateSummary(join(dir, 'missing.json')), undefined);
  });
});
