// Where ajv says a value is wrong, as the dotted path Laravel would name, and whether an invalid
// case broke the value exactly where it claims to.

import type { ErrorObject } from 'ajv/dist/2020.js';

/** Keywords that only summarise errors of their subschemas. */
const SUMMARIES = new Set(['oneOf', 'anyOf', 'if', 'allOf', '$ref']);
/** Errors raised inside a union branch: other branches failing is expected and says nothing. */
const INSIDE_UNION = /\/(oneOf|anyOf)\/\d+(\/|$)/;

/** Path segments of the value an error is about; a missing property is its own path, as Laravel names it. */
export function errorPath(error: ErrorObject): string[] {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
  const params = error.params as Record<string, unknown>;
  for (const key of ['missingProperty', 'additionalProperty', 'unevaluatedProperty']) {
    if (typeof params[key] === 'string') return [...segments, params[key] as string];
  }
  return segments;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function isUnder(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((segment, index) => path[index] === segment);
}

/**
 * Whether `errors` (allErrors) show a value broken at `path` and nowhere else: some error is at or
 * under the path, and every error outside union branches is too.
 */
export function brokenExactlyAt(errors: readonly ErrorObject[], path: readonly string[]): boolean {
  const leaves = errors.filter((error) => !SUMMARIES.has(error.keyword));
  if (!leaves.some((error) => isUnder(errorPath(error), path))) return false;
  return leaves.filter((error) => !INSIDE_UNION.test(error.schemaPath)).every((error) => isUnder(errorPath(error), path));
}

export function dotted(path: readonly (string | number)[]): string {
  return path.join('.');
}
