// Header values arrive as strings; their schemas say integer, boolean or array. This reads
// the declared headers of a response into typed values for validation, strictly: "60" becomes
// 60, "6O" stays a string (and fails an integer schema), nothing is defaulted or dropped.

import type { HeaderModel, JsonSchema } from './model.js';

/** Raw headers as Node and fetch give them, names in any case. */
export type RawHeaders = Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Declared headers present in `raw`, keyed by lower-case name, with typed values. */
export function headerValues(raw: RawHeaders, declared: Readonly<Record<string, HeaderModel>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const header = declared[lower];
    if (header === undefined) continue;
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : value.join(', ');
    values[lower] = typedValue(text, header.schema);
  }
  return values;
}

/** A header or query string read as the type its schema asks for, when it is one exactly. */
export function typedValue(text: string, schema: JsonSchema): unknown {
  const types = schemaTypes(schema);
  if ((types.has('integer') && /^-?\d+$/.test(text)) || (types.has('number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text))) {
    return Number(text);
  }
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.has('array') && typeof schema === 'object') {
    const items = (schema.items ?? true) as JsonSchema;
    return text === '' ? [] : text.split(',').map((item) => typedValue(item.trim(), items));
  }
  return text;
}

/** The JSON types a schema allows, looking through `allOf`/`anyOf`/`oneOf` a few levels deep. */
function schemaTypes(schema: JsonSchema, depth = 0): Set<string> {
  const types = new Set<string>();
  if (typeof schema !== 'object' || depth > 3) return types;
  const { type } = schema;
  if (typeof type === 'string') types.add(type);
  if (Array.isArray(type)) for (const entry of type) if (typeof entry === 'string') types.add(entry);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches as JsonSchema[]) for (const entry of schemaTypes(branch, depth + 1)) types.add(entry);
  }
  return types;
}
