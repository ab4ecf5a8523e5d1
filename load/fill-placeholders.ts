// `{name}` placeholders in paths, query values and JSON bodies. Path and query values are
// URL-encoded; body strings are not.
export type Lookup = (name: string) => string | undefined;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

export function fillText(text: string, lookup: Lookup, encode = false): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup(name);
    if (value === undefined) return whole;
    return encode ? encodeURIComponent(value) : value;
  });
}

export function fillJson(value: unknown, lookup: Lookup): unknown {
  if (typeof value === 'string') return fillText(value, lookup);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, lookup));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillJson(item, lookup)]));
  }
  return value;
}
