// Create → read → update → delete chains for one resource family, as data: each step is a
// generated request plus the path parameters it takes from earlier responses (the id of what
// an earlier step created). Parents are created first and deleted last; a relation creates (or
// finds) the item to attach, attaches it, reads the parent, detaches it. resolveStep fills the
// bound parameters in once the earlier responses are known.

import fc from 'fast-check';
import type { OperationModel } from '../core/spec/model.js';
import type { ResourceFamily } from './resource-families.js';
import type { GeneratedRequest, RequestOptions, RunContext } from './types.js';
import { resourceNameOf } from './resource-name-of.js';
import { validRequest } from './valid-request.js';

export type StepRole =
  | 'create-parent' | 'create-target' | 'create' | 'list' | 'read' | 'update' | 'action'
  | 'attach' | 'detach' | 'delete' | 'read-deleted' | 'delete-target' | 'delete-parent' | 'list-target';

export interface StepBinding {
  /** Index of the earlier step whose response body holds the value. */
  step: number;
  /** JSON pointer into that body, e.g. "/data/ulid" or "/data/0/ulid". */
  pointer: string;
}

export interface LifecycleStep {
  role: StepRole;
  /** "METHOD /path" of the operation. */
  operation: string;
  /** The path template, to refill once bindings are resolved. */
  pathTemplate: string;
  request: GeneratedRequest;
  /** Path parameters to take from earlier responses. */
  bind: Record<string, StepBinding>;
  /** 2xx, or the status the step must get (404 for a read after delete). */
  expect: 'success' | number;
}

const DEFAULT_ID_POINTER = '/data/ulid';

export function lifecycleSequence(family: ResourceFamily, context: RunContext = {}, options: RequestOptions = {}): fc.Arbitrary<LifecycleStep[]> {
  if (typeof family !== 'object' || family === null || typeof family.collectionPath !== 'string') {
    throw new TypeError('lifecycleSequence: expected a family from resourceFamilies().');
  }
  const plan = new Plan(context, options);
  const bound: Record<string, StepBinding> = {};
  const cleanup: Array<() => void> = [];

  // Ancestors, root first: created when they can be, so nothing pre-existing is touched.
  const ancestors: ResourceFamily[] = [];
  for (let parent = family.parent; parent !== undefined; parent = parent.parent) ancestors.unshift(parent);
  for (const ancestor of ancestors) plan.own(ancestor, 'create-parent', 'delete-parent', bound, cleanup);

  switch (family.kind) {
    case 'singleton':
      if (family.operations.read) plan.step('read', family.operations.read, bound);
      break;
    case 'relation':
      relation(plan, family, bound);
      break;
    default:
      collection(plan, family, bound);
  }
  for (const undo of cleanup.reverse()) undo();
  return plan.build();
}

function collection(plan: Plan, family: ResourceFamily, bound: Record<string, StepBinding>): void {
  const { list, create, read, update, delete: remove } = family.operations;
  const param = family.itemParam;
  if (create === undefined) {
    // Nothing of ours to change: list, then read the first listed item.
    if (list === undefined) return;
    const listed = plan.step('list', list, bound);
    if (read !== undefined && param !== undefined) plan.step('read', read, { ...bound, [param]: { step: listed, pointer: `/data/0/${idKey(family)}` } });
    return;
  }
  const created = plan.step('create', create, bound);
  const own = param === undefined ? bound : { ...bound, [param]: { step: created, pointer: family.idPointer ?? DEFAULT_ID_POINTER } };
  if (read) plan.step('read', read, own);
  if (list) plan.step('list', list, bound);
  if (update) {
    plan.repeat('update', update, own, 0, 2);
    if (read) plan.step('read', read, own);
  }
  const usable = family.actions.filter((action) => action.operation.parameters.every((parameter) => parameter.in !== 'path' || parameter.name in own || plan.knows(parameter.name)));
  if (usable.length > 0) plan.someOf('action', usable.map((action) => action.operation), own, 2);
  if (remove) {
    plan.step('delete', remove, own);
    if (read) plan.step('read-deleted', read, own, 404);
  }
}

function relation(plan: Plan, family: ResourceFamily, bound: Record<string, StepBinding>): void {
  const target = family.target;
  const param = family.itemParam;
  const { attach, detach, list } = family.operations;
  if (target === undefined || param === undefined || attach === undefined) return;
  const withTarget = { ...bound };
  let undoTarget: (() => void) | undefined;
  if (target.operations.create !== undefined) {
    const created = plan.step('create-target', target.operations.create, bound);
    withTarget[param] = { step: created, pointer: target.idPointer ?? DEFAULT_ID_POINTER };
    const remove = target.operations.delete;
    if (remove !== undefined && target.itemParam !== undefined) {
      const targetParam = target.itemParam;
      undoTarget = () => plan.step('delete-target', remove, { [targetParam]: withTarget[param]! });
    }
  } else if (!plan.knows(param) && target.operations.list !== undefined) {
    const listed = plan.step('list-target', target.operations.list, {});
    withTarget[param] = { step: listed, pointer: `/data/0/${idKey(target)}` };
  }
  plan.step('attach', attach, withTarget);
  const parentRead = family.parent?.operations.read;
  if (parentRead) plan.step('read', parentRead, bound);
  if (list) plan.step('list', list, bound);
  if (detach) {
    plan.step('detach', detach, withTarget);
    if (parentRead) plan.step('read', parentRead, bound);
  }
  undoTarget?.();
}

/** The property the id lives under, from the family's idPointer ("ulid" for "/data/ulid"). */
function idKey(family: ResourceFamily): string {
  const pointer = family.idPointer ?? DEFAULT_ID_POINTER;
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

type Part = fc.Arbitrary<LifecycleStep[]>;

/**
 * Accumulates the steps as arbitraries, one part per planned step or group of steps. A binding
 * names the part of the step it reads from; once the variable parts (updates, actions) have
 * their lengths, build() turns part numbers into step indices.
 */
class Plan {
  private readonly parts: Part[] = [];

  constructor(
    private readonly context: RunContext,
    private readonly options: RequestOptions,
  ) {}

  /** Whether the run context has ULIDs for the resource a path parameter names. */
  knows(param: string): boolean {
    const resource = resourceNameOf(param, undefined, 'path');
    return resource !== undefined && (this.context.ulids?.[resource]?.length ?? 0) > 0;
  }

  private make(role: StepRole, operation: OperationModel, bind: Record<string, StepBinding>, expect: 'success' | number): fc.Arbitrary<LifecycleStep> {
    const usable = Object.fromEntries(Object.entries(bind).filter(([name]) => operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)));
    return validRequest(operation, this.context, this.options).map((request) => ({
      role,
      operation: operation.key,
      pathTemplate: operation.path,
      request,
      bind: usable,
      expect,
    }));
  }

  /** One step; returns the part number later bindings use to point at it. */
  step(role: StepRole, operation: OperationModel, bind: Record<string, StepBinding>, expect: 'success' | number = 'success'): number {
    this.parts.push(this.make(role, operation, bind, expect).map((step) => [step]));
    return this.parts.length - 1;
  }

  /** Between `min` and `max` steps of one operation. */
  repeat(role: StepRole, operation: OperationModel, bind: Record<string, StepBinding>, min: number, max: number): void {
    this.parts.push(fc.array(this.make(role, operation, bind, 'success'), { minLength: min, maxLength: max }));
  }

  /** Up to `max` steps, each one of the operations. */
  someOf(role: StepRole, operations: OperationModel[], bind: Record<string, StepBinding>, max: number): void {
    this.parts.push(fc.array(fc.oneof(...operations.map((operation) => this.make(role, operation, bind, 'success'))), { maxLength: max }));
  }

  /** Creates an ancestor (and plans its deletion) or, when it cannot be created, reads one from its list. */
  own(family: ResourceFamily, createRole: StepRole, deleteRole: StepRole, bound: Record<string, StepBinding>, cleanup: Array<() => void>): void {
    const param = family.itemParam;
    const create = family.operations.create;
    if (param === undefined) return;
    if (create !== undefined) {
      const part = this.step(createRole, create, { ...bound });
      bound[param] = { step: part, pointer: family.idPointer ?? DEFAULT_ID_POINTER };
      const remove = family.operations.delete;
      const binding = { ...bound };
      if (remove !== undefined) cleanup.push(() => this.step(deleteRole, remove, binding));
    } else if (family.operations.list !== undefined && !this.knows(param)) {
      const part = this.step('list', family.operations.list, { ...bound });
      bound[param] = { step: part, pointer: `/data/0/${idKey(family)}` };
    }
  }

  build(): fc.Arbitrary<LifecycleStep[]> {
    if (this.parts.length === 0) return fc.constant([]);
    return fc.tuple(...this.parts).map((groups) => {
      const offsets: number[] = [];
      let next = 0;
      for (const group of groups) {
        offsets.push(next);
        next += group.length;
      }
      return groups.flat().map((step) => ({
        ...step,
        bind: Object.fromEntries(Object.entries(step.bind).map(([name, binding]) => [name, { ...binding, step: offsets[binding.step]! }])),
      }));
    });
  }
}
