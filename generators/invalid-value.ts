// Invalid values of a JSON Schema, each a valid value broken in exactly one place, with the
// dotted path of that place and what was done to it. Every case fails ajv validation there.

import type fc from 'fast-check';
import type { JsonSchema } from '../core/spec/model.js';
import type { InvalidCase, InvalidValueOptions } from './types.js';
import { builderOptions, checkKinds, checkSchema, OptionError } from './_internals/check-options.js';
import { checkedBreakers, oneOfBreakers } from './_internals/invalid-cases.js';
import { describeSchemaFailure, NoValueError } from './_internals/no-value-error.js';
import { ROOT_CONTEXT, ValueBuilder } from './_internals/value-builder.js';

export function invalidValue(schema: JsonSchema, options: InvalidValueOptions = {}): fc.Arbitrary<InvalidCase> {
  checkSchema('invalidValue', schema);
  const kinds = new Set(checkKinds('invalidValue', options));
  const builder = new ValueBuilder(builderOptions('invalidValue', options, ['kinds', 'breakRoot']));
  try {
    const breakers = checkedBreakers(builder, schema, kinds, { ...ROOT_CONTEXT, name: options.name }, options.breakRoot ?? true);
    return oneOfBreakers(breakers, 'an invalid value (it accepts everything, or nothing)');
  } catch (error) {
    if (error instanceof NoValueError) throw new OptionError(describeSchemaFailure('invalidValue', error.path ?? [], error.message));
    throw error;
  }
}
