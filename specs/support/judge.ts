// `judge`: exchanges in, findings out, through the one registry of checks. Every judged
// exchange also counts for coverage (which operations and statuses the run exercised). An
// exchange marked with ungrounded references (made-up ids) hands them to the checks.

import type { CheckContext } from '../../core/checks/context.js';
import { CHECKS, checksById } from '../../core/checks/registry.js';
import { judgeExchange } from '../../core/checks/run-checks.js';
import type { Exchange } from '../../core/exchange.js';
import type { Finding } from '../../core/findings.js';
import { ungroundedOf } from './ungrounded-exchanges.js';

/** What a scenario adds to the checks' context for one judgement. */
export type JudgeExtras = Partial<Pick<CheckContext, 'expect' | 'foreignIds'>>;

export type Judge = (exchanges: Exchange | readonly Exchange[], checkIds?: readonly string[], extras?: JudgeExtras) => Finding[];

export function createJudge(context: CheckContext, onJudged: (exchange: Exchange) => void): Judge {
  return (input, checkIds, extras) => {
    const checks = checkIds === undefined ? CHECKS : checksById(checkIds);
    const judged = extras === undefined ? context : { ...context, ...extras };
    const exchanges: readonly Exchange[] = Array.isArray(input) ? input : [input as Exchange];
    return exchanges.flatMap((exchange) => {
      onJudged(exchange);
      const ungrounded = ungroundedOf(exchange);
      return judgeExchange(checks, exchange, ungrounded === undefined ? judged : { ...judged, ungrounded });
    });
  };
}
