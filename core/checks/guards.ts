// Conditions under which a check applies, written once and wrapped around checks
// (`defineCheck({ guards: [...] })`) instead of being repeated inside each one.

import type { Guard } from './check.js';
import { findResponse } from '../spec/find-response.js';

/** The request was for an operation of the spec (not a 405 probe or an unknown path). */
export const operationKnown: Guard = (exchange) =>
  exchange.operation === undefined ? 'not a documented operation' : undefined;

/** The spec documents the response status for this operation. */
export const documentedStatus: Guard = (exchange) => {
  if (exchange.operation === undefined) return 'not a documented operation';
  return findResponse(exchange.operation, exchange.response.status) === undefined
    ? `status ${exchange.response.status} is not documented (status-documented reports it)`
    : undefined;
};

export const errorStatus: Guard = (exchange) =>
  exchange.response.status >= 400 ? undefined : `status ${exchange.response.status} is not an error`;

export const successStatus: Guard = (exchange) => {
  const { status } = exchange.response;
  return status >= 200 && status < 300 ? undefined : `status ${status} is not a success`;
};

export function statusIs(status: number): Guard {
  return (exchange) => (exchange.response.status === status ? undefined : `status is not ${status}`);
}

/** A 429 the client could not wait out is judged by the rate-limit checks, not by outcome checks. */
export const notRateLimited: Guard = (exchange) =>
  exchange.response.status === 429 ? 'rate limited (429)' : undefined;

export const invalidCase: Guard = (exchange) =>
  exchange.case?.validity === 'invalid' && exchange.case.broken !== undefined ? undefined : 'not an invalid generated case';

export const validCase: Guard = (exchange) =>
  exchange.case?.validity === 'valid' ? undefined : 'not a valid generated case';

/** The body parsed as JSON (other checks report a body that does not). */
export const jsonBody: Guard = (exchange) =>
  exchange.response.json.kind === 'json' ? undefined : 'body is not JSON (reported by the body checks)';

/** The request carried one of the profile's tokens. */
export const profileToken: Guard = (exchange) =>
  exchange.request.auth.kind === 'token' ? undefined : 'no profile token sent';

/** A HEAD response has no body by definition; body checks do not apply. */
export const notHeadRequest: Guard = (exchange) =>
  exchange.request.method.toUpperCase() === 'HEAD' ? 'a HEAD response has no body' : undefined;
