import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareWithBaseline } from '../../load/compare-baseline.js';
import { parseRegressionRule } from '../../load/regression-rule.js';

const rules = [parseRegressionRule('p99', '+20%', 'test'), parseRegressionRule('rps', '-10%', 'test')];

describe('compareWithBaseline', () => {
  it('passes changes within the allowance, improvements included', () => {
    const outcomes = compareWithBaseline(rules, { p99: 100_000, rps: 800 }, { p99: 119_000, rps: 1000 });
    assert.deepEqual(outcomes.map((outcome) => outcome.regressed), [false, false]);
  });

  it('flags p99 up and rps down beyond the allowance, with both values', () => {
    const outcomes = compareWithBaseline(rules, { p99: 100_000, rps: 800 }, { p99: 130_000, rps: 700 });
    assert.deepEqual(outcomes.map((outcome) => outcome.regressed), [true, true]);
    assert.equal(outcomes[0]?.message, 'p99: 100ms → 130ms (+30.0%, allowed +20%)');
    assert.equal(outcomes[1]?.message, 'rps: 800/s → 700/s (-12.5%, allowed -10%)');
  });

  it('a rise is no regression for a metric that may only drop, and the other way round', () => {
    const outcomes = compareWithBaseline(rules, { p99: 100_000, rps: 800 }, { p99: 50_000, rps: 2000 });
    assert.deepEqual(outcomes.map((outcome) => outcome.regressed), [false, false]);
  });

  it('from a zero baseline any rise of a growing metric is a regression', () => {
    const [outcome] = compareWithBaseline([parseRegressionRule('error_rate', '+50%', 'test')], { error_rate: 0 }, { error_rate: 0.01 });
    assert.equal(outcome?.regressed, true);
    assert.match(outcome?.message ?? '', /from zero/);
  });

  it('skips metrics either run lacks', () => {
    assert.deepEqual(compareWithBaseline(rules, { p99: 1 }, { rps: 1 }), []);
  });
});
