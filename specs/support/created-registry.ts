// Everything this worker created on the target, so it can be removed at the end, also after a
// failure (the fixture's teardown runs when a worker stops for any reason Playwright can handle).
// Every exchange of the worker passes through `track`: a 2xx create is recorded, a 2xx delete of
// a recorded item forgets it. Cleanup goes newest first (children before parents).
//
// An item without a DELETE operation of its own (a ticket) whose contact this run created (the
// contact's email carries the run id: the stamp puts it there) is removed by deleting that
// contact: the contract says DELETE /contacts/{contact} deletes the contact with its tickets.
// A read by id confirms it is gone. A contact without the run id is never deleted this way.
//
// What the API cannot delete is reported as left behind instead:
// - items of a family without a DELETE operation (tickets) whose contact was not the run's:
//   closed through their `status` action when the family has one, and marked by the run id in
//   their subject;
// - what a collection action creates (invitations from `POST /members/invite`): no operation
//   removes them;
// - contacts the target creates on its own for a new ticket's `from_contact`.

import type { Exchange } from '../../core/exchange.js';
import type { OperationModel } from '../../core/spec/model.js';
import type { ResourceFamily } from '../../generators/resource-families.js';
import type { WorkerClient } from './worker-client.js';

export interface CreatedItem {
  resource: string;
  id: string;
  /** Filled item path: `/brains/01h…/articles/01h…`. */
  path: string;
  /** The role that created it; it deletes it too (personal items are visible to their owner only). */
  role: string;
  /** Headers the deleting request needs (X-Workspace-Id for a multi-workspace token). */
  headers: Record<string, string>;
  family?: ResourceFamily;
  /** The operation that created it. */
  createdBy: string;
  /** Path of a contact this run created whose deletion removes this item too (a ticket's new contact). */
  removedWith?: string;
}

export interface LeftBehind {
  resource: string;
  id: string;
  path: string;
  /** Why it is still there and what was done instead. */
  reason: string;
}

export interface CleanupReport {
  deleted: number;
  /** Already gone when cleanup came (deleted by a test or with its parent). */
  alreadyGone: number;
  leftBehind: LeftBehind[];
  /** Deletes that failed: a status or transport error, one line each. */
  failures: string[];
}

export class CreatedRegistry {
  private readonly items: CreatedItem[] = [];
  private readonly undeletable: LeftBehind[] = [];
  /** What `release` did, reported with the cleanup. */
  private released: CleanupReport = emptyReport();
  private readonly byExchange = new WeakMap<Exchange, CreatedItem>();
  /** Requests of the worker still waiting for an answer (see `watchSend`). */
  private readonly pending = new Set<Promise<unknown>>();
  /** Set when cleanup begins: from then on only the registry's own requests go out (see `admit`). */
  private closed = false;
  /** The client's send as it was when the registry was made: its own requests pass even when closed. */
  private readonly send: WorkerClient['send'];

  constructor(
    client: WorkerClient,
    private readonly families: readonly ResourceFamily[],
    /** Header to add to the deletes of a multi-workspace token's creations. */
    private readonly multiHeaders: Record<string, string>,
    /** The run's id: a contact whose email carries it was created by this run. */
    private readonly runId?: string,
  ) {
    this.send = client.send.bind(client);
  }

  /**
   * Sends a test's request, noted while in flight, unless cleanup has begun: an abandoned test
   * that goes on after its worker started cleaning up could create something nobody deletes.
   */
  admit<T>(send: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The worker is cleaning up: no request of an interrupted test goes out any more.'));
    return this.watchSend(send());
  }

  /** Items still alive, oldest first. */
  alive(resource?: string): CreatedItem[] {
    return this.items.filter((item) => resource === undefined || item.resource === resource);
  }

  /** Records what a 2xx create made, and forgets what a 2xx delete removed. Returns the created item, if any. */
  track(exchange: Exchange): CreatedItem | undefined {
    const { response, operation, request } = exchange;
    if (response === undefined || operation === undefined || response.status < 200 || response.status >= 300) return undefined;
    const path = request.path.split('?')[0] ?? request.path;
    if (operation.method === 'DELETE') {
      this.forget(path);
      return undefined;
    }
    if (operation.method !== 'POST') return undefined;
    const body = response.json.kind === 'json' ? response.json.value : undefined;
    const family = this.families.find((candidate) => candidate.operations.create === operation);
    const role = request.auth.kind === 'token' ? request.auth.role : 'admin';
    if (family !== undefined) {
      const id = readPointer(body, family.idPointer ?? '/data/ulid');
      if (typeof id !== 'string' && typeof id !== 'number') return undefined;
      const item: CreatedItem = {
        resource: family.resource,
        id: String(id),
        path: `${path.replace(/\/+$/, '')}/${encodeURIComponent(String(id))}`,
        role,
        headers: role === 'multi' ? { ...this.multiHeaders } : {},
        family,
        createdBy: operation.key,
      };
      const removedWith = family.operations.delete === undefined ? this.runContactOf(body, exchange.request.body) : undefined;
      if (removedWith !== undefined) item.removedWith = removedWith;
      this.items.push(item);
      this.byExchange.set(exchange, item);
      return item;
    }
    if (this.isCollectionAction(operation)) {
      const id = readPointer(body, '/data/ulid') ?? readPointer(body, '/data/id');
      const resource = operation.path.slice(operation.path.lastIndexOf('/') + 1);
      this.undeletable.push({
        resource,
        id: String(id ?? '?'),
        path: `${path} → ${String(id ?? '?')}`,
        reason: `created by ${operation.key}; no operation of the API removes it`,
      });
    }
    return undefined;
  }

  /**
   * Notes a request in flight until it settles. An interrupted test (Ctrl-C, SIGTERM through the
   * gate) is abandoned, not awaited: its request may still create something after the worker's
   * teardown began, so `cleanup` first waits for every request in flight.
   */
  watchSend<T>(sending: Promise<T>): Promise<T> {
    this.pending.add(sending);
    void sending.then(
      () => this.pending.delete(sending),
      () => this.pending.delete(sending),
    );
    return sending;
  }

  /** The item an exchange created, if `track` recorded one. */
  itemOf(exchange: Exchange): CreatedItem | undefined {
    return this.byExchange.get(exchange);
  }

  /** Deletes one item now (a test that created something only to see it created). */
  async release(item: CreatedItem): Promise<void> {
    await this.remove(item, this.released);
  }

  /** Removes everything still recorded, newest first. */
  async cleanup(): Promise<CleanupReport> {
    const report = this.released;
    this.released = emptyReport();
    this.closed = true;
    await this.settle();
    while (this.items.length > 0) {
      await this.remove(this.items[this.items.length - 1] as CreatedItem, report);
      if (this.items.length === 0) await this.settle(); // an abandoned test's next request may have created more
    }
    report.leftBehind.push(...this.undeletable.splice(0));
    return report;
  }

  /** Waits until no request is in flight (each ends within the client's timeout), a turn of the event loop included. */
  private async settle(): Promise<void> {
    do {
      await Promise.allSettled([...this.pending]);
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.pending.size > 0);
  }

  private async remove(item: CreatedItem, report: CleanupReport): Promise<void> {
    this.forget(item.path);
    const remove = item.family?.operations.delete;
    if (remove === undefined) {
      if (item.removedWith !== undefined && (await this.removeWithContact(item, item.removedWith))) {
        report.deleted += 1;
        return;
      }
      report.leftBehind.push({ ...pick(item), reason: await this.retire(item) });
      return;
    }
    const outcome = await this.deleteAs(item, remove, item.path);
    if (outcome === 'deleted') report.deleted += 1;
    else if (outcome === 'gone') report.alreadyGone += 1;
    else report.failures.push(outcome.failure);
  }

  /** One DELETE: the creator deletes; a role without the right (a member whose create got through) hands over to admin. */
  private async deleteAs(item: CreatedItem, remove: OperationModel, path: string): Promise<'deleted' | 'gone' | { failure: string }> {
    for (const role of item.role === 'admin' ? ['admin'] : [item.role, 'admin']) {
      const exchange = await this.send({ operation: remove, path, auth: role, headers: role === item.role ? item.headers : {} });
      const status = exchange.response?.status;
      if (status !== undefined && status >= 200 && status < 300) return 'deleted';
      if (status === 404) return 'gone';
      if (status === 401 || status === 403) continue;
      return { failure: `${remove.key} ${path} as ${role}: ${status === undefined ? exchange.error?.kind : `status ${status}`}` };
    }
    return { failure: `${remove.key} ${path}: refused for the creator and for admin` };
  }

  /** Deletes the run's contact that owns `item`, then reads `item` by id: true when it is gone (404). */
  private async removeWithContact(item: CreatedItem, contactPath: string): Promise<boolean> {
    const removeContact = this.families.find((family) => family.resource === 'contact')?.operations.delete;
    const read = item.family?.operations.read;
    if (removeContact === undefined || read === undefined) return false;
    this.forget(contactPath); // a contact the run created through POST /contacts goes now, not later
    if (typeof (await this.deleteAs(item, removeContact, contactPath)) === 'object') return false;
    const check = await this.send({ operation: read, path: item.path, auth: item.role, headers: item.headers });
    return check.response?.status === 404;
  }

  /**
   * `/contacts/<ulid>` of a create response's `data.contact`, only when that contact is surely the
   * run's own: its email is the one this request sent, and carries the run's stamp (`+<runId>-`)
   * in its local part. Deleting a contact deletes its tickets, so anything less (an address the
   * server normalised, a customer's contact the ticket was filed under) is left alone.
   */
  private runContactOf(body: unknown, sent: string | undefined): string | undefined {
    const contact = readPointer(body, '/data/contact') as { ulid?: unknown; email?: unknown } | undefined;
    if (this.runId === undefined || typeof contact?.ulid !== 'string' || typeof contact.email !== 'string') return undefined;
    const email = contact.email.toLowerCase();
    const local = email.slice(0, Math.max(0, email.lastIndexOf('@')));
    const stamped = local.includes(`+${this.runId.toLowerCase()}-`);
    const ownAddress = sent !== undefined && sentEmails(sent).has(email);
    return stamped && ownAddress ? `/contacts/${encodeURIComponent(contact.ulid)}` : undefined;
  }

  /** What is done with an item the API cannot delete: closed through a `status` action when there is one. */
  private async retire(item: CreatedItem): Promise<string> {
    const action = item.family?.actions.find((candidate) => candidate.name === 'status' && candidate.operation.method !== 'GET');
    const closed = action === undefined ? undefined : closedStatus(action.operation);
    if (action === undefined || closed === undefined) return `${item.resource} has no delete operation in the API`;
    const exchange = await this.send({
      operation: action.operation,
      path: `${item.path}/status`,
      auth: item.role,
      headers: item.headers,
      json: { status: closed },
    });
    const status = exchange.response?.status;
    if (status === 404) return `${item.resource} has no delete operation; it was already gone`;
    return status !== undefined && status >= 200 && status < 300
      ? `${item.resource} has no delete operation in the API: set to ${closed}; the run id is in its subject`
      : `${item.resource} has no delete operation in the API, and closing it failed (${status ?? exchange.error?.kind})`;
  }

  private forget(path: string): void {
    const index = this.items.findIndex((item) => item.path.toLowerCase() === path.toLowerCase());
    if (index >= 0) this.items.splice(index, 1);
  }

  /** A POST on a literal path under a collection (`/members/invite`): what it creates has no item path. */
  private isCollectionAction(operation: OperationModel): boolean {
    return this.families.some((family) => family.parent === undefined && family.actions.some((action) => action.operation === operation) && !operation.path.includes('{'));
  }
}

/** Every string in a JSON request body that looks like an email, lower-case. */
function sentEmails(body: string): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.includes('@')) found.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(body));
  } catch {
    // not JSON: nothing was sent as an email
  }
  return found;
}

function emptyReport(): CleanupReport {
  return { deleted: 0, alreadyGone: 0, leftBehind: [], failures: [] };
}

function pick(item: CreatedItem): Omit<LeftBehind, 'reason'> {
  return { resource: item.resource, id: item.id, path: item.path };
}

/** `closed` when the action's body takes a `status` whose enum has it. */
function closedStatus(operation: OperationModel): string | undefined {
  const media = Object.values(operation.requestBody?.content ?? {})[0];
  const schema = media?.schema as { properties?: Record<string, { enum?: unknown[] }> } | undefined;
  const values = schema?.properties?.status?.enum;
  return Array.isArray(values) && values.includes('closed') ? 'closed' : undefined;
}

function readPointer(value: unknown, pointer: string): unknown {
  let node = value;
  for (const key of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
