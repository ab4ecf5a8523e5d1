// Fault `plus-email-rejected`: a hand-rolled email rule (`^[\w.-]+@...`) that refuses a `+` in the
// local part, which the contract's `format: email` allows. Returns 422 errors per email field.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LOCAL_PART = /^[\w.-]+@/;

function looksLikeEmail(value: unknown): value is string {
  return typeof value === 'string' && value.includes('@');
}

export function plusEmailErrors(body: unknown, prefix = ''): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!isObject(body)) return errors;
  for (const [key, value] of Object.entries(body)) {
    const field = `${prefix}${key}`;
    if (isObject(value)) Object.assign(errors, plusEmailErrors(value, `${field}.`));
    const items = Array.isArray(value) ? value.map((item, index) => [`${field}.${index}`, item] as const) : [[field, value] as const];
    for (const [name, item] of items) {
      if (looksLikeEmail(item) && /email|recipients/.test(key) && !LOCAL_PART.test(item)) {
        errors[name] = [`The ${name.replace(/_/g, ' ')} field must be a valid email address.`];
      }
    }
  }
  return errors;
}
