// How far a metric may move against a baseline before it counts as a regression:
// `p99: +20%` (may grow by at most 20 %), `rps: -10%` (may drop by at most 10 %).
import { LoadError } from './load-error.js';
import { metricKind, type MetricKind } from './metric-catalogue.js';

export interface RegressionRule {
  metric: string;
  kind: MetricKind;
  /** `up`: a rise beyond the allowance is a regression; `down`: a drop beyond it. */
  direction: 'up' | 'down';
  /** Allowed relative change as a fraction (0.2 = 20 %). */
  allowance: number;
}

export function parseRegressionRule(metric: string, change: unknown, where: string): RegressionRule {
  const kind = metricKind(metric);
  if (!kind) throw new LoadError(`The regression rule for "${metric}" in ${where} names an unknown metric`);
  const match = typeof change === 'string' ? /^\s*([+-])\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(change) : null;
  if (!match) {
    throw new LoadError(`The regression rule "${metric}: ${String(change)}" in ${where} must be a signed percentage such as "+20%" (may grow) or "-10%" (may drop)`);
  }
  return { metric, kind, direction: match[1] === '+' ? 'up' : 'down', allowance: Number(match[2]) / 100 };
}
