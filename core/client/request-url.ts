// The absolute URL of a request: the profile's base URL, the filled path, the query pairs.

/** Query as pairs (order kept, repeats allowed) or a record (arrays repeat the key). */
export type QueryInput =
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number | boolean>>>;

export function queryPairs(query: QueryInput | undefined): Array<[string, string]> {
  if (query === undefined) return [];
  if (Array.isArray(query)) return (query as ReadonlyArray<readonly [string, string]>).map(([key, value]) => [key, value]);
  return Object.entries(query as Record<string, unknown>).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, String(item)]),
  );
}

export function requestUrl(baseUrl: string, path: string, query: ReadonlyArray<readonly [string, string]>): string {
  const base = baseUrl.replace(/\/+$/, '');
  const relative = path.startsWith('/') ? path : `/${path}`;
  const search = query.map(([key, value]) => `${encodeKey(key)}=${encodeValue(value)}`).join('&');
  if (search === '') return base + relative;
  return `${base}${relative}${relative.includes('?') ? '&' : '?'}${search}`;
}

// Brackets in keys and commas in values stay readable (`filter[status]=open,waiting`); servers
// decode both spellings alike.
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}
