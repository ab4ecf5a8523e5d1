// Compiled validators for filtering generated values and for checking invalid ones. Same
// dialect and formats as core/spec (2020-12, ajv-formats, nothing coerced); compiled once per
// schema node and kept for the life of the process.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { JsonSchema } from '../../core/spec/model.js';
import { isSchemaObject } from './json.js';
import { NoValueError } from './no-value-error.js';
import { selfContainedSchema } from './self-contained-schema.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives as `.default`.
const addFormats = ajvFormats.default;

export type Validate = (value: unknown) => boolean;

let firstErrorAjv: Ajv2020 | undefined;
let allErrorsAjv: Ajv2020 | undefined;

function createAjv(allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors, coerceTypes: false, useDefaults: false, removeAdditional: false, logger: false });
  addFormats(ajv);
  return ajv;
}

type Resolver = ((ref: string) => JsonSchema) | undefined;
const NO_RESOLVER = {};
const fast = new WeakMap<object, WeakMap<object, ValidateFunction>>();
const full = new WeakMap<object, WeakMap<object, ValidateFunction>>();

function compiled(cache: WeakMap<object, WeakMap<object, ValidateFunction>>, ajv: () => Ajv2020, schema: JsonSchema, resolveRef: Resolver): ValidateFunction {
  const key = resolveRef ?? NO_RESOLVER;
  let perResolver = cache.get(key);
  if (perResolver === undefined) {
    perResolver = new WeakMap();
    cache.set(key, perResolver);
  }
  const node = isSchemaObject(schema) ? schema : schema ? TRUE_NODE : FALSE_NODE;
  let validate = perResolver.get(node);
  if (validate === undefined) {
    try {
      validate = ajv().compile(selfContainedSchema(node, resolveRef) as object);
    } catch (error) {
      if (error instanceof NoValueError) throw error;
      throw new NoValueError(`cannot be compiled by ajv (${(error as Error).message})`);
    }
    perResolver.set(node, validate);
  }
  return validate;
}

const TRUE_NODE = {};
const FALSE_NODE = { not: {} };

/** A predicate: does the value satisfy the schema. */
export function validatorOf(schema: JsonSchema, resolveRef?: Resolver): Validate {
  if (schema === true) return () => true;
  if (schema === false) return () => false;
  const validate = compiled(fast, () => (firstErrorAjv ??= createAjv(false)), schema, resolveRef);
  return (value) => validate(value) as boolean;
}

/** Every error ajv reports for the value; empty when it is valid. */
export function errorsOf(schema: JsonSchema, value: unknown, resolveRef?: Resolver): ErrorObject[] {
  const validate = compiled(full, () => (allErrorsAjv ??= createAjv(true)), schema, resolveRef);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
