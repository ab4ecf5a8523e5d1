// The common shape of access and routing rules: "this request must be answered with STATUS and a
// JSON {message} body". One helper, so every such check words its failures the same way.

import type { RespondedExchange } from '../../exchange.js';
import type { Failure } from '../check.js';
import { excerpt } from './excerpt.js';
import { messageBodyProblem } from './message-body.js';

/**
 * `rule` names the situation in words (`no token sent`); `status` is what the contract demands.
 * Returns null when the response has that status and a proper error body.
 */
export function expectErrorAnswer(exchange: RespondedExchange, rule: string, status: number): Failure | null {
  const { response } = exchange;
  if (response.status !== status) {
    return {
      title: `${rule}: answered ${response.status} instead of ${status}`,
      expected: `status ${status} with a JSON {"message": ...} body`,
      actual: `status ${response.status}, body ${excerpt(response.bodyText)}`,
      cause: `${rule}: status ${response.status}`,
    };
  }
  if (exchange.request.method.toUpperCase() === 'HEAD') return null; // no body to judge
  const problem = messageBodyProblem(response);
  if (problem === undefined) return null;
  return {
    title: `${rule}: the ${status} body is not {"message": ...}`,
    expected: 'a JSON object with a non-empty string "message"',
    actual: problem.seen,
    cause: `${rule}: ${problem.cause}`,
  };
}
