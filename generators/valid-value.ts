// Valid values of a JSON Schema (2020-12), as a fast-check arbitrary: every value validates
// against the schema with ajv, and a modest share of strings are the kind that find bugs.

import type fc from 'fast-check';
import type { JsonSchema } from '../core/spec/model.js';
import type { ValueOptions } from './types.js';
import { builderOptions, checkSchema, OptionError } from './_internals/check-options.js';
import { describeSchemaFailure, NoValueError } from './_internals/no-value-error.js';
import { ROOT_CONTEXT, ValueBuilder } from './_internals/value-builder.js';

export function validValue(schema: JsonSchema, options: ValueOptions = {}): fc.Arbitrary<unknown> {
  checkSchema('validValue', schema);
  const builder = new ValueBuilder(builderOptions('validValue', options));
  try {
    return builder.valid(schema, { ...ROOT_CONTEXT, name: options.name });
  } catch (error) {
    if (error instanceof NoValueError) throw new OptionError(describeSchemaFailure('validValue', error.path ?? [], error.message));
    throw error;
  }
}
