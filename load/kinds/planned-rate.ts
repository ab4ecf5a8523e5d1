// The arrival rate actually planned: the scenario's, capped at what this shard's tokens may send
// under the target's per-token limit (a 429 from our own pacing would measure nothing useful).
import type { RunContext } from '../run-context.js';
import { tokenBudget } from '../token-budget.js';

export function plannedRate(context: RunContext, wanted: number): number {
  const budget = tokenBudget(context.tokens.length, context.rateLimit);
  if (wanted <= budget) return wanted;
  const { limit, windowSeconds } = context.rateLimit;
  context.notes.push(
    `Planned rate lowered from ${wanted}/s to ${budget.toFixed(1)}/s: ${context.tokens.length} token(s) × ${limit} requests per ${windowSeconds}s window allow no more without 429s.`,
  );
  return budget;
}
