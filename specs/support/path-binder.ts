// Which real ids go into an operation's path parameters. Reads take harvested ids (each with a
// role that saw it, and a nested item with its own parent). Writes take items the run created,
// because the suite never changes data it did not create: one shared item per family and
// parent, or a fresh one for an operation that deletes the item. A parameter of a family the API
// cannot create (`{user}`) is harvested when the operation only points at it (add a member to a
// team the run created), and the operation is skipped when it would change that item itself.

import type { Exchange } from '../../core/exchange.js';
import type { OperationModel } from '../../core/spec/model.js';
import type { ResourceFamily } from '../../generators/resource-families.js';
import type { CreatedItem, CreatedRegistry } from './created-registry.js';
import type { Harvest, HarvestedItem } from './harvest.js';
import type { ResourceFactory } from './resource-factory.js';
import type { PathBinding } from './to-api-request.js';

export type Bound<T> =
  | { kind: 'ok'; value: T }
  /** The operation cannot be exercised here; the reason goes into the report. */
  | { kind: 'skip'; reason: string }
  /** Creating what the operation needs failed: the target's answer is in `exchanges`. */
  | { kind: 'failed'; reason: string; exchanges: Exchange[] };

export interface WriteOptions {
  /** A new item for the last parameter (default: when the operation deletes that item). */
  fresh?: boolean;
}

const DEFAULT_READ_BINDINGS = 8;

export class PathBinder {
  private readonly shared = new Map<string, CreatedItem>();

  constructor(
    private readonly families: readonly ResourceFamily[],
    private readonly harvest: Harvest,
    private readonly factory: ResourceFactory,
    private readonly created: CreatedRegistry,
    /** The role a new top-level item is created with. */
    private readonly nextRole: () => string,
    private readonly writesAllowed: boolean,
  ) {}

  /** The family a path parameter's values come from (a relation's parameter: the family it attaches). */
  familyOf(param: string): ResourceFamily | undefined {
    const candidates = this.families.filter((family) => family.itemParam === param);
    const own = candidates.find((family) => family.kind === 'collection') ?? candidates[0];
    return own?.kind === 'relation' ? own.target : own;
  }

  /** Bindings for a read: harvested ids (up to `max` combinations), or a created item when the target has none. */
  async read(operation: OperationModel, max = DEFAULT_READ_BINDINGS): Promise<Bound<PathBinding[]>> {
    const params = pathParams(operation);
    if (params.length === 0) return ok([{ params: {} }]);
    await this.harvest.collect();
    let combos: Array<{ params: Record<string, string>; roles: string[] }> = [{ params: {}, roles: [...this.harvest.roles] }];
    for (const param of params) {
      const family = this.familyOf(param);
      if (family === undefined) return { kind: 'skip', reason: `no list in the spec yields values for {${param}}` };
      const next: typeof combos = [];
      for (const combo of combos) {
        for (const item of this.candidates(family, combo.params)) {
          const roles = combo.roles.filter((role) => item.viewers.has(role));
          if (roles.length > 0) next.push({ params: { ...combo.params, [param]: item.id }, roles });
          if (next.length >= max) break;
        }
      }
      combos = next;
    }
    if (combos.length > 0) {
      const all = this.harvest.roles.length;
      return ok(combos.map((combo) => (combo.roles.length === all ? { params: combo.params } : { params: combo.params, role: combo.roles[0] as string })));
    }
    if (!this.writesAllowed) {
      return { kind: 'skip', reason: `the target lists nothing for ${params.map((param) => `{${param}}`).join(', ')} that this run's tokens can see, and read-only mode creates nothing` };
    }
    const written = await this.write(operation, { fresh: false });
    return written.kind === 'ok' ? ok([written.value]) : written;
  }

  /** Why a write on `operation` cannot be bound, or undefined when it can; creates nothing. */
  writeProblem(operation: OperationModel): string | undefined {
    if (!this.writesAllowed) return 'read-only mode sends GET requests only';
    for (const param of pathParams(operation)) {
      const family = this.familyOf(param);
      if (family === undefined) return `no family of the spec yields values for {${param}}`;
      if (!this.factory.canCreate(family) && changesItself(family, operation)) {
        return `${operation.key} changes a ${family.resource} itself, and the API cannot create one for the run: the suite changes only what it created`;
      }
    }
    return undefined;
  }

  /** A binding for a write: run-created items for every parameter whose family can be created. */
  async write(operation: OperationModel, options: WriteOptions = {}): Promise<Bound<PathBinding>> {
    const problem = this.writeProblem(operation);
    if (problem !== undefined) return { kind: 'skip', reason: problem };
    const params = pathParams(operation);
    const binding: PathBinding = { params: {} };
    for (const [index, param] of params.entries()) {
      const family = this.familyOf(param) as ResourceFamily;
      const last = index === params.length - 1;
      if (this.factory.canCreate(family)) {
        const fresh = last && (options.fresh ?? family.operations.delete === operation);
        const made = await this.item(family, binding, fresh);
        if (made.kind !== 'ok') return made;
        binding.params[param] = made.value.id;
        binding.role = made.value.role;
        continue;
      }
      await this.harvest.collect();
      const item = this.candidates(family, binding.params).find((candidate) => binding.role === undefined || candidate.viewers.has(binding.role));
      if (item === undefined) return { kind: 'skip', reason: `the target lists no ${family.resource} for {${param}}` };
      binding.params[param] = item.id;
    }
    return ok(binding);
  }

  /** A run-created item of `family` under the parents bound so far: shared, or new. */
  private async item(family: ResourceFamily, binding: PathBinding, fresh: boolean): Promise<Bound<CreatedItem>> {
    const parents: Record<string, string> = {};
    for (const name of pathParamsOf(family.collectionPath)) {
      const value = binding.params[name];
      if (value === undefined) return { kind: 'skip', reason: `a ${family.resource} needs its parent {${name}} first` };
      parents[name] = value;
    }
    const key = `${family.resource} ${JSON.stringify(parents)}`;
    const known = this.shared.get(key);
    if (!fresh && known !== undefined && this.created.alive(family.resource).includes(known)) return ok(known);
    const result = await this.factory.create(family, parents, binding.role ?? this.nextRole());
    if (result.item === undefined) {
      const status = result.exchange.response?.status ?? result.exchange.error?.kind;
      return { kind: 'failed', reason: `creating a ${family.resource} for the run failed (${family.operations.create?.key} → ${status})`, exchanges: [result.exchange] };
    }
    if (!fresh) this.shared.set(key, result.item);
    return ok(result.item);
  }

  private candidates(family: ResourceFamily, bound: Record<string, string>): HarvestedItem[] {
    const parentParam = family.parent?.itemParam;
    const parent = parentParam === undefined ? undefined : bound[parentParam];
    return this.harvest.items(family.resource).filter((item) => parentParam === undefined || parent === undefined || item.parents[parentParam] === parent);
  }
}

function ok<T>(value: T): Bound<T> {
  return { kind: 'ok', value };
}

export function pathParams(operation: OperationModel): string[] {
  return pathParamsOf(operation.path);
}

function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** The operation updates or deletes an item of the family, or acts on it (`/members/{user}` DELETE). */
function changesItself(family: ResourceFamily, operation: OperationModel): boolean {
  if (operation.method === 'GET') return false;
  if (family.operations.update === operation || family.operations.delete === operation) return true;
  return family.itemPath !== undefined && operation.path.startsWith(family.itemPath) && family.actions.some((action) => action.operation === operation);
}
