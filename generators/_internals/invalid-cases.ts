// From breakers to checked invalid cases: every case is validated with allErrors, kept only if
// it fails at (or under) the path it records and nowhere else, and breakers that never produce
// such a case are dropped when the arbitrary is built.

import fc from 'fast-check';
import type { JsonSchema } from '../../core/spec/model.js';
import type { InvalidCase, InvalidKind } from '../types.js';
import { acceptance, boundedFilter } from './bounded-filter.js';
import { BreakerFinder, type Breaker, type Broken } from './breakers.js';
import { brokenExactlyAt, dotted } from './error-paths.js';
import { NoValueError } from './no-value-error.js';
import { errorsOf } from './schema-validator.js';
import type { BuildContext, ValueBuilder } from './value-builder.js';

export interface CheckedBreaker {
  kind: InvalidKind;
  at: readonly string[];
  arbitrary: fc.Arbitrary<InvalidCase>;
}

/** Every breaker of `schema` that yields real invalid cases, each already filtered to them. */
export function checkedBreakers(builder: ValueBuilder, schema: JsonSchema, kinds: ReadonlySet<InvalidKind>, context: BuildContext, breakRoot: boolean): CheckedBreaker[] {
  const finder = new BreakerFinder(builder, kinds);
  const resolveRef = builder.options.resolveRef;
  const isInvalidThere = (broken: Broken): boolean => brokenExactlyAt(errorsOf(schema, broken.value, resolveRef), broken.path);
  const out: CheckedBreaker[] = [];
  for (const breaker of finder.breakers(schema, context, breakRoot)) {
    if (acceptance(breaker.arbitrary, isInvalidThere, 6) === 0) continue;
    out.push({ kind: breaker.kind, at: breaker.at, arbitrary: toCases(breaker, isInvalidThere) });
  }
  return out;
}

function toCases(breaker: Breaker, isInvalidThere: (broken: Broken) => boolean): fc.Arbitrary<InvalidCase> {
  const what = `an invalid case of kind ${breaker.kind} at ${dotted(breaker.at) || 'the root'}`;
  return boundedFilter(breaker.arbitrary, isInvalidThere, what).map((broken) => ({ value: broken.value, path: dotted(broken.path), kind: breaker.kind }));
}

export function oneOfBreakers(breakers: readonly CheckedBreaker[], what: string): fc.Arbitrary<InvalidCase> {
  if (breakers.length === 0) throw new NoValueError(`offers no way to build ${what}`);
  return breakers.length === 1 ? breakers[0]!.arbitrary : fc.oneof(...breakers.map((breaker) => breaker.arbitrary));
}
