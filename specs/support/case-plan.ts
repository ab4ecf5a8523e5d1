// How many cases per operation a run can afford. Without a time budget the requested count is
// used. With one, the run's requests are estimated and the count scaled down so that the bulk
// traffic (spread over the pool tokens at the rate limit) fits the budget. Some probes go over a
// single key whatever the case count (requests without a token, the member, the multi-workspace
// token): they set a floor no case count can lower, and the plan says so.

import type { Profile } from '../../core/profile.js';
import type { OperationModel } from '../../core/spec/model.js';

export interface CasePlan {
  /** Cases per operation for the property runs. */
  cases: number;
  requested: number;
  budgetSeconds?: number;
  /** Estimated run time with `cases`, at the profile's rate limit, if the target answers instantly. */
  estimatedSeconds: number;
  /** The least time any case count needs (the single-key probes). */
  floorSeconds: number;
  /** Why the plan differs from what was asked, when it does. */
  note?: string;
}

export interface PlanInput {
  requestedCases: number;
  budgetSeconds?: number;
  profile: Pick<Profile, 'rateLimit' | 'tokens' | 'mode'>;
  operations: readonly OperationModel[];
}

/** Requests per operation that do not depend on the case count. */
export interface FixedRequests {
  /** On the busiest single key (anonymous probes: no, malformed and unknown token per operation). */
  singleKey: number;
  /** Spread over the pool: workspace-header probes, isolation, routing, harvest, setup and cleanup. */
  bulk: number;
  /** Requests per case: a valid and an invalid case of every operation with a body or query parameters. */
  perCase: number;
}

export function estimateRequests(operations: readonly OperationModel[], mode: 'full' | 'read-only'): FixedRequests {
  const exercised = operations.filter((operation) => mode === 'full' || operation.method === 'GET');
  // Operations with a body or query parameters take the planned cases; path-only ones a few (see operation-runner.ts).
  const generative = exercised.filter((operation) => operation.requestBody !== undefined || operation.parameters.some((parameter) => parameter.in === 'query'));
  const pathOnly = exercised.filter((operation) => !generative.includes(operation) && operation.parameters.some((parameter) => parameter.in === 'path'));
  const paths = new Set(operations.map((operation) => operation.path)).size;
  const writes = exercised.filter((operation) => operation.method !== 'GET').length;
  return {
    singleKey: 3 * exercised.length,
    bulk: 3 * exercised.length + 4 * paths + 40 + 3 * writes + 8 * (exercised.length - generative.length) + 8 * pathOnly.length,
    perCase: 2 * generative.length,
  };
}

export function planCases(input: PlanInput): CasePlan {
  const { limit, windowSeconds } = input.profile.rateLimit;
  const perKey = limit / windowSeconds;
  const bulkRate = Math.max(1, input.profile.tokens.pool.length) * perKey;
  const requests = estimateRequests(input.operations, input.profile.mode);
  const floorSeconds = requests.singleKey / perKey;
  const timeFor = (cases: number): number => Math.max(floorSeconds, (requests.bulk + cases * requests.perCase) / bulkRate);
  const requested = input.requestedCases;
  const base = { requested, floorSeconds: round(floorSeconds) };
  if (input.budgetSeconds === undefined) return { ...base, cases: requested, estimatedSeconds: round(timeFor(requested)) };

  const budget = input.budgetSeconds;
  const fitting = Math.floor((budget * bulkRate - requests.bulk) / Math.max(1, requests.perCase));
  const cases = Math.max(1, Math.min(requested, fitting));
  const plan: CasePlan = { ...base, cases, budgetSeconds: budget, estimatedSeconds: round(timeFor(cases)) };
  if (timeFor(1) > budget) {
    plan.note = `the budget of ${budget} s is below the ${round(timeFor(1))} s the run needs at ${limit} requests per ${windowSeconds} s per token even with 1 case per operation`;
  } else if (cases < requested) {
    plan.note = `${requested} cases per operation would take about ${round(timeFor(requested))} s at ${limit} requests per ${windowSeconds} s per token; ${cases} fit the budget of ${budget} s`;
  }
  return plan;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
