// Which envelope a response schema describes, read from the schema itself rather than from a
// list of paths: `{data: object}` single, `{data: array}` collection, and `{data: array, meta,
// links}` paginated. Schemas come resolved (possibly cyclic); `allOf` parts are merged.

import type { JsonSchema } from '../../spec/model.js';
import { isPlainObject } from './excerpt.js';

export type EnvelopeKind = 'single' | 'collection' | 'paginated';

export interface EnvelopeShape {
  kind: EnvelopeKind;
  /** `data` may be null (a nullable single resource). */
  dataNullable: boolean;
  /** Top-level keys the schema declares. */
  keys: string[];
  /** Top-level keys the schema requires. */
  required: string[];
  /** Whether keys beyond `keys` are allowed at the top level. */
  openTopLevel: boolean;
  /** Keys the `meta` and `links` schemas require (paginated only). */
  metaKeys: string[];
  linkKeys: string[];
}

/** The envelope of `schema`, or undefined when it is not a `data` envelope. */
export function envelopeShape(schema: JsonSchema): EnvelopeShape | undefined {
  const top = flatten(schema);
  const data = top.properties.data;
  if (data === undefined) return undefined;
  const dataTypes = typesOf(data);
  const isArray = dataTypes.has('array');
  const isObject = dataTypes.has('object');
  if (isArray === isObject) return undefined; // both or neither: not a shape we can judge
  const paginated = isArray && top.properties.meta !== undefined && top.properties.links !== undefined;
  return {
    kind: paginated ? 'paginated' : isArray ? 'collection' : 'single',
    dataNullable: dataTypes.has('null'),
    keys: Object.keys(top.properties),
    required: [...top.required],
    openTopLevel: top.open,
    metaKeys: paginated ? [...flatten(top.properties.meta ?? true).required] : [],
    linkKeys: paginated ? [...flatten(top.properties.links ?? true).required] : [],
  };
}

interface FlatObject {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
  open: boolean;
}

function flatten(schema: JsonSchema, depth = 0): FlatObject {
  const flat: FlatObject = { properties: {}, required: new Set(), open: true };
  if (!isPlainObject(schema) || depth > 8) return flat;
  if (isPlainObject(schema.properties)) Object.assign(flat.properties, schema.properties);
  if (Array.isArray(schema.required)) for (const key of schema.required) if (typeof key === 'string') flat.required.add(key);
  if (schema.additionalProperties === false || schema.unevaluatedProperties === false) flat.open = false;
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf as JsonSchema[]) {
      const inner = flatten(part, depth + 1);
      Object.assign(flat.properties, inner.properties);
      for (const key of inner.required) flat.required.add(key);
      if (!inner.open) flat.open = false;
    }
  }
  return flat;
}

/** JSON types a schema admits, from `type`, `const`/`enum`, and `allOf`/`oneOf`/`anyOf` parts. */
function typesOf(schema: JsonSchema, depth = 0): Set<string> {
  const types = new Set<string>();
  if (!isPlainObject(schema) || depth > 8) return types;
  const declared = schema.type;
  if (typeof declared === 'string') types.add(declared);
  if (Array.isArray(declared)) for (const type of declared) if (typeof type === 'string') types.add(type);
  if (types.size === 0) {
    if (schema.items !== undefined || schema.prefixItems !== undefined) types.add('array');
    if (schema.properties !== undefined) types.add('object');
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[keyword];
    if (Array.isArray(parts)) for (const part of parts as JsonSchema[]) for (const type of typesOf(part, depth + 1)) types.add(type);
  }
  return types;
}
