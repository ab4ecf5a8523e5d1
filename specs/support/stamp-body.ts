// Marks a generated body with the run id before it is sent, so everything the run creates can
// be recognised on a shared target, and unique fields cannot collide with existing data (a
// contract may rightly refuse a second tag of the same name, or a second contact of the same
// email, and a valid request must not fail for that). The first of `subject`, `name`, `title`
// gets a `[label] ` prefix; every email gets `+label` in its local part. Only values still valid
// against the request schema are kept: a stamp never turns a valid body into an invalid one.

import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../../core/spec/model.js';

const LABEL_FIELDS = ['subject', 'name', 'title'];

/** `body` with the label applied where it fits, or `body` itself when nothing fits. */
export function stampBody(body: unknown, schema: JsonSchema, label: string, validate?: ValidateFunction): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  // Both marks, else either one: a body that keeps no mark cannot be told apart from others' data.
  for (const marks of [{ label: true, emails: true }, { label: false, emails: true }, { label: true, emails: false }]) {
    const stamped = mark(body as Record<string, unknown>, schema, label, marks);
    if (stamped !== undefined && (validate === undefined || validate(stamped))) return stamped;
  }
  return body;
}

function mark(body: Record<string, unknown>, schema: JsonSchema, label: string, marks: { label: boolean; emails: boolean }): Record<string, unknown> | undefined {
  const stamped = structuredClone(body);
  const before = JSON.stringify(stamped);
  const field = marks.label ? LABEL_FIELDS.find((name) => typeof stamped[name] === 'string') : undefined;
  if (field !== undefined) stamped[field] = truncate(`[${label}] ${stamped[field] as string}`, maxLength(propertySchema(schema, field)));
  if (marks.emails) stampEmails(stamped, schema, label.replace(/[^A-Za-z0-9-]/g, '-'));
  return JSON.stringify(stamped) === before ? undefined : stamped;
}

function stampEmails(value: unknown, schema: JsonSchema, tag: string, depth = 0): unknown {
  if (depth > 6 || typeof schema !== 'object' || schema === null) return value;
  if (typeof value === 'string') return schema.format === 'email' ? tagEmail(value, tag, maxLength(schema)) : value;
  if (Array.isArray(value)) {
    const items = (schema.items ?? {}) as JsonSchema;
    value.forEach((item, index) => (value[index] = stampEmails(item, items, tag, depth + 1)));
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = propertySchema(schema, key);
      if (child !== undefined) record[key] = stampEmails(record[key], child, tag, depth + 1);
    }
  }
  return value;
}

/** `local+tag@domain`; a long local part is cut to make room, so the tag is always there. */
function tagEmail(email: string, tag: string, max: number | undefined): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  const domain = email.slice(at);
  const room = max === undefined ? at : Math.min(at, max - domain.length - tag.length - 1);
  if (room < 1) return email;
  const local = email.slice(0, room).replace(/\.+$/, '');
  return `${local === '' ? 'x' : local}+${tag}${domain}`;
}

/** The schema of a property, through `allOf` parts. */
function propertySchema(schema: JsonSchema, name: string): JsonSchema | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.[name] !== undefined) return properties[name];
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) {
    const found = propertySchema(part, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function maxLength(schema: JsonSchema | undefined): number | undefined {
  return typeof schema === 'object' && schema !== null && typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
}

/** Cuts to `max` code points (not UTF-16 units: an emoji must not be split). */
function truncate(text: string, max: number | undefined): string {
  if (max === undefined) return text;
  const points = [...text];
  return points.length > max ? points.slice(0, max).join('') : text;
}
