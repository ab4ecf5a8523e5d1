// One ordinary valid request for an operation, for probes that change one thing about it (the
// token, the workspace header, the role) and expect a refusal: real path parameters (created
// items for a write, so a wrongful success only touches what the run made), a generated valid
// body stamped with the run id.

import fc from 'fast-check';
import type { ApiRequest } from '../../core/client/api-client.js';
import type { OperationModel } from '../../core/spec/model.js';
import { validRequest } from '../../generators/valid-request.js';
import type { RunnerDeps } from './operation-runner.js';
import { pathParams, type Bound } from './path-binder.js';
import { toApiRequest, type PathBinding } from './to-api-request.js';
import { allRefusedForUngrounded } from './ungrounded-exchanges.js';
import { unusedUlid } from './unused-ulid.js';

export interface PrepareOptions {
  /**
   * For a write the suite may not perform on real items (`DELETE /members/{user}`): ids that
   * name nothing. Only for probes answered before any lookup (401, the workspace header).
   */
  unusedIdsWhenUnbindable?: boolean;
}

export async function prepareRequest(deps: RunnerDeps, operation: OperationModel, seed: number, options: PrepareOptions = {}): Promise<Bound<ApiRequest>> {
  await deps.harvest.collect();
  const unbindable = operation.method !== 'GET' && options.unusedIdsWhenUnbindable === true && deps.writesAllowed && deps.binder.writeProblem(operation) !== undefined;
  const bound: Bound<PathBinding | PathBinding[]> = unbindable
    ? { kind: 'ok', value: { params: Object.fromEntries(pathParams(operation).map((name) => [name, unusedUlid()])) } }
    : operation.method === 'GET'
      ? await deps.binder.read(operation, 1)
      : await deps.binder.write(operation, { fresh: false });
  if (bound.kind === 'failed') {
    // The item it needs could not be created only because its request refers to something the run could not find.
    const why = allRefusedForUngrounded(bound.exchanges);
    if (why !== undefined) return { kind: 'skip', reason: `${bound.reason}: its request ${why}` };
  }
  if (bound.kind !== 'ok') return bound;
  const binding = Array.isArray(bound.value) ? bound.value[0] : bound.value;
  const [generated] = fc.sample(validRequest(operation, deps.harvest.context()), { numRuns: 1, seed });
  if (binding === undefined || generated === undefined) return { kind: 'skip', reason: `no request could be prepared for ${operation.key}` };
  const body = generated.body === undefined ? undefined : deps.stamp(operation.key, generated.body);
  return { kind: 'ok', value: toApiRequest(operation, { ...generated, body }, binding) };
}
