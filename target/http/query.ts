// Turns the raw query string values into typed values per the declared parameter schema, the
// way the contract says: comma lists → arrays (empty items dropped), `true|false|1|0` →
// booleans, integers parsed. A value that does not parse stays a string so validation fails.
import type { QueryParameter } from './contract.js';

function typesOf(schema: Record<string, unknown>): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  for (const key of ['anyOf', 'oneOf']) {
    const options = schema[key];
    if (Array.isArray(options)) {
      return options.flatMap((option) =>
        typeof option === 'object' && option !== null ? typesOf(option as Record<string, unknown>) : [],
      );
    }
  }
  return [];
}

function scalar(raw: string, types: string[]): unknown {
  if (types.includes('boolean')) {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
  }
  if (types.includes('integer') && /^[+-]?\d+$/.test(raw)) return Number(raw);
  if (types.includes('number') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

export function deserialiseQuery(
  raw: Record<string, string | string[] | undefined>,
  declared: readonly QueryParameter[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const parameter of declared) {
    const value = raw[parameter.name];
    if (value === undefined) continue;
    const types = typesOf(parameter.schema);
    if (types.includes('array')) {
      const itemSchema = parameter.schema.items;
      const itemTypes = typeof itemSchema === 'object' && itemSchema !== null
        ? typesOf(itemSchema as Record<string, unknown>)
        : [];
      const joined = Array.isArray(value) ? value.join(',') : value;
      out[parameter.name] = joined
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => scalar(item, itemTypes));
    } else if (Array.isArray(value)) {
      out[parameter.name] = value.map((item) => scalar(item, types));
    } else {
      out[parameter.name] = scalar(value, types);
    }
  }
  return out;
}
