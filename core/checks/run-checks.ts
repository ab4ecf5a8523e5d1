// Runs checks on one exchange and turns their outcomes into findings. A check that throws
// becomes a `check-crashed` finding, so a bug in the suite shows up in the report instead of
// ending the run.

import type { Exchange } from '../exchange.js';
import { findingKey, type Finding } from '../findings.js';
import { isSkip, type Check, type Failure } from './check.js';
import type { CheckContext } from './context.js';

export type CheckResult =
  | { checkId: string; outcome: 'pass' }
  | { checkId: string; outcome: 'skip'; reason: string }
  | { checkId: string; outcome: 'fail'; findings: Finding[] };

export function runChecks(checks: readonly Check[], exchange: Exchange, context: CheckContext): CheckResult[] {
  return checks.map((check) => runCheck(check, exchange, context));
}

/** Only the findings of `runChecks`. */
export function findingsOf(results: readonly CheckResult[]): Finding[] {
  return results.flatMap((result) => (result.outcome === 'fail' ? result.findings : []));
}

/**
 * The findings of an exchange and of the 429s the client waited out before it: a 429 is an
 * answer of the target too, held to its format and headers.
 */
export function judgeExchange(checks: readonly Check[], exchange: Exchange, context: CheckContext): Finding[] {
  return [exchange, ...exchange.rateLimited].flatMap((attempt) => findingsOf(runChecks(checks, attempt, context)));
}

function runCheck(check: Check, exchange: Exchange, context: CheckContext): CheckResult {
  let outcome;
  try {
    outcome = check.run(exchange, context);
  } catch (error) {
    return { checkId: check.id, outcome: 'fail', findings: [crashFinding(check, exchange, error)] };
  }
  if (outcome === null) return { checkId: check.id, outcome: 'pass' };
  if (isSkip(outcome)) return { checkId: check.id, outcome: 'skip', reason: outcome.skipped };
  const failures = Array.isArray(outcome) ? (outcome as readonly Failure[]) : [outcome as Failure];
  if (failures.length === 0) return { checkId: check.id, outcome: 'pass' };
  return { checkId: check.id, outcome: 'fail', findings: failures.map((failure) => toFinding(check.id, exchange, failure)) };
}

function toFinding(checkId: string, exchange: Exchange, failure: Failure): Finding {
  return {
    kind: 'failure',
    checkId,
    operationKey: exchange.operationKey,
    title: failure.title,
    expected: failure.expected,
    actual: failure.actual,
    dedupKey: findingKey(checkId, exchange.operationKey, failure.cause ?? failure.title),
    exchange,
    ...replayOf(exchange),
  };
}

function crashFinding(check: Check, exchange: Exchange, error: unknown): Finding {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : '';
  return {
    kind: 'check-crashed',
    checkId: check.id,
    operationKey: exchange.operationKey,
    title: `the check ${check.id} crashed: ${message}`,
    expected: 'the check to return pass, skip or failures',
    actual: where === '' ? message : `${message} (${where})`,
    dedupKey: findingKey(check.id, exchange.operationKey, `crashed ${message}`),
    exchange,
    ...replayOf(exchange),
  };
}

/** The replay point, read defensively: a crash report must not crash on the exchange that broke the check. */
function replayOf(exchange: Exchange): Pick<Finding, 'replay'> {
  try {
    const replay = exchange.case?.replay;
    return replay === undefined ? {} : { replay };
  } catch {
    return {};
  }
}
