// Builds the schemas of the model: the document's schemas with every `$ref` replaced by what
// it names, so generators read one plain object graph.
//
// - Each schema location is built once and shared: two operations using
//   `#/components/schemas/Ticket` get the same object.
// - A recursive schema becomes a cyclic graph (a node reachable from itself). Walk it with a
//   seen-set or a depth limit, and never hand it to `ajv.compile`: validate with
//   `spec.validators`, which compiles from the document by pointer.
// - `{$ref, description}` (annotations only beside the `$ref`) is the target itself;
//   `{$ref, ...constraints}` becomes `{...constraints, allOf: [target]}`, which is what 2020-12
//   means by a `$ref` with siblings.

import { specErrorAt } from './errors.js';
import type { JsonSchema } from './model.js';
import type { ParsedSpec } from './parse.js';
import { childPointer, valueAtPointer } from './pointer.js';
import { targetOf } from './refs.js';
import { SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SCHEMA_SINGLE_KEYWORDS } from './schema-keywords.js';

type SchemaObject = Record<string, unknown>;

const MAP_KEYWORDS = new Set<string>(SCHEMA_MAP_KEYWORDS);
const SINGLE_KEYWORDS = new Set<string>(SCHEMA_SINGLE_KEYWORDS);
const LIST_KEYWORDS = new Set<string>(SCHEMA_LIST_KEYWORDS);
const ANNOTATIONS = new Set(['title', 'description', 'summary', '$comment', 'example', 'examples']);

export class SchemaDereferencer {
  private readonly built = new Map<string, JsonSchema>();
  /** Pointers whose pure `$ref` chain is being followed, to stop `A → B → A` without a schema in between. */
  private readonly following = new Set<string>();

  constructor(
    private readonly document: unknown,
    private readonly source: ParsedSpec,
  ) {}

  /** The resolved schema found at `pointer` (canonical form), `true` when nothing is there. */
  schemaAt(pointer: string, value: unknown = valueAtPointer(this.document, pointer)): JsonSchema {
    if (value === undefined) return true;
    return this.build(value, pointer);
  }

  private build(node: unknown, pointer: string): JsonSchema {
    if (typeof node === 'boolean') return node;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      throw this.error(pointer, `a schema must be an object or a boolean, found ${Array.isArray(node) ? 'an array' : JSON.stringify(node)}`);
    }
    const existing = this.built.get(pointer);
    if (existing !== undefined) return existing;

    const schema = node as SchemaObject;
    if (typeof schema.$ref === 'string') {
      const siblings = Object.keys(schema).filter((key) => key !== '$ref');
      if (siblings.every((key) => ANNOTATIONS.has(key) || key.startsWith('x-'))) return this.follow(schema.$ref, pointer);
    }

    // Registered before the children are built, so a cycle back to this node finds it.
    const result: SchemaObject = {};
    this.built.set(pointer, result);
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref') continue;
      result[key] = this.keyword(key, value, childPointer(pointer, key));
    }
    if (typeof schema.$ref === 'string') {
      const target = this.follow(schema.$ref, pointer);
      result.allOf = [target, ...((result.allOf as JsonSchema[] | undefined) ?? [])];
    }
    return result;
  }

  private follow(ref: string, holder: string): JsonSchema {
    if (this.following.has(holder)) {
      throw this.error(childPointer(holder, '$ref'), `$ref ${JSON.stringify(ref)} is part of a circular chain of references with no schema in it`);
    }
    this.following.add(holder);
    try {
      const target = targetOf(this.document, ref, holder, this.source);
      const schema = this.build(target.value, target.pointer);
      this.built.set(holder, schema);
      return schema;
    } finally {
      this.following.delete(holder);
    }
  }

  private keyword(key: string, value: unknown, pointer: string): unknown {
    if (MAP_KEYWORDS.has(key) && isPlainObject(value)) {
      const map: SchemaObject = {};
      for (const [name, subschema] of Object.entries(value)) {
        // draft-7 `dependencies` mixes schemas with lists of property names.
        map[name] = Array.isArray(subschema) ? subschema : this.build(subschema, childPointer(pointer, name));
      }
      return map;
    }
    if ((SINGLE_KEYWORDS.has(key) || LIST_KEYWORDS.has(key)) && Array.isArray(value)) {
      return value.map((subschema, index) => this.build(subschema, childPointer(pointer, index)));
    }
    if (SINGLE_KEYWORDS.has(key)) return this.build(value, pointer);
    return value;
  }

  private error(pointer: string, reason: string): Error {
    return specErrorAt(this.source, pointer, reason);
  }
}

function isPlainObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
