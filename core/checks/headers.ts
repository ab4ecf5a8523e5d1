// Checks of response headers against the headers the spec declares for the status (in this
// contract: X-RateLimit-Limit and X-RateLimit-Remaining everywhere, Retry-After on 429).

import { skip, defineCheck } from './check.js';
import { operationKnown, documentedStatus } from './guards.js';
import { findResponse } from '../spec/find-response.js';

export const responseHeaders = defineCheck({
  id: 'response-headers',
  description: 'Every header the spec declares for the status is present when required and valid against its schema.',
  guards: [operationKnown, documentedStatus],
  run(exchange, context) {
    const operation = exchange.operation;
    const documented = operation && findResponse(operation, exchange.response.status);
    if (operation === undefined || documented === undefined) return skip('status not documented');
    const declared = documented.headers;
    if (Object.keys(declared).length === 0) return skip('no documented headers');
    const { status, headers } = exchange.response;
    const issues = context.spec.validateResponseHeaders(operation, status, headers);
    if (issues === undefined) return skip(`no header schema for ${status}`);
    if (issues.length === 0) return null;
    const lines = issues.map((issue) => `${issue.instancePath === '' ? '' : `${issue.instancePath.slice(1)} `}${issue.message}`);
    const seen = Object.keys(declared)
      .map((name) => `${name}: ${headers[name.toLowerCase()] ?? '(absent)'}`)
      .join(', ');
    return {
      title: `response headers break the contract: ${lines[0]}`,
      expected: Object.values(declared)
        .map((header) => `${header.name}${header.required ? ' (required)' : ''}`)
        .join(', '),
      actual: `${seen}; ${lines.join('; ')}`,
      cause: [...new Set(lines)].sort().join('; '),
    };
  },
});
