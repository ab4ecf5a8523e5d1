// Which response field shows each field a write request sent, and whether it shows it. By
// default a field reads back under its own name, `x_ulid` as `x.ulid` and `x_ulids` as the set
// `xs[].ulid`; the request schema's `x-read-back` map (keyed by dotted request path) names the
// exceptions: `false` for a field no representation shows as sent, `{ as, compare }` for one
// shown elsewhere or transformed (`compare: case-insensitive` for emails stored lowercase).
// ULIDs compare ignoring case everywhere: the contract accepts either case.

import type { Exchange } from '../../exchange.js';
import type { OperationModel } from '../../spec/model.js';
import { isPlainObject } from './excerpt.js';
import { valueAt, valuesAt } from './field-path.js';

export type ReadBackComparison = 'equal' | 'case-insensitive';

export interface ReadBackField {
  /** Dotted path in the request body: `from_contact.email`. */
  path: string;
  sent: unknown;
  /** Path in the representation: `contact.email`, `tags[].ulid`. */
  as: string;
  compare: ReadBackComparison;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** The JSON body a write sent, or undefined when it sent none (or not JSON). */
export function sentBody(exchange: Exchange): Record<string, unknown> | undefined {
  const text = exchange.request.body;
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The request schema's read-back rules: `x-read-back` of the JSON request body schema. */
function readBackRules(operation: OperationModel | undefined): Record<string, unknown> {
  const schema = operation?.requestBody?.content['application/json']?.schema;
  const rules = isPlainObject(schema) ? schema['x-read-back'] : undefined;
  return isPlainObject(rules) ? rules : {};
}

/** Every field `body` sent that a representation must show, with where and how. */
export function readBackFields(operation: OperationModel | undefined, body: Record<string, unknown>): ReadBackField[] {
  const rules = readBackRules(operation);
  const fields: ReadBackField[] = [];
  const visit = (value: Record<string, unknown>, prefix: string): void => {
    for (const [name, sent] of Object.entries(value)) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const rule = rules[path];
      if (rule === false) continue;
      if (isPlainObject(rule)) {
        fields.push({
          path,
          sent,
          as: typeof rule.as === 'string' ? rule.as : defaultPath(path),
          compare: rule.compare === 'case-insensitive' ? 'case-insensitive' : 'equal',
        });
        continue;
      }
      if (isPlainObject(sent) && Object.keys(rules).some((key) => key.startsWith(`${path}.`))) {
        visit(sent, path);
        continue;
      }
      fields.push({ path, sent, as: defaultPath(path), compare: 'equal' });
    }
  };
  visit(body, '');
  return fields;
}

/** The writable top-level fields of an operation's request body (for "left alone" checks). */
export function writableFields(operation: OperationModel | undefined): ReadBackField[] {
  const schema = operation?.requestBody?.content['application/json']?.schema;
  const properties = isPlainObject(schema) && isPlainObject(schema.properties) ? Object.keys(schema.properties) : [];
  const rules = readBackRules(operation);
  return properties
    .filter((name) => rules[name] !== false && !Object.keys(rules).some((key) => key.startsWith(`${name}.`)))
    .map((name) => {
      const rule = rules[name];
      return {
        path: name,
        sent: undefined,
        as: isPlainObject(rule) && typeof rule.as === 'string' ? rule.as : defaultPath(name),
        compare: isPlainObject(rule) && rule.compare === 'case-insensitive' ? 'case-insensitive' : 'equal',
      };
    });
}

function defaultPath(path: string): string {
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  const plural = /^(.+)_ulids$/.exec(last);
  if (plural !== null) return [...parts, `${plural[1]}s[]`, 'ulid'].join('.');
  const single = /^(.+)_ulid$/.exec(last);
  if (single !== null) return [...parts, single[1], 'ulid'].join('.');
  return [...parts, last].join('.');
}

/**
 * What `representation` shows for the field: the value, or `absent` when the representation
 * does not carry the field at all (list items may leave fields out).
 */
export function shownValue(field: Pick<ReadBackField, 'as' | 'sent'>, representation: unknown): { value: unknown } | 'absent' {
  if (field.as.includes('[]')) {
    const holder = field.as.slice(0, field.as.indexOf('[]'));
    if (valueAt(representation, holder) === undefined) return 'absent';
    return { value: valuesAt(representation, field.as) };
  }
  const values = valuesAt(representation, field.as);
  if (values.length > 0) return { value: values[0] };
  // `x.ulid` of a null `x`: the field reads back as null.
  const parent = field.as.includes('.') ? field.as.slice(0, field.as.lastIndexOf('.')) : undefined;
  if (parent !== undefined && valueAt(representation, parent) === null) return { value: null };
  return 'absent';
}

/** Whether `shown` shows `field.sent`: objects as supersets, arrays in order (sets for `[]` paths). */
export function showsSent(field: ReadBackField, shown: unknown): boolean {
  if (field.as.includes('[]')) {
    if (!Array.isArray(field.sent) || !Array.isArray(shown)) return false;
    const fold = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value));
    const left = new Set(field.sent.map(fold));
    const right = new Set(shown.map(fold));
    return left.size === right.size && [...left].every((value) => right.has(value));
  }
  return covers(field.sent, shown, field.compare === 'case-insensitive');
}

/** Deep "sent ⊆ shown": every member sent is shown equal; extra members of objects are fine. */
export function covers(sent: unknown, shown: unknown, ignoreCase: boolean): boolean {
  if (sent === null || typeof sent !== 'object') {
    if (typeof sent === 'string' && typeof shown === 'string') {
      if (sent === shown) return true;
      if (ignoreCase || (ULID.test(sent) && ULID.test(shown))) return sent.toLowerCase() === shown.toLowerCase();
      return false;
    }
    return sent === shown;
  }
  if (Array.isArray(sent)) {
    return Array.isArray(shown) && shown.length === sent.length && sent.every((item, index) => covers(item, shown[index], ignoreCase));
  }
  if (!isPlainObject(shown)) return false;
  return Object.entries(sent as Record<string, unknown>).every(([key, value]) => covers(value, shown[key], ignoreCase));
}

/** Deep equality of two JSON values (ULIDs ignoring case). */
export function sameJson(a: unknown, b: unknown): boolean {
  return covers(a, b, false) && covers(b, a, false);
}

export function shortJson(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
