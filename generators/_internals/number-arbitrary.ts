// Integers and numbers within inclusive or exclusive bounds and on a `multipleOf` grid, with
// the boundaries themselves drawn often: off-by-one bugs live there.

import fc from 'fast-check';
import type { SchemaObject } from './json.js';
import { boundedFilter } from './bounded-filter.js';
import { NoValueError } from './no-value-error.js';
import type { Validate } from './schema-validator.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const TYPICAL_SPAN = 1000;

/** The integer range a schema allows (exclusive bounds and formats applied). */
export function integerBounds(schema: SchemaObject): { min: number; max: number } {
  let min = Number.MIN_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  if (schema.format === 'int32') ({ min, max } = INT32);
  if (typeof schema.minimum === 'number') min = Math.max(min, Math.ceil(schema.minimum));
  if (typeof schema.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(schema.exclusiveMinimum) + 1);
  if (typeof schema.maximum === 'number') max = Math.min(max, Math.floor(schema.maximum));
  if (typeof schema.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(schema.exclusiveMaximum) - 1);
  return { min, max };
}

export function integerArbitrary(schema: SchemaObject): fc.Arbitrary<number> {
  const { min, max } = integerBounds(schema);
  if (min > max) throw new NoValueError(`allows no integer between its bounds (${min} > ${max})`);
  const declared = declaredBounds(schema);
  const step = integerStep(schema.multipleOf);
  if (step === 1) return integersIn(min, max, declared);
  const low = Math.ceil(min / step);
  const high = Math.floor(max / step);
  if (low > high) throw new NoValueError(`allows no multiple of ${step} between ${min} and ${max}`);
  return integersIn(low, high, declared).map((k) => k * step);
}

/** Which sides of the range the schema states; only stated bounds are boundaries worth hitting. */
function declaredBounds(schema: SchemaObject): { low: boolean; high: boolean } {
  return {
    low: typeof schema.minimum === 'number' || typeof schema.exclusiveMinimum === 'number',
    high: typeof schema.maximum === 'number' || typeof schema.exclusiveMaximum === 'number',
  };
}

/** The smallest integer that is a multiple of `multipleOf` (1 without one). */
function integerStep(multipleOf: unknown): number {
  if (typeof multipleOf !== 'number' || multipleOf <= 0) return 1;
  for (let k = 1; k <= 1000; k += 1) {
    const candidate = k * multipleOf;
    if (Math.abs(candidate - Math.round(candidate)) < 1e-9) return Math.round(candidate);
  }
  throw new NoValueError(`has a multipleOf ${multipleOf} with no small integer multiple`);
}

function integersIn(min: number, max: number, declared = { low: true, high: true }): fc.Arbitrary<number> {
  const typicalMin = declared.low ? min : Math.max(min, (declared.high ? max : 0) - TYPICAL_SPAN);
  const typicalMax = Math.min(max, typicalMin + 2 * TYPICAL_SPAN);
  // An unstated side stops at 32 bits: wider values are valid, but rarely what a field means.
  const wideMin = declared.low ? min : Math.max(min, Math.min(INT32.min, max));
  const wideMax = declared.high ? max : Math.min(max, Math.max(INT32.max, min));
  const stated = [...(declared.low ? [min, min + 1] : []), ...(declared.high ? [max - 1, max] : [])];
  const boundaries = [...new Set(stated.filter((value) => value >= min && value <= max && Number.isSafeInteger(value)))];
  return fc.oneof(
    { weight: 5, arbitrary: rangeOf(typicalMin, typicalMax) },
    ...(boundaries.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...boundaries) }] : []),
    { weight: 1, arbitrary: rangeOf(wideMin, wideMax) },
  );
}

function rangeOf(min: number, max: number): fc.Arbitrary<number> {
  if (min >= INT32.min && max <= INT32.max) return fc.integer({ min, max });
  return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
}

/** Numbers (integers included, as JSON has one number type) within the schema's bounds. */
export function numberArbitrary(schema: SchemaObject, validator: () => Validate): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  const low = Math.max(min ?? -Number.MAX_VALUE, exclusiveMin ?? -Number.MAX_VALUE);
  const high = Math.min(max ?? Number.MAX_VALUE, exclusiveMax ?? Number.MAX_VALUE);
  const lowExcluded = exclusiveMin !== undefined && exclusiveMin >= (min ?? -Infinity);
  const highExcluded = exclusiveMax !== undefined && exclusiveMax <= (max ?? Infinity);
  if (low > high || (low === high && (lowExcluded || highExcluded))) throw new NoValueError(`allows no number between its bounds (${low} and ${high})`);

  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const step = schema.multipleOf;
    const decimals = (String(step).split('.')[1] ?? '').length;
    const kLow = Math.ceil(low / step);
    const kHigh = Math.floor(high / step);
    if (kLow > kHigh) throw new NoValueError(`allows no multiple of ${step} between its bounds`);
    const multiples = integersIn(Math.max(kLow, Number.MIN_SAFE_INTEGER), Math.min(kHigh, Number.MAX_SAFE_INTEGER), declaredBounds(schema)).map((k) => Number((k * step).toFixed(decimals)));
    const validate = validator();
    return boundedFilter(multiples, validate, `a multiple of ${step} within the bounds`);
  }

  // Unstated sides stop at a billion, as for integers: valid beyond, but rarely meant.
  const doubleLow = min === undefined && exclusiveMin === undefined ? Math.min(-1e9, high - 1e9) : low;
  const doubleHigh = max === undefined && exclusiveMax === undefined ? Math.max(1e9, low + 1e9) : high;
  const doubles = fc.double({ min: doubleLow, max: doubleHigh, minExcluded: lowExcluded, maxExcluded: highExcluded, noNaN: true, noDefaultInfinity: true });
  const parts: Array<{ weight: number; arbitrary: fc.Arbitrary<number> }> = [{ weight: 2, arbitrary: doubles }];
  const intLow = lowExcluded ? Math.floor(low) + 1 : Math.ceil(low);
  const intHigh = highExcluded ? Math.ceil(high) - 1 : Math.floor(high);
  const safeLow = Math.max(intLow, Number.MIN_SAFE_INTEGER);
  const safeHigh = Math.min(intHigh, Number.MAX_SAFE_INTEGER);
  if (safeLow <= safeHigh) parts.push({ weight: 3, arbitrary: integersIn(safeLow, safeHigh, declaredBounds(schema)) });
  const centsLow = Math.ceil(Math.max(low, -1e6) * 100);
  const centsHigh = Math.floor(Math.min(high, 1e6) * 100);
  if (centsLow <= centsHigh) {
    const cents = rangeOf(Math.max(centsLow, Number.MIN_SAFE_INTEGER), Math.min(centsHigh, Number.MAX_SAFE_INTEGER)).map((value) => value / 100);
    parts.push({ weight: 2, arbitrary: cents.filter((value) => inside(value, low, high, lowExcluded, highExcluded)) });
  }
  const boundaries = [min, max].filter((value): value is number => value !== undefined && inside(value, low, high, lowExcluded, highExcluded));
  if (boundaries.length > 0) parts.push({ weight: 1, arbitrary: fc.constantFrom(...boundaries) });
  return fc.oneof(...parts);
}

function inside(value: number, low: number, high: number, lowExcluded: boolean, highExcluded: boolean): boolean {
  return (lowExcluded ? value > low : value >= low) && (highExcluded ? value < high : value <= high);
}
