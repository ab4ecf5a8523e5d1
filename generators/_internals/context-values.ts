// Values the run has seen, offered where they fit: harvested ULIDs for parameters and fields
// that refer to a resource, observed values for filters. Only values the schema accepts are
// offered, so a harvested integer id never lands in a ULID field.

import fc from 'fast-check';
import type { JsonSchema } from '../../core/spec/model.js';
import { resourceNameOf } from '../resource-name-of.js';
import type { RunContext } from '../types.js';
import { boundedFilter } from './bounded-filter.js';
import { isSchemaObject } from './json.js';
import type { ValueBuilder } from './value-builder.js';

export function contextValues(
  name: string,
  schema: JsonSchema,
  context: RunContext,
  builder: ValueBuilder,
  kind: 'path' | 'field',
): fc.Arbitrary<unknown> | undefined {
  const resource = resourceNameOf(name, schema, kind);
  const harvested = resource === undefined ? [] : (context.ulids?.[resource] ?? []);
  const observed = kind === 'path' ? [] : (context.observed?.[name] ?? []);
  const candidates = [...harvested, ...observed.flatMap((value) => (Array.isArray(value) ? value : [value]))];
  if (candidates.length === 0) return undefined;

  const validate = builder.validator(schema);
  const allowsNull = validate(null);
  let arbitrary: fc.Arbitrary<unknown> | undefined;
  const direct = unique(candidates.filter((value) => value !== null && validate(value)));
  if (direct.length > 0) arbitrary = fc.constantFrom(...direct);
  else {
    const array = arrayPart(schema, builder);
    if (array !== undefined) {
      const validItem = builder.validator(array.items);
      const items = unique(candidates.filter((value) => validItem(value)));
      const minLength = Math.max(array.minItems, 0);
      const maxLength = Math.min(array.maxItems, items.length, Math.max(minLength, 3));
      if (items.length > 0 && minLength <= maxLength) {
        arbitrary = boundedFilter(fc.uniqueArray(fc.constantFrom(...items), { minLength, maxLength }), validate, `harvested values for ${name}`);
      }
    }
  }
  if (arbitrary === undefined) return undefined;
  return allowsNull ? fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: fc.constant(null) }) : arbitrary;
}

/** The array shape of a schema (first array-typed variant), if it has one. */
function arrayPart(schema: JsonSchema, builder: ValueBuilder): { items: JsonSchema; minItems: number; maxItems: number } | undefined {
  for (const variant of builder.flattener.variants(schema)) {
    const { type, items, minItems, maxItems } = variant.schema;
    const isArray = type === 'array' || (Array.isArray(type) && type.includes('array')) || (type === undefined && items !== undefined);
    if (!isArray) continue;
    return {
      items: (isSchemaObject(items) || typeof items === 'boolean' ? items : true) as JsonSchema,
      minItems: typeof minItems === 'number' ? minItems : 0,
      maxItems: typeof maxItems === 'number' ? maxItems : Infinity,
    };
  }
  return undefined;
}

function unique(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
