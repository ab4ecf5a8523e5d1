// Local `$ref`s: checked all at once when a document loads (so a broken one anywhere is one
// clear error, not a surprise later), and followed for OpenAPI objects (parameters,
// responses, request bodies, headers, path items). Schema `$ref`s are followed by
// dereference-schema.ts for the model and by ajv itself for validation.

import { specErrorAt } from './errors.js';
import type { ParsedSpec } from './parse.js';
import { canonicalPointer, childPointer, valueAtPointer } from './pointer.js';
import { walkDocument } from './walk.js';

/** What a `$ref` leads to, and where that is. */
export interface Resolved<T = unknown> {
  value: T;
  /** Canonical JSON pointer of `value` in the document. */
  pointer: string;
}

/** Throws a SpecError for the first remote, non-pointer or broken `$ref` of the document. */
export function checkReferences(document: unknown, source: ParsedSpec): void {
  walkDocument(document, {
    reference(ref, holder) {
      targetOf(document, ref, holder, source);
    },
  });
}

/**
 * Follows a Reference Object (and chains of them) to the object it names. A `summary` or
 * `description` beside the `$ref` overrides the target's, as OpenAPI 3.1 says.
 */
export function resolveReference(document: unknown, value: unknown, pointer: string, source: ParsedSpec): Resolved {
  const visited = new Set<string>();
  const overrides: Record<string, unknown> = {};
  while (isReference(value)) {
    if (visited.has(pointer)) {
      throw specErrorAt(source, childPointer(pointer, '$ref'), `$ref ${JSON.stringify(value.$ref)} is part of a circular chain of references`);
    }
    visited.add(pointer);
    for (const key of ['summary', 'description']) {
      if (typeof value[key] === 'string' && !(key in overrides)) overrides[key] = value[key];
    }
    const target = targetOf(document, value.$ref, pointer, source);
    value = target.value;
    pointer = target.pointer;
  }
  if (Object.keys(overrides).length > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    value = { ...value, ...overrides };
  }
  return { value, pointer };
}

/** The target of one `$ref` found in the object at `holder`. */
export function targetOf(document: unknown, ref: string, holder: string, source: ParsedSpec): Resolved {
  const at = childPointer(holder, '$ref');
  if (!ref.startsWith('#')) {
    throw specErrorAt(source, at, `$ref ${JSON.stringify(ref)} points into another document: remote references are not supported, only local ones (#/...)`);
  }
  const pointer = canonicalPointer(ref);
  if (pointer === undefined) {
    throw specErrorAt(source, at, `$ref ${JSON.stringify(ref)} is not a JSON pointer: only references of the form #/... are supported`);
  }
  const value = valueAtPointer(document, pointer);
  if (value === undefined) {
    throw specErrorAt(source, at, `broken $ref ${JSON.stringify(ref)}: the document has nothing at ${pointer}`);
  }
  return { value, pointer };
}

function isReference(value: unknown): value is { $ref: string; [key: string]: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

