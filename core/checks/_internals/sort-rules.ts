// What a sort parameter means, read from its `x-sort` extension in the contract: which item
// field each key orders by and how values compare, the default, the tie-break (same direction)
// and where nulls go. Strings compare by code point, timestamps by the instant they name.

import type { OperationModel } from '../../spec/model.js';
import { isPlainObject } from './excerpt.js';
import { valueAt } from './field-path.js';

export type Comparison = 'instant' | 'code-point' | 'number';

export interface SortField {
  field: string;
  compare: Comparison;
}

export interface SortRules {
  /** The query parameter, `sort`. */
  param: string;
  keys: Record<string, SortField>;
  /** The sort applied without the parameter, e.g. `-updated_at`. */
  default?: string;
  tieBreak?: SortField;
  /** Nulls come first in ascending order (and so last in descending). */
  nullsFirst: boolean;
}

export interface EffectiveSort {
  /** As written: `-updated_at`. */
  value: string;
  key: string;
  descending: boolean;
  field: SortField;
}

const COMPARISONS: readonly Comparison[] = ['instant', 'code-point', 'number'];

export function sortRulesOf(operation: OperationModel): SortRules | undefined {
  for (const parameter of operation.parameters) {
    const raw = parameter.in === 'query' ? parameter.extensions?.['x-sort'] : undefined;
    if (raw === undefined) continue;
    const where = `x-sort of ${parameter.name} on ${operation.key}`;
    if (!isPlainObject(raw) || !isPlainObject(raw.keys)) throw new Error(`${where} has no keys.`);
    const keys: Record<string, SortField> = {};
    for (const [key, field] of Object.entries(raw.keys)) keys[key] = readField(field, `${where}, key ${key}`);
    return {
      param: parameter.name,
      keys,
      ...(typeof raw.default === 'string' ? { default: raw.default } : {}),
      ...(raw.tieBreak === undefined ? {} : { tieBreak: readField(raw.tieBreak, `${where}, tieBreak`) }),
      nullsFirst: raw.nulls !== 'last',
    };
  }
  return undefined;
}

/** The sort a request gets: its `sort` value, else the default; undefined when neither is known. */
export function effectiveSort(rules: SortRules, value: string | undefined): EffectiveSort | undefined {
  const written = value ?? rules.default;
  if (written === undefined) return undefined;
  const descending = written.startsWith('-');
  const key = descending ? written.slice(1) : written;
  const field = rules.keys[key];
  return field === undefined ? undefined : { value: written, key, descending, field };
}

/** The sort key of an item as shown in messages. */
export function sortValueText(item: unknown, sort: EffectiveSort): string {
  return JSON.stringify(valueAt(item, sort.field.field) ?? null);
}

/** Ascending comparison of two field values; a missing value counts as null. */
export function compareValues(a: unknown, b: unknown, compare: Comparison, nullsFirst: boolean): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    return (aNull ? -1 : 1) * (nullsFirst ? 1 : -1);
  }
  switch (compare) {
    case 'instant': {
      const left = typeof a === 'string' ? Date.parse(a) : Number.NaN;
      const right = typeof b === 'string' ? Date.parse(b) : Number.NaN;
      if (Number.isNaN(left) || Number.isNaN(right)) return 0;
      return Math.sign(left - right);
    }
    case 'number':
      return typeof a === 'number' && typeof b === 'number' ? Math.sign(a - b) : 0;
    case 'code-point':
      return typeof a === 'string' && typeof b === 'string' ? compareCodePoints(a, b) : 0;
  }
}

/** Strings by Unicode code point (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = (left[index]?.codePointAt(0) ?? 0) - (right[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(left.length - right.length);
}

function readField(raw: unknown, where: string): SortField {
  if (!isPlainObject(raw) || typeof raw.field !== 'string' || !COMPARISONS.includes(raw.compare as Comparison)) {
    throw new Error(`${where} must be { field, compare: instant | code-point | number }.`);
  }
  return { field: raw.field, compare: raw.compare as Comparison };
}
