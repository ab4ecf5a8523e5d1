// Parameter values to the strings a request carries, following each parameter's `style` and
// `explode` (OpenAPI 3.1 §4.8.12.4), and back again the way a server reads them: query
// `filter[status]=open,waiting` is form with explode false; `filter[x]=1` pairs are deepObject.

import type { ParameterModel } from '../../core/spec/model.js';
import { isPlainObject } from './json.js';

export type QueryEntries = Record<string, string | string[]>;

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function styleOf(parameter: ParameterModel): string {
  return parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
}

function explodeOf(parameter: ParameterModel): boolean {
  return parameter.explode ?? styleOf(parameter) === 'form';
}

const DELIMITERS: Readonly<Record<string, string>> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|', simple: ',' };

/** Query entries of one parameter; a list value means the key repeats. */
export function serialiseQuery(parameter: ParameterModel, value: unknown): QueryEntries {
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  const { name } = parameter;
  if (Array.isArray(value)) {
    const items = value.map(scalar);
    if (explode && style === 'form') return { [name]: items };
    return { [name]: items.join(DELIMITERS[style] ?? ',') };
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (style === 'deepObject') return Object.fromEntries(entries.map(([key, item]) => [`${name}[${key}]`, scalar(item)]));
    if (explode) return Object.fromEntries(entries.map(([key, item]) => [key, scalar(item)]));
    return { [name]: entries.flatMap(([key, item]) => [key, scalar(item)]).join(',') };
  }
  return { [name]: scalar(value) };
}

/** A path or header parameter as text (simple style unless stated), before percent-encoding. */
export function serialiseSimple(parameter: ParameterModel, value: unknown): string {
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  let text: string;
  if (Array.isArray(value)) text = value.map(scalar).join(',');
  else if (isPlainObject(value)) {
    text = Object.entries(value).map(([key, item]) => (explode ? `${key}=${scalar(item)}` : `${key},${scalar(item)}`)).join(',');
  } else text = scalar(value);
  if (parameter.in !== 'path') return text;
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return `;${parameter.name}=${text}`;
  return text;
}

/**
 * The value a server reads from the query for `parameter`, typed by `types` (the JSON types its
 * schema allows) as strictly as core/spec reads headers: "60" is 60, "6O" stays a string.
 */
export function parseQuery(parameter: ParameterModel, query: QueryEntries, types: ReadonlySet<string>, itemTypes: ReadonlySet<string>): unknown {
  const style = styleOf(parameter);
  const { name } = parameter;
  if (style === 'deepObject') {
    const prefix = `${name}[`;
    const entries = Object.entries(query).filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, raw]) => [key.slice(prefix.length, -1), typed(first(raw), itemTypes)]));
  }
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (types.has('array')) {
    const parts = Array.isArray(raw) ? raw : raw === '' ? [] : raw.split(DELIMITERS[style] ?? ',');
    return parts.map((part) => typed(part, itemTypes));
  }
  return typed(first(raw), types);
}

/** A path parameter as the server reads it. */
export function parseSimple(text: string, types: ReadonlySet<string>): unknown {
  return typed(text, types);
}

function first(raw: string | string[]): string {
  return Array.isArray(raw) ? (raw[0] ?? '') : raw;
}

function typed(text: string, types: ReadonlySet<string>): unknown {
  if ((types.has('integer') && /^-?\d+$/.test(text)) || (types.has('number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text))) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.has('null') && text === '') return null;
  return text;
}

/** `filter[status]` → `filter.status`: how Laravel names a query field in `errors`. */
export function laravelName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, '.$1');
}
