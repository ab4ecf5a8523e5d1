// What makes two list items the same item: the ULID (case does not matter), else the id.

import { isPlainObject } from './excerpt.js';

/** `01hx...` (lower case) or `id:42`; undefined for an item with neither. */
export function itemKey(item: unknown): string | undefined {
  if (!isPlainObject(item)) return undefined;
  if (typeof item.ulid === 'string' && item.ulid !== '') return item.ulid.toLowerCase();
  if (typeof item.id === 'number' || (typeof item.id === 'string' && item.id !== '')) return `id:${String(item.id)}`;
  return undefined;
}

/** A short list of keys for messages: the first `max`, then how many more. */
export function keysText(keys: readonly string[], max = 8): string {
  if (keys.length === 0) return '(none)';
  const shown = keys.slice(0, max).join(', ');
  return keys.length > max ? `${shown} and ${keys.length - max} more` : shown;
}
