// Which exchanges carried a valid request with references the run could not ground (made-up
// ids: see generators/_internals/ungrounded-references.ts). The sender marks the exchange; the
// judge hands the marks to the checks (CheckContext.ungrounded), wherever the exchange ends up
// being judged (a failed setup in the path binder, a lifecycle); and a setup refused only for
// such a reference is skipped rather than failed.

import type { UngroundedReference } from '../../core/checks/context.js';
import { ungroundedRefusal } from '../../core/checks/ungrounded-refusal.js';
import type { Exchange } from '../../core/exchange.js';
import type { GeneratedRequest } from '../../generators/types.js';

const marks = new WeakMap<Exchange, readonly UngroundedReference[]>();

/** Records the ungrounded references of the request `exchange` sent (none: nothing recorded). */
export function markUngrounded(exchange: Exchange, references: readonly UngroundedReference[]): void {
  if (references.length > 0) marks.set(exchange, references);
}

export function ungroundedOf(exchange: Exchange): readonly UngroundedReference[] | undefined {
  return marks.get(exchange);
}

/** The generated request's ungrounded references once its path parameters are bound to real ids. */
export function unboundReferences(generated: GeneratedRequest, boundParams: Readonly<Record<string, string>>): UngroundedReference[] {
  return (generated.ungrounded ?? []).filter((reference) => !(reference.location === 'path' && boundParams[reference.path] !== undefined));
}

/** Why the exchange's refusal is explained by its ungrounded references, or undefined. */
export function refusedForUngrounded(exchange: Exchange): string | undefined {
  return exchange.response === undefined ? undefined : ungroundedRefusal(exchange.response, marks.get(exchange));
}

/** Why every one of the exchanges was refused for an ungrounded reference (the first reason), or undefined. */
export function allRefusedForUngrounded(exchanges: readonly Exchange[]): string | undefined {
  const reasons = exchanges.map(refusedForUngrounded);
  return reasons.length > 0 && reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
}
