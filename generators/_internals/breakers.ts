// Ways to break a value of a schema in exactly one place. Each breaker starts from a valid
// value (of one variant of the schema) and changes one thing: drops a required property,
// swaps a type, leaves the enum, crosses a length or numeric bound, spoils a format or a
// pattern, adds an unknown property. Nested properties and array items are broken the same way
// inside a valid parent. Whether the result is really invalid there is checked by the caller.

import fc from 'fast-check';
import type { JsonSchema } from '../../core/spec/model.js';
import type { InvalidKind } from '../types.js';
import { firstCodePoints, toCodePointLength } from './code-points.js';
import { badFormatValues } from './format-arbitrary.js';
import { isSchemaObject, jsonType, type SchemaObject } from './json.js';
import { typeAllows, typeList } from './merge-schemas.js';
import { NoValueError } from './no-value-error.js';
import { integerBounds } from './number-arbitrary.js';
import type { BuildContext, ValueBuilder } from './value-builder.js';

export interface Broken {
  value: unknown;
  path: string[];
}

export interface Breaker {
  kind: InvalidKind;
  /** Where the breaker breaks, with `*` for an array index chosen at generation. */
  at: readonly string[];
  arbitrary: fc.Arbitrary<Broken>;
}

const WRONG_TYPE_POOL: readonly unknown[] = ['wrong-type', 12345, 1.5, true, ['x'], { key: 'x' }];
const UNKNOWN_PROPERTY = 'unexpected_field';
const MAX_BROKEN_ITEMS = 1000;
const MAX_BROKEN_LENGTH = 1_000_000;

export class BreakerFinder {
  constructor(
    private readonly builder: ValueBuilder,
    private readonly kinds: ReadonlySet<InvalidKind>,
  ) {}

  /** Breakers of `schema`; `breakHere` false keeps the value itself (its properties and items still break). */
  breakers(schema: JsonSchema, context: BuildContext, breakHere = true): Breaker[] {
    let variants;
    try {
      variants = this.builder.flattener.variants(schema);
    } catch (error) {
      if (error instanceof NoValueError) return [];
      throw error;
    }
    const out: Breaker[] = [];
    for (const variant of variants) {
      out.push(...this.here(variant.schema, context).filter((breaker) => breakHere || breaker.at.length > 0));
      if (context.depth < this.builder.options.maxDepth) out.push(...this.inside(variant.schema, context));
    }
    return out.filter((breaker) => this.kinds.has(breaker.kind));
  }

  /** Valid values of the variant narrowed to one type, or undefined when there are none. */
  private validOf(schema: SchemaObject, context: BuildContext, type?: string, extra: SchemaObject = {}): fc.Arbitrary<unknown> | undefined {
    const types = typeList(schema.type);
    if (type !== undefined && types !== undefined && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return undefined;
    try {
      return this.builder.plain({ ...schema, ...(type === undefined ? {} : { type }), ...extra }, context);
    } catch (error) {
      if (error instanceof NoValueError) return undefined;
      throw error;
    }
  }

  private here(schema: SchemaObject, context: BuildContext): Breaker[] {
    const out: Breaker[] = [];
    const add = (kind: InvalidKind, arbitrary: fc.Arbitrary<unknown> | undefined, path: string[] = []): void => {
      if (arbitrary !== undefined) out.push({ kind, at: path, arbitrary: arbitrary.map((value) => ({ value, path })) });
    };
    const types = declaredTypes(schema);
    if (types !== undefined) {
      const wrong = WRONG_TYPE_POOL.filter((value) => !typeAllows(types, value) && !(types.includes('object') && Array.isArray(value)));
      if (wrong.length > 0) add('wrong-type', fc.constantFrom(...wrong));
      if (!typeAllows(types, null) && !(Array.isArray(schema.enum) && schema.enum.includes(null))) add('null-not-allowed', fc.constant(null));
    }
    const allowed = schema.const !== undefined ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
    if (allowed !== undefined) {
      const outsiders = outsidersOf(allowed);
      if (outsiders.length > 0) add('not-in-enum', fc.constantFrom(...outsiders));
      return out;
    }

    const text = this.validOf(schema, context, 'string');
    if (text !== undefined) {
      const strings = text as fc.Arbitrary<string>;
      const { minLength, maxLength, format, pattern } = schema;
      if (typeof minLength === 'number' && minLength >= 1) add('too-short', strings.map((value) => firstCodePoints(value, minLength - 1)));
      if (typeof maxLength === 'number' && maxLength < MAX_BROKEN_LENGTH) add('too-long', strings.map((value) => toCodePointLength(value, maxLength + 1, 'x')));
      const bad = typeof format === 'string' ? badFormatValues(format) : undefined;
      if (bad !== undefined) {
        const check = this.builder.validator({ type: 'string', format });
        const rejected = bad.filter((value) => !check(value));
        if (rejected.length > 0) add('bad-format', fc.constantFrom(...rejected));
      }
      if (typeof pattern === 'string') {
        const regex = new RegExp(pattern, 'u');
        add('pattern-mismatch', fc.tuple(strings, fc.nat()).map(([value, index]) => mismatch(value, index, regex)));
      }
    }
    const numberType = types?.includes('integer') && !types.includes('number') ? 'integer' : 'number';
    if (types === undefined || types.includes('number') || types.includes('integer')) {
      const { below, above } = outOfRange(schema, numberType === 'integer');
      if (below !== undefined) add('below-minimum', fc.constant(below));
      if (above !== undefined) add('above-maximum', fc.constant(above));
    }
    const { minItems, maxItems } = schema;
    if (typeof minItems === 'number' && minItems >= 1) {
      add('too-few-items', (this.validOf(schema, context, 'array') as fc.Arbitrary<unknown[]> | undefined)?.map((items) => items.slice(0, minItems - 1)));
    }
    if (typeof maxItems === 'number' && maxItems < MAX_BROKEN_ITEMS) {
      add('too-many-items', this.validOf(schema, context, 'array', { minItems: maxItems + 1, maxItems: maxItems + 1 }));
    }
    const objects = this.validOf(schema, context, 'object') as fc.Arbitrary<Record<string, unknown>> | undefined;
    if (objects !== undefined) {
      for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
        add('missing-required', objects.map((value) => withoutKey(value, name)), [name]);
      }
      const closed = (schema.additionalProperties === false || schema.unevaluatedProperties === false) && schema.patternProperties === undefined;
      if (closed) {
        const properties = isSchemaObject(schema.properties) ? schema.properties : {};
        let name = UNKNOWN_PROPERTY;
        while (name in properties) name = `${name}_`;
        const unknownName = name;
        add('unknown-property', objects.map((value) => ({ ...value, [unknownName]: 'unexpected' })), [unknownName]);
      }
    }
    return out;
  }

  private inside(schema: SchemaObject, context: BuildContext): Breaker[] {
    const out: Breaker[] = [];
    const properties = isSchemaObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const objects = Object.keys(properties).length > 0 ? (this.validOf(schema, context, 'object') as fc.Arbitrary<Record<string, unknown>> | undefined) : undefined;
    if (objects !== undefined) {
      for (const [name, property] of Object.entries(properties)) {
        if (property === false || (this.builder.options.direction === 'request' && isSchemaObject(property) && property.readOnly === true)) continue;
        const childContext: BuildContext = { name, path: [...context.path, name], requiredLike: required.has(name), depth: context.depth + 1 };
        for (const child of this.breakers(property, childContext)) {
          out.push({
            kind: child.kind,
            at: [name, ...child.at],
            arbitrary: fc.tuple(objects, child.arbitrary).map(([value, broken]) => ({ value: { ...value, [name]: broken.value }, path: [name, ...broken.path] })),
          });
        }
      }
    }
    const items = schema.items;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    if (items !== undefined && items !== false && maxItems >= 1) {
      const minItems = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 0);
      const arrays = this.validOf(schema, context, 'array', { minItems }) as fc.Arbitrary<unknown[]> | undefined;
      if (arrays !== undefined) {
        const childContext: BuildContext = { name: context.name, path: [...context.path, '*'], requiredLike: true, depth: context.depth + 1 };
        for (const child of this.breakers(items as JsonSchema, childContext)) {
          out.push({
            kind: child.kind,
            at: ['*', ...child.at],
            arbitrary: fc.tuple(arrays, child.arbitrary, fc.nat()).map(([value, broken, pick]) => {
              const index = pick % value.length;
              const copy = [...value];
              copy[index] = broken.value;
              return { value: copy, path: [String(index), ...broken.path] };
            }),
          });
        }
      }
    }
    return out;
  }
}

/** Types a schema states (by `type`, or by the values of its enum/const); undefined when it says nothing. */
function declaredTypes(schema: SchemaObject): string[] | undefined {
  const declared = typeList(schema.type);
  if (declared !== undefined) return declared;
  const values = schema.const !== undefined ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  return values === undefined ? undefined : [...new Set(values.map(jsonType))];
}

/** Values of the same type as the allowed ones but not among them: a near miss and a case change. */
function outsidersOf(allowed: readonly unknown[]): unknown[] {
  const first = allowed.find((value) => value !== null);
  const candidates: unknown[] = [];
  if (typeof first === 'string') {
    candidates.push(`${first}_not_allowed`);
    if (first.toUpperCase() !== first) candidates.push(first.toUpperCase());
  } else if (typeof first === 'number') {
    const numbers = allowed.filter((value): value is number => typeof value === 'number');
    candidates.push(Math.max(...numbers) + 1, Math.min(...numbers) - 1);
  } else if (typeof first === 'boolean') {
    candidates.push(!first);
  }
  return candidates.filter((candidate) => !allowed.some((value) => JSON.stringify(value) === JSON.stringify(candidate)));
}

/** The closest values outside the numeric bounds. */
function outOfRange(schema: SchemaObject, integer: boolean): { below?: number; above?: number } {
  const out: { below?: number; above?: number } = {};
  if (integer) {
    const hasMin = typeof schema.minimum === 'number' || typeof schema.exclusiveMinimum === 'number';
    const hasMax = typeof schema.maximum === 'number' || typeof schema.exclusiveMaximum === 'number';
    const { min, max } = integerBounds({ ...schema, format: undefined });
    if (hasMin && Number.isSafeInteger(min - 1)) out.below = min - 1;
    if (hasMax && Number.isSafeInteger(max + 1)) out.above = max + 1;
    return out;
  }
  const lows = [typeof schema.minimum === 'number' ? schema.minimum - 1 : undefined, typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined].filter((value) => value !== undefined);
  const highs = [typeof schema.maximum === 'number' ? schema.maximum + 1 : undefined, typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined].filter((value) => value !== undefined);
  if (lows.length > 0) out.below = Math.max(...(lows as number[]));
  if (highs.length > 0) out.above = Math.min(...(highs as number[]));
  return out;
}

/** A string close to a valid one that the pattern rejects: a character swapped, added or dropped. */
function mismatch(value: string, index: number, regex: RegExp): string {
  const chars = [...value];
  const at = chars.length === 0 ? 0 : index % chars.length;
  const replaced = (by: string): string => chars.map((char, position) => (position === at ? by : char)).join('');
  // A blank string comes early: for the contract's `\S` patterns it is the interesting miss.
  const candidates = [replaced('U'), replaced('!'), `${value}!`, `!${value}`, ' ', chars.slice(0, -1).join(''), 'not-matching', ''];
  return candidates.find((candidate) => !regex.test(candidate)) ?? value;
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
