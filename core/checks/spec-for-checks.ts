// core/spec's loaded Spec seen through the CheckSpec interface the checks are written against.

import type { ErrorObject } from 'ajv';
import type { Spec } from '../spec/load-spec.js';
import type { CheckSpec, SchemaIssue } from './context.js';

export function specForChecks(spec: Pick<Spec, 'operations' | 'validators'>): CheckSpec {
  return {
    operations: spec.operations,
    validateResponseBody(operation, status, mediaType, body) {
      const validate = spec.validators.responseBody(operation.key, status, mediaType);
      if (validate === undefined) return undefined;
      return validate(body) ? [] : issuesOf(validate.errors);
    },
    validateResponseHeaders(operation, status, headers) {
      const validate = spec.validators.responseHeaders(operation.key, status);
      if (validate === undefined) return undefined;
      return validate(headers) ? [] : issuesOf(validate.errors);
    },
  };
}

function issuesOf(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    message: describe(error),
  }));
}

/** ajv's message with the parameter that makes it useful (`must have required property 'x'` already has it). */
function describe(error: ErrorObject): string {
  const message = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `${message}: ${error.params.allowedValues.map((value: unknown) => JSON.stringify(value)).join(', ')}`;
  }
  if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
    return `${message}: "${error.params.additionalProperty}"`;
  }
  return message;
}
