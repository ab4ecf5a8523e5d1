// One k6-style threshold expression, `<metric> <op> <number><unit>`, e.g. `p99 < 250ms`,
// `error_rate < 1%`, `rps > 800`, `limit_leakage == 0`. Values are kept in the metric's base
// unit (µs for latencies, a fraction for ratios) so evaluation is a plain comparison.
import { LoadError } from './load-error.js';
import { KNOWN_METRICS_HINT, metricKind, type MetricKind } from './metric-catalogue.js';

export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Threshold {
  /** The expression as written. */
  expression: string;
  metric: string;
  kind: MetricKind;
  operator: ThresholdOperator;
  /** In the metric's base unit. */
  limit: number;
}

const GRAMMAR = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(us|µs|ms|s|%|\/s)?\s*$/;
const TIME_UNITS: Record<string, number> = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };

/** Parses one expression; a bad one is a LoadError naming where it came from and what is wrong. */
export function parseThreshold(expression: string, where: string): Threshold {
  const fail = (problem: string): never => {
    throw new LoadError(`Threshold "${expression}" in ${where} ${problem}`);
  };
  const match = GRAMMAR.exec(expression);
  if (!match) return fail('is not of the form "<metric> <op> <number><unit>" (e.g. "p99 < 250ms", "error_rate < 1%")');
  const [, metric = '', operator = '<', number = '0', unit] = match;
  const kind = metricKind(metric);
  if (!kind) return fail(`names an unknown metric "${metric}" (known: ${KNOWN_METRICS_HINT})`);
  const value = Number(number);
  let limit: number;
  switch (kind) {
    case 'latency':
      if (unit === undefined || !(unit in TIME_UNITS)) return fail(`needs a time unit for ${metric} (us, ms or s), e.g. "${metric} ${operator} ${number}ms"`);
      limit = value * (TIME_UNITS[unit] as number);
      break;
    case 'ratio':
      if (unit === '%') limit = value / 100;
      else if (unit === undefined) limit = value;
      else return fail(`gives ${metric}, a ratio, the unit "${unit}" (use % or a plain fraction)`);
      break;
    case 'count':
      if (unit !== undefined) return fail(`gives ${metric}, a count, the unit "${unit}" (counts take a plain number)`);
      limit = value;
      break;
    case 'rate':
      if (unit !== undefined && unit !== '/s') return fail(`gives ${metric}, a rate per second, the unit "${unit}" (use a plain number or /s)`);
      limit = value;
      break;
  }
  return { expression: expression.trim(), metric, kind, operator: operator as ThresholdOperator, limit };
}
