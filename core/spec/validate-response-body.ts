// One call to validate a response body, for the bench and for quick scripts. Checks use
// `spec.validators` directly; this adds only the "undocumented" outcome.

import type { ErrorObject } from 'ajv';
import type { Spec } from './load-spec.js';

export type BodyValidation =
  | { documented: false }
  | { documented: true; valid: boolean; errors: readonly ErrorObject[] };

const NO_ERRORS: readonly ErrorObject[] = Object.freeze([]);

/** Validates `body` (parsed JSON) against the documented response of `operationKey` for `status` and `contentType`. */
export function validateResponseBody(
  spec: Spec,
  operationKey: string,
  status: number,
  body: unknown,
  contentType = 'application/json',
): BodyValidation {
  const validate = spec.validators.responseBody(operationKey, status, contentType);
  if (validate === undefined) return { documented: false };
  const valid = validate(body);
  return { documented: true, valid, errors: valid ? NO_ERRORS : (validate.errors ?? NO_ERRORS) };
}
