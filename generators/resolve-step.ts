// Fills the bound path parameters of a lifecycle step from the responses of earlier steps, so
// the runner stays a loop: run a step, keep its body, resolve the next. Pure; no I/O.

import type { LifecycleStep } from './lifecycle-sequence.js';
import type { GeneratedRequest } from './types.js';
import { fillPath } from './_internals/request-builder.js';

export type StepResolution =
  | { ok: true; request: GeneratedRequest }
  | { ok: false; reason: string };

/** `bodies[i]` is the parsed response body of step i (undefined when it had none). */
export function resolveStep(step: LifecycleStep, bodies: readonly unknown[]): StepResolution {
  const pathParams = { ...step.request.pathParams };
  for (const [name, binding] of Object.entries(step.bind)) {
    if (binding.step >= bodies.length) return { ok: false, reason: `step ${binding.step} has not run yet` };
    const value = valueAt(bodies[binding.step], binding.pointer);
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { ok: false, reason: `the response of step ${binding.step} has no id at ${binding.pointer}` };
    }
    pathParams[name] = String(value);
  }
  return { ok: true, request: { ...step.request, pathParams, path: fillPath(step.pathTemplate, pathParams) } };
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
