// One fast-check property over live requests: each generated case is sent and judged, a case
// with findings fails the property, and fast-check shrinks it to a smaller case that still
// fails. Shrinking sends requests too, so it has a budget: after that many extra executions
// every further candidate passes without a request, and fast-check settles on the smallest
// failure it has. Every finding of every execution is kept (folded by dedup key); the final
// counterexample's findings carry the `{ seed, path }` that replays it.

import fc from 'fast-check';
import type { ReplayPoint } from '../../core/exchange.js';
import { FindingSet, type Finding } from '../../core/findings.js';

export interface PropertyRunOptions<T> {
  arbitrary: fc.Arbitrary<T>;
  seed: number;
  numRuns: number;
  /** Sends and judges one case; its findings fail the property. */
  execute(value: T, replay: ReplayPoint): Promise<Finding[]>;
  /** Executions allowed after the first failure, for shrinking; default 30. */
  shrinkBudget?: number;
  /** Stop generating new cases after this long (the cases so far still count); default none. */
  timeLimitMs?: number;
}

export interface PropertyRunResult<T> {
  findings: FindingSet;
  /** Cases sent, shrinking included. */
  executions: number;
  /** Generated cases fast-check ran before it stopped (failure, time limit or numRuns). */
  runs: number;
  interrupted: boolean;
  counterexample?: { value: T; replay: ReplayPoint; findings: Finding[] };
}

export async function propertyRun<T>(options: PropertyRunOptions<T>): Promise<PropertyRunResult<T>> {
  const budget = options.shrinkBudget ?? 30;
  const seen: Finding[] = [];
  let executions = 0;
  let executionsAtFirstFailure: number | undefined;
  let lastFailure: { value: T; findings: Finding[] } | undefined;
  let crash: { error: unknown } | undefined;

  const property = fc.asyncProperty(options.arbitrary, async (value) => {
    if (crash !== undefined) return true;
    if (executionsAtFirstFailure !== undefined && executions - executionsAtFirstFailure >= budget) return true;
    executions += 1;
    let findings: Finding[];
    try {
      findings = await options.execute(value, { seed: options.seed });
    } catch (error) {
      crash = { error }; // the suite's own bug: surfaced after the run, not shrunk
      return true;
    }
    seen.push(...findings);
    if (findings.length === 0) return true;
    executionsAtFirstFailure ??= executions;
    lastFailure = { value, findings };
    return false;
  });

  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    ...(options.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }),
  });
  if (crash !== undefined) throw crash.error;
  if (details.errorInstance !== undefined && details.errorInstance !== null && lastFailure === undefined) throw details.errorInstance;

  let counterexample: PropertyRunResult<T>['counterexample'];
  if (details.failed && lastFailure !== undefined) {
    const replay: ReplayPoint = { seed: details.seed, ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }) };
    for (const finding of lastFailure.findings) {
      finding.replay = replay;
      if (finding.exchange.case !== undefined) finding.exchange.case.replay = replay;
    }
    counterexample = { value: lastFailure.value, replay, findings: lastFailure.findings };
  }
  return {
    findings: foldFindings(counterexample?.findings ?? [], seen),
    executions,
    runs: details.numRuns,
    interrupted: details.interrupted,
    ...(counterexample === undefined ? {} : { counterexample }),
  };
}

/** Folds findings by dedup key; the counterexample's findings represent their keys (they replay). */
function foldFindings(preferred: readonly Finding[], all: readonly Finding[]): FindingSet {
  const set = new FindingSet();
  for (const finding of preferred) set.add(finding);
  const byKey = new Map(set.entries().map((entry) => [entry.finding.dedupKey, entry]));
  const chosen = new Set(preferred);
  for (const finding of all) {
    if (chosen.has(finding)) continue;
    const entry = byKey.get(finding.dedupKey);
    if (entry !== undefined) entry.count += 1;
    else set.add(finding);
  }
  return set;
}
