// Query parameters compared as decoded pairs, never as raw strings: `filter%5Bstatus%5D=a%2Cb`
// and `filter[status]=a,b` are the same request, and an encoding difference is not a bug.

export type QueryPairs = Array<[string, string]>;

/** The decoded query pairs of an absolute URL, or undefined when `link` is not one. */
export function absoluteUrl(link: unknown): URL | undefined {
  if (typeof link !== 'string') return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function pairsOf(url: URL): QueryPairs {
  return [...url.searchParams.entries()];
}

export function without(pairs: readonly (readonly [string, string])[], ...keys: string[]): QueryPairs {
  return pairs.filter(([key]) => !keys.includes(key)).map(([key, value]) => [key, value]);
}

/** The value of `key` (the last one when repeated). */
export function valueOf(pairs: readonly (readonly [string, string])[], key: string): string | undefined {
  let found: string | undefined;
  for (const [name, value] of pairs) if (name === key) found = value;
  return found;
}

/** What `actual` lacks of `expected` and holds beyond it, as multisets of pairs. */
export function pairDifference(
  expected: readonly (readonly [string, string])[],
  actual: readonly (readonly [string, string])[],
): { missing: QueryPairs; extra: QueryPairs } {
  const left = actual.map(([key, value]) => `${key}=${value}`);
  const missing: QueryPairs = [];
  for (const [key, value] of expected) {
    const at = left.indexOf(`${key}=${value}`);
    if (at === -1) missing.push([key, value]);
    else left.splice(at, 1);
  }
  const extra = left.map((text): [string, string] => {
    const cut = text.indexOf('=');
    return [text.slice(0, cut), text.slice(cut + 1)];
  });
  return { missing, extra };
}

export function pairsText(pairs: readonly (readonly [string, string])[]): string {
  return pairs.length === 0 ? '(none)' : pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

/** The pairs as a canonical string, for comparing the filters of two requests. */
export function canonicalPairs(pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&');
}
