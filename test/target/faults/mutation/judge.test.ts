import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judge, passed } from '../../../../target/faults/mutation/judge.js';

describe('judge', () => {
  it('passes the clean target only without findings and with exit 0', () => {
    assert.equal(judge({ exitCode: 0, fired: {} }), 'clean');
    assert.equal(judge({ exitCode: 1, fired: { 'response-schema': 2 } }), 'dirty');
    assert.equal(judge({ exitCode: 1, fired: {} }), 'dirty');
  });

  it('detects a fault when one of its expected checks fired, whatever else fired', () => {
    assert.equal(judge({ exitCode: 1, fired: { envelope: 1, 'no-server-error': 3 } }, ['envelope', 'response-schema']), 'detected');
  });

  it('tells an undetected fault from one caught only by unexpected checks', () => {
    assert.equal(judge({ exitCode: 0, fired: {} }, ['sort-order']), 'undetected');
    assert.equal(judge({ exitCode: 1, fired: { 'response-schema': 1 } }, ['sort-order']), 'unexpected-only');
  });

  it('does not judge a run that exited 2, was killed or left no summary', () => {
    assert.equal(judge({ exitCode: 2, fired: {} }, ['sort-order']), 'not-judged');
    assert.equal(judge({ exitCode: null, fired: { 'sort-order': 1 } }, ['sort-order']), 'not-judged');
    assert.equal(judge({ exitCode: 1, fired: undefined }, ['sort-order']), 'not-judged');
  });

  it('does not trust silence when the suite itself failed, but keeps a detection', () => {
    assert.equal(judge({ exitCode: 1, fired: {}, suiteErrors: 2 }), 'not-judged');
    assert.equal(judge({ exitCode: 1, fired: {}, suiteErrors: 1 }, ['envelope']), 'not-judged');
    assert.equal(judge({ exitCode: 1, fired: { envelope: 1 }, suiteErrors: 1 }, ['envelope']), 'detected');
    assert.equal(judge({ exitCode: 1, fired: { envelope: 1 }, suiteErrors: 1 }), 'dirty');
  });

  it('counts only clean and detected as passed', () => {
    const verdicts = ['clean', 'dirty', 'detected', 'undetected', 'unexpected-only', 'not-judged'] as const;
    assert.deepEqual(verdicts.filter(passed), ['clean', 'detected']);
  });
});
