// Ajv errors → Laravel-style 422 `errors`: one dotted key per invalid field
// (`/from_contact/email` → `from_contact.email`, a missing property → its own path,
// query `filter[status]` → `filter.status`), each with a readable message.
import type { ErrorObject } from 'ajv';

function label(field: string): string {
  return field.replace(/_/g, ' ');
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describe(error: ErrorObject, field: string): string {
  const name = label(field);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `The ${name} field is required.`;
    case 'minLength':
      return isBlank(error.data)
        ? `The ${name} field is required.`
        : `The ${name} field must be at least ${String(params.limit)} characters.`;
    case 'maxLength':
      return `The ${name} field must not be greater than ${String(params.limit)} characters.`;
    case 'type': {
      const type = String(params.type);
      if (error.data === null) return `The ${name} field is required.`;
      if (type.includes('integer')) return `The ${name} field must be an integer.`;
      if (type.includes('number')) return `The ${name} field must be a number.`;
      if (type.includes('boolean')) return `The ${name} field must be true or false.`;
      if (type.includes('array')) return `The ${name} field must be an array.`;
      if (type.includes('object')) return `The ${name} field must be an object.`;
      return `The ${name} field must be a string.`;
    }
    case 'enum':
    case 'const':
      return `The selected ${name} is invalid.`;
    case 'format': {
      const format = String(params.format);
      if (format === 'email') return `The ${name} field must be a valid email address.`;
      if (format.startsWith('date')) return `The ${name} field must be a valid date.`;
      if (format.startsWith('uri')) return `The ${name} field must be a valid URL.`;
      return `The ${name} field format is invalid.`;
    }
    case 'pattern':
      return isBlank(error.data) ? `The ${name} field is required.` : `The ${name} field format is invalid.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `The ${name} field must be at least ${String(params.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `The ${name} field must not be greater than ${String(params.limit)}.`;
    case 'minItems':
      return `The ${name} field must have at least ${String(params.limit)} items.`;
    case 'maxItems':
      return `The ${name} field must not have more than ${String(params.limit)} items.`;
    default:
      return `The ${name} field is invalid.`;
  }
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface FieldKeyOptions {
  /** Query parameters: `filter[x]` becomes `filter.x`. */
  query?: boolean;
  /** Fault `validation-keys-json-pointer`. */
  pointerKeys?: boolean;
}

/** The dotted field key of an error; query parameter names `filter[x]` become `filter.x`. */
export function fieldOf(error: ErrorObject, options: FieldKeyOptions = {}): string {
  const segments = error.instancePath.split('/').slice(1).map(decodeSegment);
  if (error.keyword === 'required') {
    segments.push(String((error.params as { missingProperty: string }).missingProperty));
  }
  // Fault `validation-keys-json-pointer`: the key is the pointer, not the dotted field name.
  if (options.pointerKeys) return `/${segments.join('/')}`;
  if (options.query) {
    // A query parameter is one field: `filter[status]=open,bogus` reports `filter.status`.
    const name = segments[0] ?? 'query';
    return name.replace(/\[([^\]]*)\]/g, '.$1');
  }
  return segments.join('.') || 'body';
}

/** Groups Ajv errors by field: first message of each field, fields in error order. */
export function toFieldErrors(
  errors: readonly ErrorObject[],
  options: FieldKeyOptions = {},
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Ajv also reports anyOf/oneOf and failed if/then summaries; the inner errors say more.
  const useful = errors.filter((error) => !['anyOf', 'oneOf', 'if'].includes(error.keyword));
  for (const error of useful.length > 0 ? useful : errors) {
    const field = fieldOf(error, options);
    if (out[field] !== undefined) continue;
    out[field] = [describe(error, field)];
  }
  return out;
}
