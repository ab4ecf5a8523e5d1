// Checks of how the target answered at all: a complete response, a documented status, no 5xx.

import { skip, defineCheck, type Check } from './check.js';
import { operationKnown } from './guards.js';
import { findResponse } from '../spec/find-response.js';
import { excerpt } from './_internals/excerpt.js';

export const responseReceived: Check = {
  id: 'response-received',
  description: 'The target answers with a complete HTTP response within the timeout: no timeout, reset or cut-off body.',
  run(exchange) {
    if (exchange.error === undefined) return null;
    const { kind, message, durationMs } = exchange.error;
    return {
      title: `no complete response (${kind})`,
      expected: 'a complete HTTP response within the timeout',
      actual: `${kind} after ${Math.round(durationMs)} ms: ${message}`,
      cause: kind,
    };
  },
};

export const statusDocumented = defineCheck({
  id: 'status-documented',
  description: 'The response status is one the spec documents for the operation (exact code, range or default).',
  guards: [operationKnown],
  run(exchange) {
    const operation = exchange.operation;
    if (operation === undefined) return skip('not a documented operation');
    const { status } = exchange.response;
    if (findResponse(operation, status) !== undefined) return null;
    return {
      title: `undocumented status ${status}`,
      expected: `one of ${Object.keys(operation.responses).join(', ')}`,
      actual: `status ${status}, body ${excerpt(exchange.response.bodyText)}`,
      cause: `status ${status}`,
    };
  },
});

export const noServerError = defineCheck({
  id: 'no-server-error',
  description: 'No request, valid or not, makes the target answer 5xx.',
  run(exchange) {
    const { status, bodyText } = exchange.response;
    if (status < 500) return null;
    return {
      title: `server error ${status}`,
      expected: 'a status below 500',
      actual: `status ${status}, body ${excerpt(bodyText)}`,
      cause: `status ${status}`,
    };
  },
});
