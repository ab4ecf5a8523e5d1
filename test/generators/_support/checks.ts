// Shared assertions of the generator tests. Validation here is independent of the generators'
// own validators: core/spec's ajv configuration (2020-12, ajv-formats), compiled per test.

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { createAjv } from '../../../core/spec/ajv.js';
import { loadSpec, type Spec } from '../../../core/spec/load-spec.js';

export const SEED = 20_251_125;

export function compile(schema: object | boolean): ValidateFunction {
  return createAjv().compile(schema);
}

/** Dotted paths of a validator's errors, a missing property named by its own path (Laravel style). */
export function errorPaths(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    for (const key of ['missingProperty', 'additionalProperty']) if (typeof params[key] === 'string') segments.push(params[key] as string);
    return segments.join('.');
  });
}

export function isAtOrUnder(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`);
}

/** Asserts that `validate` rejects `value` with an error at or under `path`. */
export function assertInvalidAt(validate: ValidateFunction, value: unknown, path: string, context = ''): void {
  assert.equal(validate(value), false, `expected invalid ${context}: ${JSON.stringify(value)?.slice(0, 300)}`);
  const paths = errorPaths(validate.errors);
  assert.ok(paths.some((errorPath) => isAtOrUnder(errorPath, path)), `no error at "${path}" ${context}; errors at ${JSON.stringify(paths)}`);
}

export function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, seed = SEED): T[] {
  return fc.sample(arbitrary, { numRuns, seed });
}

/** Asserts that `check` holds for every value (fast-check property, fixed seed). */
export function holds<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 100): void {
  fc.assert(fc.property(arbitrary, (value) => { check(value); }), { numRuns, seed: SEED });
}

/** For assert.throws: a one-line error whose message starts with `prefix` and ends a sentence. */
export function oneSentence(prefix: string, pattern?: RegExp): (error: unknown) => boolean {
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    assert.ok(message.startsWith(prefix), `message ${JSON.stringify(message)} does not start with ${prefix}`);
    assert.ok(!message.includes('\n') && /[.!?]$/.test(message), `not one sentence: ${JSON.stringify(message)}`);
    if (pattern) assert.match(message, pattern);
    return true;
  };
}

export function projectFile(path: string): string {
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url));
}

let contract: Spec | undefined;
/** The project's openapi.yaml, loaded once per test file. */
export function contractSpec(): Spec {
  contract ??= loadSpec(projectFile('openapi.yaml'));
  return contract;
}

export function codePoints(text: string): number {
  return [...text].length;
}
