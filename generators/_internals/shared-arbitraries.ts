// Some fast-check arbitraries are costly to construct (stringMatching tokenizes sample strings,
// webUrl builds a large grammar) and cheap to use. Arbitraries are immutable, so one instance
// per pattern or kind serves every builder in the process.

import fc from 'fast-check';

const matching = new Map<string, fc.Arbitrary<string>>();
const singletons = new Map<string, fc.Arbitrary<unknown>>();

export function stringMatching(regex: RegExp, maxLength?: number): fc.Arbitrary<string> {
  const key = `${regex.flags}/${regex.source}/${maxLength ?? ''}`;
  let arbitrary = matching.get(key);
  if (arbitrary === undefined) {
    arbitrary = fc.stringMatching(regex, maxLength === undefined ? {} : { maxLength });
    matching.set(key, arbitrary);
  }
  return arbitrary;
}

/** One instance of `make()` per name, built on first use. */
export function shared<T>(name: string, make: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let arbitrary = singletons.get(name) as fc.Arbitrary<T> | undefined;
  if (arbitrary === undefined) {
    arbitrary = make();
    singletons.set(name, arbitrary);
  }
  return arbitrary;
}
