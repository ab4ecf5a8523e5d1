// Small helpers over JSON values and schema nodes, shared by the builders.

import type { JsonSchema } from '../../core/spec/model.js';

export type SchemaObject = { [keyword: string]: unknown };

export function isSchemaObject(schema: unknown): schema is SchemaObject {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `true` → `{}`; objects as they are. `false` stays `false`. */
export function asSchemaObject(schema: JsonSchema): SchemaObject | false {
  if (schema === true) return {};
  if (schema === false) return false;
  return schema;
}

/** The JSON type of a value, with integers told apart from other numbers. */
export function jsonType(value: unknown): 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

/** JSON text with object keys sorted, so equal values (in JSON Schema's sense) give equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return a === b || stableStringify(a) === stableStringify(b);
}
