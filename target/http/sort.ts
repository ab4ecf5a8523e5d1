// `sort=key` / `sort=-key` → an ORDER BY clause with the id tie-break in the same direction.
// Nulls come first ascending and last descending (SQLite's own order); strings by code point.
import { HttpError } from './errors.js';

export function orderBy(
  value: unknown,
  columns: Record<string, string>,
  fallback: string,
  idColumn: string,
): string {
  const requested = typeof value === 'string' && value !== '' ? value : fallback;
  const descending = requested.startsWith('-');
  const key = descending ? requested.slice(1) : requested;
  const column = columns[key];
  if (column === undefined) {
    throw new HttpError(400, `Requested sort \`${requested}\` is not allowed. Allowed sort(s) are \`${Object.keys(columns).join(', ')}\`.`);
  }
  const direction = descending ? 'DESC' : 'ASC';
  return `ORDER BY ${column} ${direction}, ${idColumn} ${direction}`;
}
