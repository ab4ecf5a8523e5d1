// The run's summary as data (reports/summary.json): per check id counts, findings grouped by
// check id and operation, per-operation coverage of statuses, skipped operations, what was left
// behind, seed, target and duration. Pure: the reporter gathers the inputs.

import type { CasePlan } from '../support/case-plan.js';
import type { CoverageRecord } from '../support/coverage.js';
import type { LeftBehind } from '../support/created-registry.js';
import type { FindingRecord } from '../support/finding-record.js';
import type { WorkerReport } from '../support/worker-report.js';

export type Verdict = 'conformant' | 'findings' | 'cannot-judge' | 'interrupted';

export interface OperationCoverage {
  /** Status (or transport error kind) → times seen. */
  statuses: Record<string, number>;
  /** Statuses the spec documents for the operation ("200", "4XX", "default"). */
  documented: string[];
  /** Documented statuses seen at least once. */
  documentedSeen: string[];
  /** A 2xx was seen. */
  succeeded: boolean;
  /** Why the operation was skipped, when it was. */
  skipped?: string;
}

export interface Summary {
  verdict: Verdict;
  /** One sentence when the run could not be judged. */
  cannotJudge?: string;
  runId: string;
  seed: number;
  target: string;
  profile: string;
  mode: string;
  startedAt: string;
  durationSeconds: number;
  plan?: CasePlan;
  tests: { total: number; passed: number; failed: number; skipped: number; other: number };
  /** Check id → distinct findings and times seen. */
  checks: Record<string, { findings: number; occurrences: number }>;
  findings: Array<{ checkId: string; operations: Array<{ operationKey: string; findings: FindingRecord[] }> }>;
  coverage: Record<string, OperationCoverage>;
  /** Operations the run had to see succeed (their test ran) and never did: each is a failure. */
  coverageFailures: string[];
  skippedOperations: Array<{ operationKey: string; reason: string }>;
  leftBehind: LeftBehind[];
  cleanupFailures: string[];
  requests: { judged: number; sent: number; rateLimited: number; retries: number; transportErrors: number; timeouts: number };
  harvestProblems: string[];
  /** Test failures that are not findings (a suite bug, a timeout), and global errors. */
  errors: string[];
}

export interface SummaryInput {
  runId: string;
  seed: number;
  target: string;
  profile: string;
  mode: string;
  startedAt: Date;
  durationMs: number;
  tests: Summary['tests'];
  findings: FindingRecord[];
  coverage: CoverageRecord[];
  /** Operation key → documented statuses (from the spec; empty when it could not be read). */
  documented: Record<string, string[]>;
  /** Operations whose operations.spec test ran to an end (passed or failed). */
  mustSucceed: string[];
  skippedOperations: Array<{ operationKey: string; reason: string }>;
  /** Operations whose success test was skipped with a reason: no 2xx is due. */
  exempt: string[];
  workers: WorkerReport[];
  errors: string[];
  cannotJudge?: string;
  /** The run was stopped before its end (Ctrl-C, a global timeout): what ran is reported, but no verdict on the rest. */
  interrupted?: boolean;
}

export function buildSummary(input: SummaryInput): Summary {
  const checks: Summary['checks'] = {};
  const grouped = new Map<string, Map<string, FindingRecord[]>>();
  for (const record of dedupe(input.findings)) {
    const check = (checks[record.checkId] ??= { findings: 0, occurrences: 0 });
    check.findings += 1;
    check.occurrences += record.count;
    const byOperation = grouped.get(record.checkId) ?? new Map<string, FindingRecord[]>();
    grouped.set(record.checkId, byOperation);
    byOperation.set(record.operationKey, [...(byOperation.get(record.operationKey) ?? []), record]);
  }

  const skipped = new Map(input.skippedOperations.map((entry) => [entry.operationKey, entry.reason]));
  const exempt = new Set(input.exempt);
  const coverage: Record<string, OperationCoverage> = {};
  const keys = new Set([...Object.keys(input.documented), ...input.coverage.flatMap((record) => Object.keys(record.operations))]);
  for (const key of keys) {
    const statuses: Record<string, number> = {};
    for (const record of input.coverage) {
      for (const [status, count] of Object.entries(record.operations[key] ?? {})) statuses[status] = (statuses[status] ?? 0) + count;
    }
    const documented = input.documented[key] ?? [];
    const seen = Object.keys(statuses);
    coverage[key] = {
      statuses,
      documented,
      documentedSeen: documented.filter((status) => seen.some((candidate) => statusMatches(status, candidate))),
      succeeded: seen.some((status) => /^2\d\d$/.test(status)),
      ...(exempt.has(key) && skipped.has(key) ? { skipped: skipped.get(key) as string } : {}),
    };
  }
  const coverageFailures = [...new Set(input.mustSucceed)].filter((key) => !exempt.has(key) && coverage[key]?.succeeded !== true).sort();

  const sent = { judged: 0, sent: 0, rateLimited: 0, retries: 0, transportErrors: 0, timeouts: 0 };
  for (const record of input.coverage) sent.judged += record.requests;
  for (const worker of input.workers) {
    sent.sent += worker.client.requests;
    sent.rateLimited += worker.client.rateLimited;
    sent.retries += worker.client.retries;
    sent.transportErrors += worker.client.transportErrors;
    sent.timeouts += worker.client.timeouts;
  }

  const failed = input.tests.failed > 0 || coverageFailures.length > 0 || input.findings.length > 0;
  const verdict: Verdict = input.cannotJudge !== undefined ? 'cannot-judge' : failed ? 'findings' : input.interrupted === true ? 'interrupted' : 'conformant';
  const plan = input.workers[0]?.plan;
  return {
    verdict,
    ...(input.cannotJudge === undefined ? {} : { cannotJudge: input.cannotJudge }),
    runId: input.runId,
    seed: input.seed,
    target: input.target,
    profile: input.profile,
    mode: input.mode,
    startedAt: input.startedAt.toISOString(),
    durationSeconds: Math.round(input.durationMs / 100) / 10,
    ...(plan === undefined ? {} : { plan }),
    tests: input.tests,
    checks: Object.fromEntries(Object.entries(checks).sort(([a], [b]) => a.localeCompare(b))),
    findings: [...grouped.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([checkId, byOperation]) => ({
        checkId,
        operations: [...byOperation.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([operationKey, findings]) => ({ operationKey, findings })),
      })),
    coverage,
    coverageFailures,
    skippedOperations: [...input.skippedOperations].sort((a, b) => a.operationKey.localeCompare(b.operationKey)),
    leftBehind: input.workers.flatMap((worker) => worker.cleanup.leftBehind),
    cleanupFailures: input.workers.flatMap((worker) => worker.cleanup.failures),
    requests: sent,
    harvestProblems: [...new Set(input.workers.flatMap((worker) => worker.harvestProblems))],
    errors: input.errors,
  };
}

/** The same bug reported by several tests (workers) is one finding; counts add up. */
function dedupe(records: readonly FindingRecord[]): FindingRecord[] {
  const byKey = new Map<string, FindingRecord>();
  for (const record of records) {
    const known = byKey.get(record.dedupKey);
    if (known === undefined) byKey.set(record.dedupKey, { ...record });
    else known.count += record.count;
  }
  return [...byKey.values()];
}

/** "4XX" covers "404"; "default" covers anything. */
function statusMatches(documented: string, seen: string): boolean {
  if (documented === seen || documented === 'default') return documented === seen || /^\d{3}$/.test(seen);
  return /^[1-5]XX$/i.test(documented) && seen.startsWith(documented[0] as string) && /^\d{3}$/.test(seen);
}
