// Filtering with a compiled validator is how constructs that cannot be built directly are
// honoured. Two guards keep it honest: a filter that rejects everything fails loudly instead of
// spinning forever, and choices that never pass are found (and dropped) when the arbitrary is
// built, by sampling them with a fixed seed.

import fc from 'fast-check';
import { NoValueError } from './no-value-error.js';

const MAX_REJECTIONS_IN_A_ROW = 2000;

export function boundedFilter<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, what: string): fc.Arbitrary<T> {
  let rejected = 0;
  return arbitrary.filter((value) => {
    if (predicate(value)) {
      rejected = 0;
      return true;
    }
    rejected += 1;
    if (rejected >= MAX_REJECTIONS_IN_A_ROW) {
      rejected = 0;
      throw new NoValueError(`could not generate ${what}: ${MAX_REJECTIONS_IN_A_ROW} candidates in a row failed the schema`);
    }
    return false;
  });
}

/** Share of `runs` sampled values (fixed seed, no filter) that pass `predicate`; 0 when sampling throws. */
export function acceptance<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, runs = 12): number {
  try {
    const values = fc.sample(arbitrary, { numRuns: runs, seed: 4242 });
    return values.filter(predicate).length / values.length;
  } catch (error) {
    if (error instanceof NoValueError) return 0;
    throw error;
  }
}
