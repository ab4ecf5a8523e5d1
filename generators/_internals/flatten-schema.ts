// Turns a schema with combinators (`$ref`, `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`) into
// the list of plain schemas whose union it is: one variant per branch choice, each merged with
// the rest of the node. Builders generate from a variant without guessing; contradictory
// choices (on_no_reply and a tag trigger at once) fail to merge and are dropped here.

import type { JsonSchema } from '../../core/spec/model.js';
import { isSchemaObject, jsonType, type SchemaObject } from './json.js';
import { mergeSchemas } from './merge-schemas.js';
import { NoValueError } from './no-value-error.js';
import { isAnnotation } from './schema-keywords.js';

export interface Variant {
  schema: SchemaObject;
  /** False when a value of the variant may still fail the original (overlapping `oneOf` branches). */
  exact: boolean;
}

/** Past this many branch combinations, the rest are left out (the first ones still cover every branch). */
const MAX_VARIANTS = 64;

export class SchemaFlattener {
  private readonly cache = new WeakMap<SchemaObject, Variant[]>();
  private readonly stack = new Set<SchemaObject>();

  constructor(private readonly resolveRef: ((ref: string) => JsonSchema) | undefined) {}

  variants(schema: JsonSchema): Variant[] {
    if (schema === true) return [{ schema: {}, exact: true }];
    if (schema === false) return [];
    const cached = this.cache.get(schema);
    if (cached !== undefined) return cached;
    if (this.stack.has(schema)) throw new NoValueError('refers to itself without any nesting in between');
    this.stack.add(schema);
    try {
      const variants = this.flatten(schema);
      this.cache.set(schema, variants);
      return variants;
    } finally {
      this.stack.delete(schema);
    }
  }

  private flatten(schema: SchemaObject): Variant[] {
    const { $ref, allOf, anyOf, oneOf, if: condition, then, else: otherwise, ...base } = schema;
    let variants: Variant[] = [{ schema: base, exact: true }];
    let reason = 'has parts that contradict each other';
    const combine = (choices: Variant[]): void => {
      const next: Variant[] = [];
      for (const left of variants) {
        for (const right of choices) {
          if (next.length >= MAX_VARIANTS) break;
          try {
            next.push({ schema: mergeSchemas(left.schema, right.schema), exact: left.exact && right.exact });
          } catch (error) {
            if (!(error instanceof NoValueError)) throw error;
            reason = error.message;
          }
        }
      }
      if (next.length === 0) throw new NoValueError(reason);
      variants = next;
    };

    if (typeof $ref === 'string') {
      if (this.resolveRef === undefined) throw new NoValueError(`has a $ref ${JSON.stringify($ref)} and no resolveRef option to follow it`);
      combine(this.variants(this.resolveRef($ref)));
    }
    if (Array.isArray(allOf)) for (const part of allOf as JsonSchema[]) combine(this.variants(part));
    if (Array.isArray(anyOf)) combine((anyOf as JsonSchema[]).flatMap((branch) => this.branchVariants(branch)));
    if (Array.isArray(oneOf)) {
      const branches = (oneOf as JsonSchema[]).map((branch) => this.branchVariants(branch));
      const exclusive = pairwiseDisjoint(branches);
      combine(branches.flat().map((variant) => ({ schema: variant.schema, exact: variant.exact && exclusive })));
    }
    if (condition !== undefined) {
      const whenTrue = this.conjunction([condition as JsonSchema, (then ?? true) as JsonSchema]);
      const whenFalse = this.conjunctionOf(negation(condition as JsonSchema), (otherwise ?? true) as JsonSchema);
      combine([...whenTrue, ...whenFalse]);
    }
    return variants;
  }

  /** A union branch that accepts nothing is no error: it is simply never chosen. */
  private branchVariants(branch: JsonSchema): Variant[] {
    try {
      return this.variants(branch);
    } catch (error) {
      if (error instanceof NoValueError) return [];
      throw error;
    }
  }

  private conjunction(parts: JsonSchema[]): Variant[] {
    return this.conjunctionOf(this.branchVariants(parts[0] ?? true), ...parts.slice(1));
  }

  private conjunctionOf(first: Variant[], ...rest: JsonSchema[]): Variant[] {
    let variants = first;
    for (const part of rest) {
      const choices = this.branchVariants(part);
      const next: Variant[] = [];
      for (const left of variants) {
        for (const right of choices) {
          try {
            next.push({ schema: mergeSchemas(left.schema, right.schema), exact: left.exact && right.exact });
          } catch (error) {
            if (!(error instanceof NoValueError)) throw error;
          }
        }
      }
      variants = next;
    }
    return variants;
  }
}

/**
 * Values that fail `schema`, as plain variants. The usual `if` of a discriminated rule
 * (`required` plus `const`/`enum` properties) negates exactly: one of those properties is absent
 * or holds another value. Anything else becomes `not`, which the builders filter with.
 */
export function negation(schema: JsonSchema): Variant[] {
  if (schema === true) return [];
  if (schema === false) return [{ schema: {}, exact: true }];
  const keys = Object.keys(schema).filter((key) => !isAnnotation(key));
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const discriminated = keys.every((key) => key === 'properties' || key === 'required')
    && Object.values(properties).every((property) => valuesOf(property) !== undefined);
  if (!discriminated) return [{ schema: { not: schema }, exact: true }];
  const variants: Variant[] = [];
  for (const [name, property] of Object.entries(properties)) {
    variants.push({ schema: { required: [name], properties: { [name]: { not: { enum: valuesOf(property) } } } }, exact: true });
  }
  for (const name of required) variants.push({ schema: { properties: { [name]: false } }, exact: true });
  return variants;
}

/** The values a `{const}` or `{enum}` schema allows, or undefined for any other schema. */
function valuesOf(schema: JsonSchema): unknown[] | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const keys = Object.keys(schema).filter((key) => !isAnnotation(key));
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'const') return [schema.const];
  if (keys[0] === 'enum' && Array.isArray(schema.enum)) return schema.enum;
  return undefined;
}

/** Whether no value can match two different `oneOf` branches (told apart by type or by a constant property). */
function pairwiseDisjoint(branches: Variant[][]): boolean {
  for (let i = 0; i < branches.length; i += 1) {
    for (let j = i + 1; j < branches.length; j += 1) {
      for (const left of branches[i]!) {
        for (const right of branches[j]!) {
          if (!disjoint(left.schema, right.schema)) return false;
        }
      }
    }
  }
  return true;
}

function disjoint(a: SchemaObject, b: SchemaObject): boolean {
  const aTypes = explicitTypes(a);
  const bTypes = explicitTypes(b);
  if (aTypes && bTypes && ![...aTypes].some((type) => bTypes.has(type) || (type === 'integer' && bTypes.has('number')) || (type === 'number' && bTypes.has('integer')))) {
    return true;
  }
  const aValues = valuesOf({ ...(a.const !== undefined ? { const: a.const } : {}), ...(a.enum !== undefined ? { enum: a.enum } : {}) });
  const bValues = valuesOf({ ...(b.const !== undefined ? { const: b.const } : {}), ...(b.enum !== undefined ? { enum: b.enum } : {}) });
  if (aValues && bValues && !aValues.some((x) => bValues.some((y) => JSON.stringify(x) === JSON.stringify(y)))) return true;
  const aRequired = new Set((a.required as string[] | undefined) ?? []);
  const bRequired = new Set((b.required as string[] | undefined) ?? []);
  const aProps = (a.properties ?? {}) as Record<string, JsonSchema>;
  const bProps = (b.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of aRequired) {
    if (!bRequired.has(name)) continue;
    const x = aProps[name];
    const y = bProps[name];
    if (isSchemaObject(x) && isSchemaObject(y) && disjoint(x, y)) return true;
  }
  return false;
}

function explicitTypes(schema: SchemaObject): Set<string> | undefined {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type as string[]);
  if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map(jsonType));
  return undefined;
}
