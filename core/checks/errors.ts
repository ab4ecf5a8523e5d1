// The error body of every 4xx and 5xx answer, documented or not: JSON `{"message": string}`.

import { defineCheck } from './check.js';
import { errorStatus, notHeadRequest } from './guards.js';
import { messageBodyProblem } from './_internals/message-body.js';

export const errorBody = defineCheck({
  id: 'error-body',
  description: 'Every 4xx and 5xx answer has a JSON body {"message": string}.',
  guards: [errorStatus, notHeadRequest],
  run(exchange) {
    const { status } = exchange.response;
    const problem = messageBodyProblem(exchange.response);
    if (problem === undefined) return null;
    return {
      title: `the ${status} body is not {"message": ...}: ${problem.cause}`,
      expected: 'Content-Type application/json and a body {"message": "<non-empty text>"}',
      actual: problem.seen,
      cause: `${status} ${problem.cause}`,
    };
  },
});
