// A property run of one operation against the live target: generated requests (valid, or each
// broken in one place), path parameters bound to real ids, bodies stamped with the run id, each
// exchange judged. What a case creates is deleted right after it (a workspace has limits, such
// as ten brains), and creations the API cannot undo are kept to a few cases.

import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import type { Exchange, GeneratedCase } from '../../core/exchange.js';
import { FindingSet, type Finding } from '../../core/findings.js';
import type { OperationModel } from '../../core/spec/model.js';
import { invalidRequest } from '../../generators/invalid-request.js';
import type { ResourceFamily } from '../../generators/resource-families.js';
import type { GeneratedRequest, InvalidRequest } from '../../generators/types.js';
import { validRequest } from '../../generators/valid-request.js';
import type { CreatedRegistry } from './created-registry.js';
import type { Harvest } from './harvest.js';
import { readBoundItem } from './item-context.js';
import type { Judge } from './judge.js';
import type { PathBinder } from './path-binder.js';
import { propertyRun, type PropertyRunResult } from './property-run.js';
import { toApiRequest, type PathBinding } from './to-api-request.js';
import { allRefusedForUngrounded, markUngrounded, refusedForUngrounded, unboundReferences } from './ungrounded-exchanges.js';
import { updateState, type UpdateState } from './update-state.js';
import type { WorkerClient } from './worker-client.js';

export interface RunnerDeps {
  client: WorkerClient;
  binder: PathBinder;
  harvest: Harvest;
  created: CreatedRegistry;
  families: readonly ResourceFamily[];
  judge: Judge;
  /** Stamps a valid body with the next run label. */
  stamp: (operationKey: string, body: unknown) => unknown;
  /** The compiled request body schema of an operation (JSON), if it has one. */
  requestValidator: (operationKey: string) => ValidateFunction | undefined;
  writesAllowed: boolean;
}

export interface RunOperationOptions {
  validity: 'valid' | 'invalid';
  cases: number;
  seed: number;
  /** Check ids to judge each exchange with. */
  checks: readonly string[];
  timeLimitMs?: number;
}

export type OperationOutcome =
  | { kind: 'skipped'; reason: string }
  | ({ kind: 'ran'; cases: number } & Omit<PropertyRunResult<unknown>, 'counterexample'> & { replayed?: string });

/** At most this many cases of an operation whose creations the API cannot delete (tickets, invitations). */
export function undeletableCap(cases: number): number {
  return Math.min(cases, Math.max(2, Math.ceil(cases / 5)));
}

/** At most this many cases of an operation that deletes a fresh item per case. */
const FRESH_CAP = 5;
/** At most this many invalid cases where only a path parameter can be broken. */
const PATH_ONLY_CAP = 8;

export async function runOperation(deps: RunnerDeps, operation: OperationModel, options: RunOperationOptions): Promise<OperationOutcome> {
  if (!deps.writesAllowed && operation.method !== 'GET') return { kind: 'skipped', reason: 'read-only mode sends GET requests only' };
  await deps.harvest.collect();
  const write = operation.method !== 'GET';
  const fresh = write && options.validity === 'valid' && deletesItsItem(operation, deps.families);
  let bindings: PathBinding[] = [];
  if (fresh) {
    const problem = deps.binder.writeProblem(operation);
    if (problem !== undefined) return { kind: 'skipped', reason: problem };
  } else {
    const bound = write ? await deps.binder.write(operation, { fresh: false }) : await deps.binder.read(operation);
    if (bound.kind === 'skip') return { kind: 'skipped', reason: bound.reason };
    if (bound.kind === 'failed') return failedSetup(deps, bound.exchanges, bound.reason);
    bindings = Array.isArray(bound.value) ? bound.value : [bound.value];
  }
  // A write on one bound item may refer to what only that item holds (a message of the ticket),
  // and an update is valid only if it suits the item's state.
  const item = write && bindings.length === 1 ? await readBoundItem(deps.client, deps.binder, operation, bindings[0] as PathBinding) : undefined;
  const state = item === undefined || options.validity !== 'valid' ? undefined : stateFor(operation, item.data, deps);
  const requests = arbitraryFor(operation, options.validity, deps, item?.ids ?? {});
  if (typeof requests === 'string') return { kind: 'skipped', reason: requests };

  let cases = options.cases;
  if (write && createsUndeletable(operation, deps.families)) cases = undeletableCap(cases);
  if (fresh) cases = Math.min(cases, FRESH_CAP);
  // Nothing to generate but the path: a few cases say all there is to say.
  if (!generatesMuch(operation)) cases = Math.min(cases, options.validity === 'valid' ? Math.max(3, bindings.length) : PATH_ONLY_CAP);

  const arbitrary = fresh
    ? requests.map((request) => ({ request, binding: undefined as PathBinding | undefined }))
    : fc.tuple(fc.constantFrom(...bindings), requests).map(([binding, request]) => ({ request, binding: binding as PathBinding | undefined }));

  // Cases refused only because they refer to something the run could not find (their own
  // request, or the creation of the item they need): when every case is, the test is a skip.
  let ungroundedRefusals = 0;
  let ungroundedReason: string | undefined;
  const refusedForUngroundedOnly = (reason: string | undefined): void => {
    if (reason === undefined) return;
    ungroundedRefusals += 1;
    ungroundedReason ??= reason;
  };
  const result = await propertyRun({
    arbitrary,
    seed: options.seed,
    numRuns: cases,
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    execute: async ({ request, binding }, replay): Promise<Finding[]> => {
      let bound = binding;
      if (bound === undefined) {
        const made = await deps.binder.write(operation, { fresh: true });
        if (made.kind === 'failed') {
          const findings = deps.judge(made.exchanges);
          const why = allRefusedForUngrounded(made.exchanges);
          if (findings.length === 0) refusedForUngroundedOnly(why === undefined ? undefined : `${made.reason}: its request ${why}`);
          return findings;
        }
        if (made.kind === 'skip') throw new Error(`${operation.key}: ${made.reason}`);
        bound = made.value;
      }
      const body = options.validity === 'valid' && request.body !== undefined ? deps.stamp(operation.key, request.body) : request.body;
      // An update that does not suit the item's state is sent and judged, but need not succeed.
      const generatedCase: GeneratedCase | undefined =
        state !== undefined && !state.suits(body)
          ? undefined
          : { validity: options.validity, replay, ...('broken' in request ? { broken: { ...(request as InvalidRequest).broken } } : {}) };
      const exchange = await deps.client.send(toApiRequest(operation, { ...request, body } as GeneratedRequest, bound, generatedCase));
      markUngrounded(exchange, unboundReferences(request, bound.params));
      const findings = deps.judge(exchange, options.checks);
      if (findings.length === 0 && generatedCase?.validity === 'valid') refusedForUngroundedOnly(refusedForUngrounded(exchange));
      if (state !== undefined && exchange.response !== undefined && exchange.response.status < 300 && exchange.response.json.kind === 'json') {
        state.advance((exchange.response.json.value as { data?: unknown } | null)?.data);
      }
      const made = deps.created.itemOf(exchange);
      if (made !== undefined) await deps.created.release(made);
      return findings;
    },
  });
  const { counterexample, ...rest } = result;
  if (ungroundedReason !== undefined && result.findings.size === 0 && ungroundedRefusals === result.executions) {
    return { kind: 'skipped', reason: `every case was refused: ${ungroundedReason}` };
  }
  return { kind: 'ran', cases, ...rest, ...(counterexample === undefined ? {} : { replayed: JSON.stringify(counterexample.replay) }) };
}

/** The requests to generate, or why there are none. */
function arbitraryFor(
  operation: OperationModel,
  validity: 'valid' | 'invalid',
  deps: RunnerDeps,
  local: Record<string, string[]>,
): fc.Arbitrary<GeneratedRequest | InvalidRequest> | string {
  const harvested = deps.harvest.context();
  const context = { ...harvested, ulids: { ...local, ...harvested.ulids } };
  try {
    return validity === 'valid' ? validRequest(operation, context) : invalidRequest(operation, context);
  } catch (error) {
    if (error instanceof Error && error.name === 'OptionError') return error.message;
    throw error;
  }
}

/** For an update of a family: the item's state, which decides whether a body may succeed (see update-state.ts). */
function stateFor(operation: OperationModel, item: Record<string, unknown>, deps: RunnerDeps): UpdateState | undefined {
  const create = deps.families.find((family) => family.operations.update === operation)?.operations.create;
  const schema = create?.requestBody?.content['application/json']?.schema;
  const validate = create === undefined ? undefined : deps.requestValidator(create.key);
  return schema === undefined || validate === undefined ? undefined : updateState(item, schema, validate);
}

/** The operation has a body or query parameters to generate (beyond its path and headers). */
function generatesMuch(operation: OperationModel): boolean {
  return operation.requestBody !== undefined || operation.parameters.some((parameter) => parameter.in === 'query');
}

/** The operation deletes the item its last path parameter names. */
function deletesItsItem(operation: OperationModel, families: readonly ResourceFamily[]): boolean {
  return operation.method === 'DELETE' && families.some((family) => family.operations.delete === operation);
}

/** A create whose items have no DELETE, or a collection action such as an invitation. */
export function createsUndeletable(operation: OperationModel, families: readonly ResourceFamily[]): boolean {
  if (operation.method !== 'POST') return false;
  const family = families.find((candidate) => candidate.operations.create === operation);
  if (family !== undefined) return family.operations.delete === undefined;
  return !operation.path.includes('{') && families.some((candidate) => candidate.actions.some((action) => action.operation === operation));
}

/** What the target answered when the run tried to create what the operation needs, judged by every check. */
function failedSetup(deps: RunnerDeps, exchanges: Exchange[], reason: string): OperationOutcome {
  const findings = new FindingSet();
  findings.addAll(deps.judge(exchanges));
  if (findings.size === 0) {
    // Refused only for a made-up reference (nothing of its resource was harvested): not the target's fault here.
    const why = allRefusedForUngrounded(exchanges);
    if (why !== undefined) return { kind: 'skipped', reason: `${reason}: its request ${why}` };
    throw new Error(`${reason}, and no check explains why.`);
  }
  return { kind: 'ran', cases: 0, findings, executions: 0, runs: 0, interrupted: false };
}
