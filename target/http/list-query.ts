// Reads the pagination and list values a handler needs from `request.validQuery`.

/** A comma list filter as an array: the contract may declare it as an array or a string. */
export function listValue(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export function pageValues(query: Record<string, unknown>, options: { perPage?: boolean } = {}): {
  page: number;
  perPage: number;
} {
  const page = typeof query.page === 'number' && query.page >= 1 ? query.page : 1;
  const wantsPerPage = options.perPage ?? true;
  const perPage = wantsPerPage && typeof query.per_page === 'number' ? Math.min(100, Math.max(1, query.per_page)) : 25;
  return { page, perPage };
}
