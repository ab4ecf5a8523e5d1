// Short, printable samples of what a target sent, for `actual` lines of findings.

/** The first `max` characters of `text`, JSON-quoted so control characters stay visible. */
export function excerpt(text: string, max = 160): string {
  if (text === '') return '(empty body)';
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

/** A short human name of a JSON value's shape: `an object`, `an array`, `null`, `the string "x"`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${excerpt(value, 60)}`;
  return `the ${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON kind of a value in words (`an object`, `an array`, `null`, `a string`): stable for dedup keys. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'absent';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
