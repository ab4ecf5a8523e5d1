// The conjunction of two schemas without combinators (what `allOf` means), as one schema the
// builders can read directly. Bounds tighten, enums intersect, properties merge. What cannot
// be expressed in one node (two different patterns, say) is kept aside under CHECKS, and the
// builders filter with it, so the result always means exactly "a and b".

import type { JsonSchema } from '../../core/spec/model.js';
import { deepEqual, isSchemaObject, jsonType, type SchemaObject } from './json.js';
import { NoValueError } from './no-value-error.js';
import { COMBINATORS, isAnnotation } from './schema-keywords.js';

/** Schemas a value must also satisfy, kept where merging could not express them. */
export const CHECKS = 'x-generator-checks';

const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);
const OBJECT_KEYWORDS = new Set(['properties', 'patternProperties', 'additionalProperties']);
/** Eager merging of nested properties stops here; deeper ones become `allOf` (cyclic graphs). */
const MAX_EAGER_DEPTH = 3;

export function hasCombinator(schema: SchemaObject): boolean {
  return COMBINATORS.some((keyword) => schema[keyword] !== undefined);
}

export function mergeSchemas(a: SchemaObject, b: SchemaObject, depth = 0): SchemaObject {
  const out: SchemaObject = { ...a };
  const checks: JsonSchema[] = [...((a[CHECKS] as JsonSchema[] | undefined) ?? [])];
  for (const [key, theirs] of Object.entries(b)) {
    if (key === CHECKS) {
      checks.push(...(theirs as JsonSchema[]));
      continue;
    }
    if (OBJECT_KEYWORDS.has(key)) continue;
    const mine = out[key];
    if (mine === undefined) {
      out[key] = theirs;
      continue;
    }
    if (isAnnotation(key) || deepEqual(mine, theirs)) continue;
    if (LOWER_BOUNDS.has(key) && typeof mine === 'number' && typeof theirs === 'number') out[key] = Math.max(mine, theirs);
    else if (UPPER_BOUNDS.has(key) && typeof mine === 'number' && typeof theirs === 'number') out[key] = Math.min(mine, theirs);
    else if (key === 'type') out.type = mergeTypes(mine, theirs);
    else if (key === 'enum') out.enum = intersect(mine as unknown[], theirs as unknown[]);
    else if (key === 'const') throw new NoValueError(`requires both ${JSON.stringify(mine)} and ${JSON.stringify(theirs)}`);
    else if (key === 'required') out.required = [...new Set([...(mine as string[]), ...(theirs as string[])])];
    else if (key === 'uniqueItems') out.uniqueItems = mine === true || theirs === true;
    else if (key === 'not') out.not = { anyOf: [mine, theirs] };
    else if (key === 'items') out.items = mergeChild(mine as JsonSchema, theirs as JsonSchema, depth);
    else if (key === 'prefixItems') out.prefixItems = mergeTuples(mine as JsonSchema[], theirs as JsonSchema[], depth);
    else if (key === 'dependentRequired') out.dependentRequired = mergeDependencies(mine as Record<string, string[]>, theirs as Record<string, string[]>);
    else if (key === 'multipleOf' && typeof mine === 'number' && typeof theirs === 'number' && divides(mine, theirs)) out.multipleOf = Math.max(mine, theirs);
    else checks.push({ [key]: theirs });
  }
  mergeObjectKeywords(a, b, out, checks, depth);
  if (checks.length > 0) out[CHECKS] = checks;
  return settle(out);
}

/** Two subschemas that must both hold: merged when both are plain, `allOf` otherwise; `false` when they contradict. */
export function mergeChild(x: JsonSchema, y: JsonSchema, depth = 0): JsonSchema {
  if (x === false || y === false) return false;
  if (x === true || (isSchemaObject(x) && Object.keys(x).length === 0)) return y;
  if (y === true || (isSchemaObject(y) && Object.keys(y).length === 0)) return x;
  if (x === y) return x;
  if (depth < MAX_EAGER_DEPTH && !hasCombinator(x) && !hasCombinator(y)) {
    try {
      return mergeSchemas(x, y, depth + 1);
    } catch (error) {
      if (error instanceof NoValueError) return false;
      throw error;
    }
  }
  return { allOf: [x, y] };
}

function mergeObjectKeywords(a: SchemaObject, b: SchemaObject, out: SchemaObject, checks: JsonSchema[], depth: number): void {
  if (![a, b].some((side) => [...OBJECT_KEYWORDS].some((key) => side[key] !== undefined))) return;
  const aProps = (a.properties ?? {}) as Record<string, JsonSchema>;
  const bProps = (b.properties ?? {}) as Record<string, JsonSchema>;
  if (a.patternProperties !== undefined || b.patternProperties !== undefined) {
    // Which schema an undeclared key gets depends on both sides' patterns: keep a's rules, check b's.
    const properties: Record<string, JsonSchema> = { ...aProps };
    for (const [name, schema] of Object.entries(bProps)) properties[name] = name in aProps ? mergeChild(aProps[name]!, schema, depth) : schema;
    out.properties = properties;
    const objectPart = Object.fromEntries([...OBJECT_KEYWORDS].filter((key) => b[key] !== undefined).map((key) => [key, b[key]]));
    checks.push(objectPart);
    return;
  }
  const properties: Record<string, JsonSchema> = {};
  for (const name of new Set([...Object.keys(aProps), ...Object.keys(bProps)])) {
    const mine = name in aProps ? aProps[name]! : additionalFor(a);
    const theirs = name in bProps ? bProps[name]! : additionalFor(b);
    properties[name] = mergeChild(mine, theirs, depth);
  }
  if (Object.keys(properties).length > 0) out.properties = properties;
  else delete out.properties;
  const additional = mergeChild(additionalFor(a), additionalFor(b), depth);
  if (additional === true) delete out.additionalProperties;
  else out.additionalProperties = additional;
}

function additionalFor(schema: SchemaObject): JsonSchema {
  return (schema.additionalProperties as JsonSchema | undefined) ?? true;
}

/** Makes the merged node consistent: enum against const, type and `not`; forbidden required properties. */
function settle(schema: SchemaObject): SchemaObject {
  if (schema.const !== undefined && Array.isArray(schema.enum)) {
    if (!schema.enum.some((value) => deepEqual(value, schema.const))) throw new NoValueError(`requires ${JSON.stringify(schema.const)}, which its enum excludes`);
    delete schema.enum;
  }
  excludeNegatedValues(schema);
  if (Array.isArray(schema.enum)) {
    const types = typeList(schema.type);
    const values = types ? schema.enum.filter((value) => typeAllows(types, value)) : schema.enum;
    if (values.length === 0) throw new NoValueError('allows none of the values of its enum');
    schema.enum = values;
  }
  if (schema.const !== undefined && !typeAllows(typeList(schema.type), schema.const)) {
    throw new NoValueError(`requires ${JSON.stringify(schema.const)}, which its type excludes`);
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  for (const name of (schema.required as string[] | undefined) ?? []) {
    const forbidden = properties?.[name] === false
      || (properties?.[name] === undefined && schema.additionalProperties === false && schema.patternProperties === undefined);
    if (forbidden) throw new NoValueError(`requires the property ${JSON.stringify(name)}, which it also forbids`);
  }
  return schema;
}

/** `not: {enum}` and `not: {const}` beside an enum or const: drop those values, and the `not`. */
function excludeNegatedValues(schema: SchemaObject): void {
  if (!isSchemaObject(schema.not)) return;
  const negated = isSchemaObject(schema.not) && Array.isArray(schema.not.anyOf) && Object.keys(schema.not).length === 1
    ? (schema.not.anyOf as JsonSchema[])
    : [schema.not as JsonSchema];
  const values: unknown[] = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : [];
  if (values.length === 0) return;
  const rest: JsonSchema[] = [];
  let kept = values;
  for (const part of negated) {
    const excluded = excludedValues(part);
    if (excluded === undefined) rest.push(part);
    else kept = kept.filter((value) => !excluded.some((other) => deepEqual(value, other)));
  }
  if (kept.length === 0) throw new NoValueError('allows no value once its `not` is applied');
  if (schema.const !== undefined) schema.const = kept[0];
  else schema.enum = kept;
  if (rest.length === 0) delete schema.not;
  else schema.not = rest.length === 1 ? rest[0] : { anyOf: rest };
}

function excludedValues(schema: JsonSchema): unknown[] | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const keys = Object.keys(schema).filter((key) => !isAnnotation(key));
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'const') return [schema.const];
  if (keys[0] === 'enum' && Array.isArray(schema.enum)) return schema.enum;
  return undefined;
}

export function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string');
  return undefined;
}

export function typeAllows(types: readonly string[] | undefined, value: unknown): boolean {
  if (types === undefined) return true;
  const actual = jsonType(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function mergeTypes(x: unknown, y: unknown): string[] | string {
  const xs = typeList(x) ?? [];
  const ys = typeList(y) ?? [];
  const out = new Set<string>();
  for (const type of xs) {
    if (ys.includes(type)) out.add(type);
    else if ((type === 'integer' && ys.includes('number')) || (type === 'number' && ys.includes('integer'))) out.add('integer');
  }
  if (out.size === 0) throw new NoValueError(`requires type ${xs.join('|')} and type ${ys.join('|')} at once`);
  const list = [...out];
  return list.length === 1 ? list[0]! : list;
}

function intersect(xs: unknown[], ys: unknown[]): unknown[] {
  const out = xs.filter((x) => ys.some((y) => deepEqual(x, y)));
  if (out.length === 0) throw new NoValueError(`has two enums with no value in common (${JSON.stringify(xs)} and ${JSON.stringify(ys)})`);
  return out;
}

function mergeTuples(xs: JsonSchema[], ys: JsonSchema[], depth: number): JsonSchema[] {
  const length = Math.max(xs.length, ys.length);
  return Array.from({ length }, (_, index) => mergeChild(xs[index] ?? true, ys[index] ?? true, depth));
}

function mergeDependencies(xs: Record<string, string[]>, ys: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...xs };
  for (const [key, names] of Object.entries(ys)) out[key] = [...new Set([...(out[key] ?? []), ...names])];
  return out;
}

function divides(x: number, y: number): boolean {
  const [small, large] = x < y ? [x, y] : [y, x];
  return Number.isInteger(large / small);
}
