// What a check is: a stable id, a one-line description (the README's check table is built
// from it), and a pure function of one exchange. Pass, skip and failure are distinct outcomes.

import type { Exchange, RespondedExchange } from '../exchange.js';
import type { CheckContext } from './context.js';

/** What a check saw wrong. The runner adds the check id, operation, exchange and dedup key. */
export interface Failure {
  /** One line: what went wrong. */
  title: string;
  expected: string;
  actual: string;
  /**
   * What makes this bug this bug, for deduplication (default: the title). Leave out values
   * that vary between requests of the same bug (ids, the generated body).
   */
  cause?: string;
}

/** The check does not apply to this exchange; not a pass. */
export interface Skip {
  readonly skipped: string;
}

/** `null` = pass. */
export type CheckOutcome = Failure | readonly Failure[] | Skip | null;

export interface Check {
  id: string;
  description: string;
  run(exchange: Exchange, context: CheckContext): CheckOutcome;
}

/** A condition under which a check applies; returns the reason to skip, or undefined. */
export type Guard = (exchange: RespondedExchange, context: CheckContext) => string | undefined;

export interface CheckDefinition {
  id: string;
  description: string;
  /** Applied in order before `run`; the first that objects turns the outcome into a skip. */
  guards?: readonly Guard[];
  run(exchange: RespondedExchange, context: CheckContext): CheckOutcome;
}

export function skip(reason: string): Skip {
  return { skipped: reason };
}

export function isSkip(outcome: CheckOutcome): outcome is Skip {
  return outcome !== null && !Array.isArray(outcome) && typeof (outcome as Skip).skipped === 'string';
}

/**
 * A check of responses: a transport error (no response) is a skip here, because
 * `response-received` reports it; then the guards; then `run`.
 */
export function defineCheck(definition: CheckDefinition): Check {
  const guards = definition.guards ?? [];
  return {
    id: definition.id,
    description: definition.description,
    run(exchange, context) {
      if (exchange.response === undefined) return skip(`no response (${exchange.error.kind})`);
      for (const guard of guards) {
        const reason = guard(exchange, context);
        if (reason !== undefined) return skip(reason);
      }
      return definition.run(exchange, context);
    },
  };
}
