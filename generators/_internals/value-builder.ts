// Builds the arbitrary of valid values for a schema node. Combinators are flattened into plain
// variants first (flatten-schema.ts); each plain variant is built by type, directly where the
// construct allows it (bounds, lengths, enums, required properties, unique items) and by
// filtering with a compiled validator where it does not (`not`, overlapping `oneOf` branches,
// two patterns at once, dependent schemas).

import fc from 'fast-check';
import type { JsonSchema } from '../../core/spec/model.js';
import type { FieldInfo } from '../types.js';
import { acceptance, boundedFilter } from './bounded-filter.js';
import { codePointLength } from './code-points.js';
import { SchemaFlattener } from './flatten-schema.js';
import { formatArbitraries } from './format-arbitrary.js';
import { isSchemaObject, stableStringify, type SchemaObject } from './json.js';
import { CHECKS, typeAllows, typeList } from './merge-schemas.js';
import { NoValueError } from './no-value-error.js';
import { integerArbitrary, numberArbitrary } from './number-arbitrary.js';
import { isAnnotation } from './schema-keywords.js';
import { validatorOf, type Validate } from './schema-validator.js';
import { stringMatching } from './shared-arbitraries.js';
import { textArbitrary } from './text-arbitrary.js';

export interface BuilderOptions {
  resolveRef: ((ref: string) => JsonSchema) | undefined;
  maxDepth: number;
  unusualShare: number;
  whitespaceOnly: 'optional' | 'everywhere' | 'never';
  typicalLength: number;
  typicalItems: number;
  direction: 'request' | 'response';
  extraProperties: boolean;
  fieldValue: ((field: FieldInfo) => fc.Arbitrary<unknown> | undefined) | undefined;
}

export interface BuildContext {
  /** Name of the property being built (hints: HTML bodies, resource references). */
  name: string | undefined;
  path: readonly string[];
  /** A required property or an array item: whitespace-only would read as missing. */
  requiredLike: boolean;
  depth: number;
}

export const ROOT_CONTEXT: BuildContext = { name: undefined, path: [], requiredLike: true, depth: 0 };

/** Past maxDepth only required parts are built; this many levels further, recursion is an error. */
const HARD_DEPTH_MARGIN = 8;
const ANY_TYPE = ['string', 'integer', 'boolean', 'null', 'object', 'array'] as const;
const OBJECT_HINTS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames', 'dependentRequired'];
const ARRAY_HINTS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_HINTS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_HINTS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
/** Keywords honoured only by filtering the built values. */
const FILTERED_KEYWORDS = ['dependentSchemas', 'dependentRequired', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'propertyNames', 'contentSchema'];
const ENUM_ONLY_KEYWORDS = new Set(['type', 'enum', 'const']);

export class ValueBuilder {
  readonly flattener: SchemaFlattener;
  private readonly cache = new Map<string, WeakMap<object, fc.Arbitrary<unknown>>>();

  constructor(readonly options: BuilderOptions) {
    this.flattener = new SchemaFlattener(options.resolveRef);
  }

  validator(schema: JsonSchema): Validate {
    return validatorOf(schema, this.options.resolveRef);
  }

  /** Valid values of `schema`; throws NoValueError when there are none to build. */
  valid(schema: JsonSchema, context: BuildContext): fc.Arbitrary<unknown> {
    if (schema === false) throw new NoValueError('is `false` and accepts no value');
    const node = schema === true ? TRUE : schema;
    const key = `${context.name ?? ''}\u0000${context.requiredLike}\u0000${context.depth}`;
    let perContext = this.cache.get(key);
    if (perContext === undefined) {
      perContext = new WeakMap();
      this.cache.set(key, perContext);
    }
    const cached = perContext.get(node);
    if (cached !== undefined) return cached;
    if (context.depth > this.options.maxDepth + HARD_DEPTH_MARGIN) {
      throw new NoValueError('requires values nested deeper than maxDepth allows (a required recursive property?)');
    }
    try {
      const built = this.build(node, context);
      perContext.set(node, built);
      return built;
    } catch (error) {
      if (error instanceof NoValueError && error.path === undefined) error.path = context.path;
      throw error;
    }
  }

  private build(schema: SchemaObject, context: BuildContext): fc.Arbitrary<unknown> {
    const variants = this.flattener.variants(schema);
    const arbitraries: fc.Arbitrary<unknown>[] = [];
    let failure: NoValueError | undefined;
    for (const variant of variants) {
      try {
        let arbitrary = this.plain(variant.schema, context);
        if (!variant.exact) {
          const check = this.validator(schema);
          if (acceptance(arbitrary, check) === 0) continue;
          arbitrary = boundedFilter(arbitrary, check, 'a value matching exactly one oneOf branch');
        }
        arbitraries.push(arbitrary);
      } catch (error) {
        if (!(error instanceof NoValueError)) throw error;
        failure = error;
      }
    }
    if (arbitraries.length === 0) throw failure ?? new NoValueError('accepts no value');
    return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
  }

  /** Valid values of a schema without combinators. */
  plain(schema: SchemaObject, context: BuildContext): fc.Arbitrary<unknown> {
    let arbitrary = this.byType(schema, context);
    if (schema.not !== undefined) {
      const negated = this.validator(schema.not as JsonSchema);
      arbitrary = this.filtered(arbitrary, (value) => !negated(value), 'a value outside its `not`');
    }
    const checks = schema[CHECKS] as JsonSchema[] | undefined;
    if (checks !== undefined) {
      const validators = checks.map((check) => this.validator(check));
      arbitrary = this.filtered(arbitrary, (value) => validators.every((validate) => validate(value)), 'a value satisfying every allOf part');
    }
    if (FILTERED_KEYWORDS.some((keyword) => schema[keyword] !== undefined)) {
      const { [CHECKS]: _checks, ...own } = schema;
      const validate = this.validator(own);
      arbitrary = this.filtered(arbitrary, validate, 'a value satisfying its dependent or unevaluated keywords');
    }
    return arbitrary;
  }

  private filtered(arbitrary: fc.Arbitrary<unknown>, predicate: (value: unknown) => boolean, what: string): fc.Arbitrary<unknown> {
    if (acceptance(arbitrary, predicate) === 0) throw new NoValueError(`gave no valid candidate while looking for ${what}`);
    return boundedFilter(arbitrary, predicate, what);
  }

  private byType(schema: SchemaObject, context: BuildContext): fc.Arbitrary<unknown> {
    if (schema.const !== undefined || Array.isArray(schema.enum)) return this.constants(schema);
    const types = allowedTypes(schema);
    const arbitraries: Array<{ weight: number; arbitrary: fc.Arbitrary<unknown> }> = [];
    let failure: NoValueError | undefined;
    for (const type of types) {
      if (type === 'integer' && types.includes('number')) continue;
      try {
        arbitraries.push({ weight: type === 'null' ? 1 : 4, arbitrary: this.ofType(type, schema, context) });
      } catch (error) {
        if (!(error instanceof NoValueError)) throw error;
        failure = error;
      }
    }
    if (arbitraries.length === 0) throw failure ?? new NoValueError('allows no type of value');
    return arbitraries.length === 1 ? arbitraries[0]!.arbitrary : fc.oneof(...arbitraries);
  }

  private ofType(type: string, schema: SchemaObject, context: BuildContext): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerArbitrary(schema);
      case 'number':
        return numberArbitrary(schema, () => this.validator(schema));
      case 'string':
        return this.string(schema, context);
      case 'array':
        return this.array(schema, context);
      case 'object':
        return this.object(schema, context);
      default:
        throw new NoValueError(`has an unknown type ${JSON.stringify(type)}`);
    }
  }

  private constants(schema: SchemaObject): fc.Arbitrary<unknown> {
    const candidates = schema.const !== undefined ? [schema.const] : (schema.enum as unknown[]);
    const types = typeList(schema.type);
    const onlyValues = Object.keys(schema).every((key) => ENUM_ONLY_KEYWORDS.has(key) || isAnnotation(key));
    const validate = onlyValues ? (value: unknown) => typeAllows(types, value) : this.validator(schema);
    const values = candidates.filter((value) => validate(value));
    if (values.length === 0) throw new NoValueError('allows none of the values its enum or const lists');
    return values.length === 1 ? fc.constant(values[0]) : fc.constantFrom(...values);
  }

  private string(schema: SchemaObject, context: BuildContext): fc.Arbitrary<string> {
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    if (min > max) throw new NoValueError(`needs minLength ${min} and maxLength ${max}, which no string meets`);
    let regex: RegExp | undefined;
    if (typeof schema.pattern === 'string') {
      try {
        regex = new RegExp(schema.pattern, 'u');
      } catch {
        throw new NoValueError(`has a pattern ${JSON.stringify(schema.pattern)} that is not a valid regular expression`);
      }
    }
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const formatCheck = format === undefined ? undefined : this.validator({ type: 'string', format });
    const fits = (text: string): boolean => {
      const length = codePointLength(text);
      return length >= min && length <= max && (regex === undefined || regex.test(text)) && (formatCheck === undefined || formatCheck(text));
    };

    const branches: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [];
    // Free text meets its length bounds by construction, and so does an anchored pattern without bounds.
    let exact = false;
    const known = format === undefined ? undefined : formatArbitraries(format);
    if (known !== undefined) branches.push(...known);
    else {
      const text = textArbitrary({
        minLength: min,
        maxLength: max,
        typicalLength: this.options.typicalLength,
        unusualShare: this.options.unusualShare,
        whitespaceOnly: this.whitespaceOnlyAllowed(min, context) && (regex === undefined || regex.test(' ')),
        markup: markupOf(schema, context),
      });
      branches.push({ weight: 1, arbitrary: text });
      exact = regex === undefined;
      if (regex !== undefined && acceptance(text, fits, 24) < 0.3) {
        branches[0] = { weight: 1, arbitrary: stringMatching(regex, Number.isFinite(max) ? max * 2 + 2 : undefined) };
        exact = isAnchored(regex) && min === 0 && max === Infinity;
      }
    }
    if (exact) return branches[0]!.arbitrary;
    const usable = branches.filter((branch) => acceptance(branch.arbitrary, fits) > 0);
    if (usable.length === 0) {
      throw new NoValueError(`found no string for ${describeString(schema, min, max)}`);
    }
    const choice = usable.length === 1 ? usable[0]!.arbitrary : fc.oneof(...usable);
    return boundedFilter(choice, fits, `a string for ${describeString(schema, min, max)}`);
  }

  private whitespaceOnlyAllowed(minLength: number, context: BuildContext): boolean {
    switch (this.options.whitespaceOnly) {
      case 'never':
        return false;
      case 'everywhere':
        return true;
      default:
        return !(context.requiredLike && minLength >= 1);
    }
  }

  private array(schema: SchemaObject, context: BuildContext): fc.Arbitrary<unknown[]> {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    let max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    if (min > max) throw new NoValueError(`needs minItems ${min} and maxItems ${max}, which no array meets`);
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchema[]) : [];
    const itemContext: BuildContext = { name: context.name, path: [...context.path, '*'], requiredLike: true, depth: context.depth + 1 };
    const items = (schema.items ?? true) as JsonSchema;
    const atLimit = context.depth >= this.options.maxDepth;
    let itemArbitrary: fc.Arbitrary<unknown> | undefined;
    if (!atLimit || min > prefix.length) {
      try {
        itemArbitrary = this.valid(items, itemContext);
      } catch (error) {
        if (!(error instanceof NoValueError)) throw error;
        if (min > prefix.length) throw error;
      }
    }
    if (itemArbitrary === undefined) max = Math.min(max, prefix.length);

    const prefixLength = Math.min(prefix.length, max);
    const head = prefix.slice(0, prefixLength).map((part, index) => this.valid(part, { ...itemContext, path: [...context.path, String(index)] }));
    const tailMin = Math.max(0, min - prefixLength);
    const tailMax = Math.max(tailMin, max - prefixLength);
    const typicalMax = atLimit ? tailMin : Math.min(tailMax, tailMin + this.options.typicalItems);

    const tail = (minLength: number, maxLength: number): fc.Arbitrary<unknown[]> => {
      if (itemArbitrary === undefined || maxLength === 0) return fc.constant([]);
      if (schema.uniqueItems === true) {
        const unique = fc.uniqueArray(itemArbitrary, { minLength, maxLength, selector: stableStringify });
        return boundedFilter(unique, (values) => values.length >= minLength, 'enough distinct array items');
      }
      return fc.array(itemArbitrary, { minLength, maxLength });
    };
    let tails = tail(tailMin, typicalMax);
    if (!atLimit && Number.isFinite(tailMax) && tailMax > typicalMax && tailMax <= 200) {
      tails = fc.oneof({ weight: 6, arbitrary: tails }, { weight: 1, arbitrary: tail(tailMax, tailMax) });
    }
    if (head.length === 0) return tails;
    const uniqueHead = schema.uniqueItems === true;
    const combined = fc.tuple(fc.tuple(...head), tails).map(([first, rest]) => [...first, ...rest]);
    return uniqueHead ? boundedFilter(combined, allDistinct, 'distinct array items') : combined;
  }

  private object(schema: SchemaObject, context: BuildContext): fc.Arbitrary<Record<string, unknown>> {
    const properties = (isSchemaObject(schema.properties) ? schema.properties : {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const additional = (schema.additionalProperties ?? true) as JsonSchema;
    const patterns = (isSchemaObject(schema.patternProperties) ? schema.patternProperties : {}) as Record<string, JsonSchema>;
    const atLimit = context.depth >= this.options.maxDepth;
    const model: Record<string, fc.Arbitrary<unknown>> = {};

    const child = (name: string, propertySchema: JsonSchema, isRequired: boolean): void => {
      const childContext: BuildContext = { name, path: [...context.path, name], requiredLike: isRequired, depth: context.depth + 1 };
      try {
        const supplied = this.options.fieldValue?.({ name, path: childContext.path, schema: propertySchema, required: isRequired });
        model[name] = supplied ?? this.valid(propertySchema, childContext);
      } catch (error) {
        if (!(error instanceof NoValueError) || isRequired) throw error;
      }
    };
    for (const [name, propertySchema] of Object.entries(properties)) {
      const isRequired = required.has(name);
      if (propertySchema === false) {
        if (isRequired) throw new NoValueError(`requires the property ${JSON.stringify(name)}, which it forbids`);
        continue;
      }
      if (!isRequired && (atLimit || this.leftOut(propertySchema))) continue;
      child(name, propertySchema, isRequired);
    }
    for (const name of required) {
      if (name in properties) continue;
      const matching = Object.entries(patterns).find(([pattern]) => new RegExp(pattern, 'u').test(name));
      const undeclared = matching ? matching[1] : additional;
      if (undeclared === false) throw new NoValueError(`requires the property ${JSON.stringify(name)}, which it forbids`);
      child(name, undeclared, true);
    }

    const requiredKeys = [...required].filter((name) => name in model);
    const optionalKeys = Object.keys(model).filter((name) => !required.has(name));
    const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    const maxProperties = typeof schema.maxProperties === 'number' ? schema.maxProperties : Infinity;
    if (requiredKeys.length > maxProperties) throw new NoValueError(`requires ${requiredKeys.length} properties but allows at most ${maxProperties}`);

    const openTo = this.undeclaredValues(schema, additional, patterns, context);
    const needsExtra = Math.max(0, minProperties - requiredKeys.length - optionalKeys.length);
    if (needsExtra > 0 && openTo === undefined) {
      throw new NoValueError(`needs ${minProperties} properties but declares fewer and allows no others`);
    }

    let arbitrary: fc.Arbitrary<Record<string, unknown>>;
    if (minProperties <= requiredKeys.length && Object.keys(model).length <= maxProperties) {
      arbitrary = fc.record(model, { requiredKeys, noNullPrototype: true });
    } else {
      const fewest = Math.min(optionalKeys.length, Math.max(0, minProperties - requiredKeys.length));
      const most = Math.min(optionalKeys.length, maxProperties - requiredKeys.length);
      arbitrary = fc.subarray(optionalKeys, { minLength: fewest, maxLength: Math.max(fewest, most) }).chain((chosen) => {
        const picked: Record<string, fc.Arbitrary<unknown>> = {};
        for (const name of Object.keys(model)) if (required.has(name) || chosen.includes(name)) picked[name] = model[name]!;
        return fc.record(picked, { noNullPrototype: true });
      });
      if (needsExtra > 0 && openTo !== undefined) {
        const extras = fc.tuple(...Array.from({ length: needsExtra }, () => openTo));
        arbitrary = fc.tuple(arbitrary, extras).map(([value, extraValues]) => {
          const out = { ...value };
          extraValues.forEach((extra, index) => { out[`extra_${index + 1}`] = extra; });
          return out;
        });
      }
    }
    if (this.options.extraProperties && openTo !== undefined && !atLimit && !Number.isFinite(maxProperties) && Object.keys(patterns).length === 0) {
      arbitrary = fc.tuple(arbitrary, fc.option(openTo, { freq: 8, nil: undefined })).map(([value, extra]) =>
        extra === undefined || 'x_unexpected_field' in value ? value : { ...value, x_unexpected_field: extra },
      );
    }
    return arbitrary;
  }

  /** Values for undeclared properties, or undefined when the object allows none. */
  private undeclaredValues(schema: SchemaObject, additional: JsonSchema, patterns: Record<string, JsonSchema>, context: BuildContext): fc.Arbitrary<unknown> | undefined {
    if (additional === false || schema.unevaluatedProperties === false) return undefined;
    if (Object.keys(patterns).length > 0) return undefined;
    const undeclaredContext: BuildContext = { name: undefined, path: [...context.path, '*'], requiredLike: false, depth: context.depth + 1 };
    try {
      return additional === true ? fc.constantFrom<unknown>('extra', 42, true) : this.valid(additional, undeclaredContext);
    } catch (error) {
      if (error instanceof NoValueError) return undefined;
      throw error;
    }
  }

  /** readOnly properties are not sent in requests, writeOnly ones not in responses (optional ones only). */
  private leftOut(schema: JsonSchema): boolean {
    if (!isSchemaObject(schema)) return false;
    return this.options.direction === 'request' ? schema.readOnly === true : schema.writeOnly === true;
  }
}

const TRUE: SchemaObject = {};

/** The types a plain schema allows: its `type`, else what its keywords suggest, else any. */
export function allowedTypes(schema: SchemaObject): readonly string[] {
  const declared = typeList(schema.type);
  if (declared !== undefined) return declared;
  const hinted: string[] = [];
  if (OBJECT_HINTS.some((key) => schema[key] !== undefined)) hinted.push('object');
  if (ARRAY_HINTS.some((key) => schema[key] !== undefined)) hinted.push('array');
  if (STRING_HINTS.some((key) => schema[key] !== undefined)) hinted.push('string');
  if (NUMBER_HINTS.some((key) => schema[key] !== undefined)) hinted.push('number');
  return hinted.length > 0 ? hinted : ANY_TYPE;
}

function markupOf(schema: SchemaObject, context: BuildContext): 'html' | 'markdown' | undefined {
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (/markdown/i.test(description)) return 'markdown';
  if (/\bhtml\b/i.test(description)) return 'html';
  if (context.name !== undefined && /(^|_)(body|html)(_|$)/i.test(context.name)) return 'html';
  return undefined;
}

function describeString(schema: SchemaObject, min: number, max: number): string {
  const parts = [`length ${min}..${Number.isFinite(max) ? max : '∞'}`];
  if (typeof schema.pattern === 'string') parts.push(`pattern ${JSON.stringify(schema.pattern)}`);
  if (typeof schema.format === 'string') parts.push(`format ${schema.format}`);
  return parts.join(', ');
}

/** `^…$` with no top-level alternation: every match is the whole string. */
function isAnchored(regex: RegExp): boolean {
  const source = regex.source;
  return source.startsWith('^') && source.endsWith('$') && !source.endsWith('\\$') && !/(^|[^\\])\|/.test(source);
}

function allDistinct(values: unknown[]): boolean {
  return new Set(values.map(stableStringify)).size === values.length;
}
