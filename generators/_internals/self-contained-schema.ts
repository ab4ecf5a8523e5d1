// ajv compiles trees, but the spec model hands out graphs: a recursive schema is a node
// reachable from itself, and a leftover `$ref` names a node elsewhere in the document. This
// rewrites such a schema into one tree whose repeated parts live in `$defs`, so it compiles.

import type { JsonSchema } from '../../core/spec/model.js';
import { isSchemaObject, type SchemaObject } from './json.js';
import { NoValueError } from './no-value-error.js';
import { LIST_KEYWORDS, MAP_KEYWORDS, SINGLE_KEYWORDS } from './schema-keywords.js';

/** Keywords dropped from the copy: they would make ajv look elsewhere or clash between schemas. */
const DROPPED = new Set(['$id', '$schema', '$anchor', '$dynamicAnchor', '$defs', 'definitions']);

export function selfContainedSchema(root: JsonSchema, resolveRef?: (ref: string) => JsonSchema): JsonSchema {
  if (!isSchemaObject(root)) return root;
  const resolved = new Map<string, JsonSchema>();
  const follow = (ref: string): JsonSchema => {
    let target = resolved.get(ref);
    if (target === undefined) {
      if (resolveRef === undefined) throw new NoValueError(`has a $ref ${JSON.stringify(ref)} and no resolveRef option to follow it`);
      target = resolveRef(ref);
      resolved.set(ref, target);
    }
    return target;
  };

  // Pass 1: nodes met again while still being walked are cycle heads and get a `$defs` entry.
  const heads = new Set<SchemaObject>();
  const onStack = new Set<SchemaObject>();
  const done = new Set<SchemaObject>();
  const visit = (node: JsonSchema): void => {
    if (!isSchemaObject(node)) return;
    if (onStack.has(node)) {
      heads.add(node);
      return;
    }
    if (done.has(node)) return;
    onStack.add(node);
    for (const child of children(node, follow)) visit(child);
    onStack.delete(node);
    done.add(node);
  };
  visit(root);
  if (heads.size === 0 && !hasRef(root, new Set())) return root;

  const names = new Map<SchemaObject, string>();
  for (const head of heads) names.set(head, head === root ? '#' : `#/$defs/n${names.size}`);
  const defs: Record<string, JsonSchema> = {};
  const copies = new Map<SchemaObject, SchemaObject>();

  const copy = (node: JsonSchema, asDefinition = false): JsonSchema => {
    if (!isSchemaObject(node)) return node;
    const name = names.get(node);
    if (name !== undefined && !asDefinition) return { $ref: name };
    const cached = copies.get(node);
    if (cached !== undefined) return cached;
    const out: SchemaObject = {};
    copies.set(node, out);
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key)) continue;
      if (key === '$ref' && typeof value === 'string') {
        const target = follow(value);
        out.allOf = [...((out.allOf as JsonSchema[] | undefined) ?? []), copy(target)];
        continue;
      }
      out[key] = copyKeyword(key, value, copy);
    }
    return out;
  };
  const result = copy(root, true) as SchemaObject;
  for (const [node, name] of names) {
    if (name === '#') continue;
    defs[name.slice('#/$defs/'.length)] = copy(node, true);
  }
  return Object.keys(defs).length === 0 ? result : { ...result, $defs: defs };
}

function copyKeyword(key: string, value: unknown, copy: (node: JsonSchema) => JsonSchema): unknown {
  if (MAP_KEYWORDS.has(key) && isSchemaObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, copy(sub as JsonSchema)]));
  }
  if (LIST_KEYWORDS.has(key) && Array.isArray(value)) return value.map((sub) => copy(sub as JsonSchema));
  if (SINGLE_KEYWORDS.has(key) && (isSchemaObject(value) || typeof value === 'boolean')) return copy(value as JsonSchema);
  return value;
}

/** The subschemas of a node, with a `$ref` followed. */
export function children(node: SchemaObject, follow?: (ref: string) => JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && follow) out.push(follow(value));
    else if (MAP_KEYWORDS.has(key) && isSchemaObject(value)) out.push(...(Object.values(value) as JsonSchema[]));
    else if (LIST_KEYWORDS.has(key) && Array.isArray(value)) out.push(...(value as JsonSchema[]));
    else if (SINGLE_KEYWORDS.has(key) && (isSchemaObject(value) || typeof value === 'boolean')) out.push(value as JsonSchema);
  }
  return out;
}

function hasRef(node: JsonSchema, seen: Set<SchemaObject>): boolean {
  if (!isSchemaObject(node) || seen.has(node)) return false;
  seen.add(node);
  if (typeof node.$ref === 'string') return true;
  if (Object.keys(node).some((key) => DROPPED.has(key))) return true;
  return children(node).some((child) => hasRef(child, seen));
}
