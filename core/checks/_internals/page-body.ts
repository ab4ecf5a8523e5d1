// The parts of a list answer the semantic checks read: `data`, and for a page `meta` and `links`.

import type { Exchange } from '../../exchange.js';
import { isPlainObject } from './excerpt.js';

export interface ListBody {
  data: unknown[];
  meta?: Record<string, unknown>;
  links?: Record<string, unknown>;
}

/** The body of a 2xx list answer, or undefined when it is not one (other checks report why). */
export function listBody(exchange: Exchange | undefined): ListBody | undefined {
  const response = exchange?.response;
  if (response === undefined || response.status < 200 || response.status >= 300) return undefined;
  if (response.json.kind !== 'json' || !isPlainObject(response.json.value)) return undefined;
  const { data, meta, links } = response.json.value;
  if (!Array.isArray(data)) return undefined;
  return {
    data,
    ...(isPlainObject(meta) ? { meta } : {}),
    ...(isPlainObject(links) ? { links } : {}),
  };
}

/** An integer member of `meta`, or undefined. */
export function metaInt(body: ListBody, key: string): number | undefined {
  const value = body.meta?.[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** `data` of a 2xx single-resource answer, or undefined. */
export function resourceData(exchange: Exchange | undefined): Record<string, unknown> | undefined {
  const response = exchange?.response;
  if (response === undefined || response.status < 200 || response.status >= 300) return undefined;
  if (response.json.kind !== 'json' || !isPlainObject(response.json.value)) return undefined;
  const { data } = response.json.value;
  return isPlainObject(data) ? data : undefined;
}
