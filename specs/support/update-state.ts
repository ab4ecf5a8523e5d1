// Whether an update is valid for the item it changes. An update leaves out what it does not
// change, so a body valid against the update schema can still leave the item in a state the
// create schema forbids (`trigger_parameters` that do not suit the workflow's stored trigger).
// What must hold is the create schema on the item's fields with the update applied; a case that
// breaks it is still sent and judged, but not as a valid request that must succeed. Each
// successful update changes the state: the item it answers with becomes the state.

import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../../core/spec/model.js';

export interface UpdateState {
  /** Whether the update `body` leaves the item valid (true when the state tells nothing). */
  suits(body: unknown): boolean;
  /** The item as an update answered it: the new state. */
  advance(item: unknown): void;
}

export function updateState(item: Record<string, unknown>, createSchema: JsonSchema, validateCreate: ValidateFunction): UpdateState {
  const fields = propertyNames(createSchema);
  // Undefined when the item's own fields do not pass the create schema: then the state tells nothing.
  let current: Record<string, unknown> | undefined;
  const advance = (next: unknown): void => {
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
    const picked = Object.fromEntries(Object.entries(next).filter(([key]) => fields.has(key)));
    current = validateCreate(picked) ? picked : undefined;
  };
  advance(item);
  return {
    suits: (body) =>
      current === undefined || typeof body !== 'object' || body === null || Array.isArray(body) || validateCreate({ ...current, ...(body as Record<string, unknown>) }),
    advance,
  };
}

function propertyNames(schema: JsonSchema, depth = 0): Set<string> {
  const names = new Set<string>();
  if (typeof schema !== 'object' || schema === null || depth > 4) return names;
  for (const name of Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {})) names.add(name);
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) for (const name of propertyNames(part, depth + 1)) names.add(name);
  return names;
}
