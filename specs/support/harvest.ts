// Real identifiers of the target, read from its list responses: path parameters and filter
// values name things that exist, so a valid request meets the target's real code paths instead
// of a 404. Each list is read with every viewer role, because what a token sees depends on its
// user (personal saved views, channel access): an id is offered to a request only with a role
// that saw it. Nested lists (`/brains/{brain}/articles`) are read under a few harvested parents.
// Reads only; the exchanges are kept so a spec may judge them.

import type { Exchange } from '../../core/exchange.js';
import type { ResourceFamily } from '../../generators/resource-families.js';
import type { RunContext } from '../../generators/types.js';
import type { WorkerClient } from './worker-client.js';

export interface HarvestedItem {
  /** The id a path parameter takes: the item's `ulid`, else a string `id`. */
  id: string;
  /** Roles whose list showed it. */
  viewers: Set<string>;
  /** Path parameters of the parents it was listed under (`{ brain: "01h…" }`). */
  parents: Record<string, string>;
  /** The item as listed. */
  item: Record<string, unknown>;
}

/** Parents a nested list is read under. */
const NESTED_PARENTS = 2;
/** Distinct values kept per observed filter. */
const OBSERVED_VALUES = 10;

export class Harvest {
  /** The list exchanges of the harvest, in order. */
  readonly exchanges: Exchange[] = [];
  /** Lists that could not be read (status or transport error), one line each. */
  readonly problems: string[] = [];
  private readonly byResource = new Map<string, Map<string, HarvestedItem>>();
  private readonly observed = new Map<string, Set<string>>();
  private readonly lastPage: Record<string, number> = {};
  private collecting: Promise<void> | undefined;

  constructor(
    private readonly client: WorkerClient,
    private readonly families: readonly ResourceFamily[],
    /** The roles whose view is harvested. */
    readonly roles: readonly string[],
    /** Items whose JSON holds this text are left out: what the run itself created may vanish at any time. */
    private readonly runId?: string,
  ) {}

  /** Reads every list once (later calls wait for the first). */
  collect(): Promise<void> {
    this.collecting ??= this.readAll();
    return this.collecting;
  }

  /** Items of a resource (family resource name: `ticket`, `user`, `article`). */
  items(resource: string): HarvestedItem[] {
    return [...(this.byResource.get(resource)?.values() ?? [])];
  }

  /** Ids of a resource that `role` saw (every role when undefined). */
  ids(resource: string, role?: string): string[] {
    return this.items(resource)
      .filter((item) => role === undefined || item.viewers.has(role))
      .map((item) => item.id);
  }

  /** Every id harvested, any resource, lower-case (for isolation checks). */
  allIds(): Set<string> {
    const ids = new Set<string>();
    for (const items of this.byResource.values()) for (const item of items.values()) ids.add(item.id.toLowerCase());
    return ids;
  }

  /**
   * The generators' run context: ids every harvested role saw (body references such as
   * `assignee_ulid` go with any role), observed filter values, last pages.
   */
  context(): RunContext {
    const ulids: Record<string, string[]> = {};
    for (const [resource, items] of this.byResource) {
      const shared = [...items.values()].filter((item) => this.roles.every((role) => item.viewers.has(role))).map((item) => item.id);
      if (shared.length > 0) ulids[resource] = shared;
    }
    const observed: Record<string, string[]> = {};
    for (const [name, values] of this.observed) observed[name] = [...values];
    return { ulids, observed, lastPage: { ...this.lastPage } };
  }

  private async readAll(): Promise<void> {
    const lists = this.families.filter((family) => family.kind === 'collection' && family.operations.list !== undefined);
    // Parents first, so nested lists find their parents' ids.
    for (const family of lists.filter((candidate) => candidate.parent === undefined)) {
      await Promise.all(this.roles.map((role) => this.readList(family, role, {})));
    }
    for (const family of lists.filter((candidate) => candidate.parent !== undefined)) {
      const parent = family.parent as ResourceFamily;
      const param = parent.itemParam;
      if (param === undefined) continue;
      for (const owner of this.items(parent.resource).slice(0, NESTED_PARENTS)) {
        const role = this.roles.find((candidate) => owner.viewers.has(candidate));
        if (role !== undefined) await this.readList(family, role, { ...owner.parents, [param]: owner.id });
      }
    }
  }

  private async readList(family: ResourceFamily, role: string, parents: Record<string, string>): Promise<void> {
    const operation = family.operations.list!;
    const path = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(parents[name] ?? ''));
    const exchange = await this.client.send({ operation, path, auth: role });
    this.exchanges.push(exchange);
    const body = exchange.response?.json.kind === 'json' ? (exchange.response.json.value as Record<string, unknown> | null) : undefined;
    const data = body?.data;
    if (exchange.response === undefined || exchange.response.status !== 200 || !Array.isArray(data)) {
      const seen = exchange.response === undefined ? exchange.error.kind : `status ${exchange.response.status}`;
      this.problems.push(`${operation.key} as ${role}: ${seen}`);
      return;
    }
    const meta = body?.meta as Record<string, unknown> | undefined;
    if (typeof meta?.last_page === 'number' && Object.keys(parents).length === 0) this.lastPage[operation.key] = meta.last_page;
    const items = this.byResource.get(family.resource) ?? new Map<string, HarvestedItem>();
    this.byResource.set(family.resource, items);
    for (const item of data) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      if (this.runId !== undefined && JSON.stringify(record).includes(this.runId)) continue;
      const id = typeof record.ulid === 'string' ? record.ulid : typeof record.id === 'string' ? record.id : undefined;
      if (id === undefined) continue;
      const known = items.get(id) ?? { id, viewers: new Set<string>(), parents: { ...parents }, item: record };
      known.viewers.add(role);
      items.set(id, known);
      this.observe(operation.parameters.map((parameter) => parameter.name), record);
    }
  }

  /** `filter[status]` gets the `status` values of listed items. */
  private observe(parameters: readonly string[], item: Record<string, unknown>): void {
    for (const name of parameters) {
      const key = /^filter\[(.+)\]$/.exec(name)?.[1];
      const value = key === undefined ? undefined : item[key];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const values = this.observed.get(name) ?? new Set<string>();
      if (values.size < OBSERVED_VALUES) values.add(String(value));
      this.observed.set(name, values);
    }
  }
}
