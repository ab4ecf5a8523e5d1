import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateThresholds } from '../../load/evaluate-thresholds.js';
import { LoadError } from '../../load/load-error.js';
import { parseThreshold } from '../../load/threshold.js';
import { loadThresholds } from '../../load/thresholds-file.js';

describe('parseThreshold', () => {
  it('reads k6-style expressions into base units', () => {
    assert.deepEqual(parseThreshold('p99 < 250ms', 'test'), { expression: 'p99 < 250ms', metric: 'p99', kind: 'latency', operator: '<', limit: 250_000 });
    assert.equal(parseThreshold('p99.9<=1.5s', 'test').limit, 1_500_000);
    assert.equal(parseThreshold('max < 800us', 'test').limit, 800);
    assert.equal(parseThreshold('error_rate < 1%', 'test').limit, 0.01);
    assert.equal(parseThreshold('error_rate < 0.02', 'test').limit, 0.02);
    assert.equal(parseThreshold('rps > 800', 'test').limit, 800);
    assert.deepEqual(parseThreshold('limit_leakage == 0', 'test').operator, '==');
    assert.equal(parseThreshold('isolation.p99 < 300ms', 'test').kind, 'latency');
    assert.equal(parseThreshold('isolation.success_rate >= 99.5%', 'test').limit, 0.995);
  });

  it('rejects a bad expression with one sentence that says what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['p99 < 250', /needs a time unit for p99/],
      ['p99 250ms', /is not of the form/],
      ['latency < 250ms', /unknown metric "latency"/],
      ['error_rate < 1ms', /ratio, the unit "ms"/],
      ['limit_leakage == 0%', /count, the unit "%"/],
      ['rps > 5ms', /rate per second, the unit "ms"/],
      ['', /is not of the form/],
    ];
    for (const [expression, message] of cases) {
      assert.throws(
        () => parseThreshold(expression, 'thresholds.yaml (read-mix.all)'),
        (error: unknown) => {
          assert.ok(error instanceof LoadError);
          assert.match(error.message, message);
          assert.match(error.message, /thresholds\.yaml \(read-mix\.all\)/);
          assert.equal(error.message.split('\n').length, 1);
          assert.match(error.message, /[.)]$/);
          return true;
        },
        expression,
      );
    }
  });
});

describe('evaluateThresholds', () => {
  const thresholds = ['p99 < 250ms', 'error_rate < 1%', 'rps > 800', 'limit_leakage == 0'].map((text) => parseThreshold(text, 'test'));

  it('passes when every figure is within its limit', () => {
    const outcomes = evaluateThresholds(thresholds, { p99: 120_000, error_rate: 0.001, rps: 912.4, limit_leakage: 0 });
    assert.deepEqual(outcomes.map((outcome) => outcome.passed), [true, true, true, true]);
  });

  it('names the threshold, the measured value and the limit of a breach', () => {
    const outcomes = evaluateThresholds(thresholds, { p99: 312_400, error_rate: 0.0123, rps: 640, limit_leakage: 3 });
    assert.deepEqual(outcomes.map((outcome) => outcome.passed), [false, false, false, false]);
    assert.equal(outcomes[0]?.message, 'p99 < 250ms: measured 312.4ms, limit 250ms');
    assert.equal(outcomes[1]?.message, 'error_rate < 1%: measured 1.23%, limit 1%');
    assert.equal(outcomes[2]?.message, 'rps > 800: measured 640/s, limit 800/s');
    assert.equal(outcomes[3]?.message, 'limit_leakage == 0: measured 3, limit 0');
  });

  it('treats an unmeasured metric as a breach, never a silent pass', () => {
    const [outcome] = evaluateThresholds([parseThreshold('limit_leakage == 0', 'test')], { p99: 1 });
    assert.equal(outcome?.passed, false);
    assert.match(outcome?.message ?? '', /not measured/);
  });

  it('compares exactly at the limit according to the operator', () => {
    const at = { p99: 250_000 };
    assert.equal(evaluateThresholds([parseThreshold('p99 < 250ms', 't')], at)[0]?.passed, false);
    assert.equal(evaluateThresholds([parseThreshold('p99 <= 250ms', 't')], at)[0]?.passed, true);
    assert.equal(evaluateThresholds([parseThreshold('p99 != 250ms', 't')], at)[0]?.passed, false);
  });
});

describe('loadThresholds', () => {
  const write = (text: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'thresholds-')), 'thresholds.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('combines `all` with the size and reads the regression rules', () => {
    const book = loadThresholds(write('scenarios:\n  read-mix:\n    all: [error_rate < 1%]\n    smoke: [p99 < 250ms]\n    full: [rps > 800]\nregressions:\n  p99: +20%\n  rps: -10%\n'));
    assert.deepEqual(book.forScenario('read-mix', 'smoke').map((t) => t.expression), ['error_rate < 1%', 'p99 < 250ms']);
    assert.deepEqual(book.forScenario('read-mix', 'full').map((t) => t.expression), ['error_rate < 1%', 'rps > 800']);
    assert.deepEqual(book.forScenario('soak', 'smoke'), []);
    assert.deepEqual(book.regressions.map((r) => [r.metric, r.direction, r.allowance]), [['p99', 'up', 0.2], ['rps', 'down', 0.1]]);
  });

  it('accepts a plain list for every size', () => {
    const book = loadThresholds(write('scenarios:\n  soak: [p99 < 1s]\n'));
    assert.equal(book.forScenario('soak', 'full').length, 1);
  });

  it('fails on the first bad expression, naming file and scenario', () => {
    assert.throws(() => loadThresholds(write('scenarios:\n  read-mix:\n    smoke: [p99 < 250]\n')), /Threshold "p99 < 250" in .*thresholds\.yaml \(read-mix\.smoke\) needs a time unit/);
    assert.throws(() => loadThresholds(write('regressions:\n  p99: 20%\n')), /must be a signed percentage/);
    assert.throws(() => loadThresholds(write('scenarios:\n  read-mix:\n    medium: []\n')), /unknown size "medium"/);
  });

  it('the shipped thresholds file is valid', () => {
    const book = loadThresholds('load/thresholds.yaml');
    assert.ok(book.forScenario('rate-limit', 'smoke').some((t) => t.metric === 'limit_leakage'));
  });
});
