// Every resource the contract lets the suite create, from create to delete: what was written is
// read back (field by field, per x-read-back), an update survives fresh reads and list reads
// and leaves the fields it did not send alone, a new item shows in exactly the lists whose
// filters let it through, and a deleted one is gone everywhere and takes no writes or children.
// Then every action that documents an x-effect (tag attach and detach, twice too; status,
// assignee and team; reply, note, forward) on a ticket of the test's own, read before and after.
// Bodies are generated (fast-check) from the contract and stamped with the run id.

import fc from 'fast-check';
import { skipOperation, test } from './fixtures.js';
import { runObservationChecks, type Lifecycle, type LifecycleUpdate, type Listing } from '../core/checks/observations.js';
import { observationChecksById } from '../core/checks/registry.js';
import { findingsOf } from '../core/checks/run-checks.js';
import { activeFilters, filterRulesOf } from '../core/checks/_internals/filter-rules.js';
import { valueAt } from '../core/checks/_internals/field-path.js';
import { walkListing } from '../core/checks/_internals/walk-listing.js';
import type { Exchange } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import type { OperationModel } from '../core/spec/model.js';
import type { RunContext } from '../generators/types.js';
import { validRequest } from '../generators/valid-request.js';
import { ResourceFactory } from './support/resource-factory.js';
import { suiteSpec } from './support/suite-spec.js';
import { fillPath, toApiRequest } from './support/to-api-request.js';
import type { WorkerClient } from './support/worker-client.js';

test.describe.configure({ mode: 'parallel' });

const LIFECYCLE_CHECKS = ['read-after-write', 'update-persisted', 'create-visible-in-list', 'use-after-delete'];
const NO_MATCH = 'zzq-no-such-term';

/** Families with a create and a read by id, known when Playwright collects the tests. */
const lifecycleFamilies = suiteSpec().operations.filter((operation) => operation.method === 'POST' && !/\}$/.test(operation.path));

for (const create of lifecycleFamilies) {
  test(`${create.key}: create, read, list, update, delete`, async ({ client, families, created, harvest, stamp, seed, caseSeed, checkContext, writesAllowed, whoami, coverage, expectNoFindings }) => {
    const family = families.find((candidate) => candidate.operations.create === create);
    if (!writesAllowed) return skipOperation(create.key, 'read-only mode');
    if (family === undefined || family.kind !== 'collection' || family.operations.read === undefined) {
      return skipOperation(create.key, 'not the create of a family with a read by id (an action)');
    }
    await harvest.collect();
    const role = client.nextPoolRole();
    const factory = new ResourceFactory(client, created, () => harvest.context(), stamp, seed);
    const context = (): RunContext => harvest.context();
    const sent: Exchange[] = [];
    const send = async (request: Parameters<WorkerClient['send']>[0]): Promise<Exchange> => {
      const exchange = await client.send({ ...request, auth: role });
      sent.push(exchange);
      return exchange;
    };

    // Parents first, made by the same role.
    const params: Record<string, string> = {};
    for (let parent = family.parent; parent !== undefined; parent = parent.parent) {
      const made = await factory.create(parent, params, role);
      if (made.item === undefined || parent.itemParam === undefined) return skipOperation(create.key, `its parent ${parent.resource} could not be created (status ${made.exchange.response?.status})`);
      params[parent.itemParam] = made.item.id;
    }
    const listPath = fillPath(family.collectionPath, params);
    const list = family.operations.list;
    // A first read of the list: a cache filled now must still show what comes next.
    if (list !== undefined) await send({ operation: list, path: listPath });

    const made = await factory.create(family, params, role);
    sent.push(made.exchange);
    if (made.item === undefined || family.itemParam === undefined) {
      return skipOperation(create.key, `the create was refused (status ${made.exchange.response?.status ?? made.exchange.error?.kind}); positive-accepted reports it`);
    }
    const itemParams = { ...params, [family.itemParam]: made.item.id };
    const read = family.operations.read as OperationModel;
    const readItem = () => send({ operation: read, path: fillPath(read.path, itemParams) });
    const lists = (item: unknown): Promise<Listing[]> => (list === undefined ? Promise.resolve([]) : listingsFor(send, list, listPath, item));

    const lifecycle: Lifecycle = { kind: 'lifecycle', create: made.exchange, caller: (await whoami(role)) ?? {} };
    lifecycle.readsAfterCreate = [await readItem()];
    lifecycle.listingsAfterCreate = await lists(dataOf(lifecycle.readsAfterCreate[0]));

    const update = family.operations.update;
    if (update !== undefined) {
      const body = generatedBody(update, context(), caseSeed);
      const before = await readItem();
      const answer = await send({ operation: update, path: fillPath(update.path, itemParams), ...(body === undefined ? {} : { json: stamp(update.key, body) }) });
      const reads = [await readItem()];
      lifecycle.updates = [{ before, update: answer, reads, listings: await lists(dataOf(reads[0])) }];
    }

    const remove = family.operations.delete;
    if (remove !== undefined) {
      lifecycle.delete = await send({ operation: remove, path: fillPath(remove.path, itemParams) });
      const writes: Exchange[] = [];
      if (update !== undefined) {
        const body = generatedBody(update, context(), caseSeed + 1);
        writes.push(await send({ operation: update, path: fillPath(update.path, itemParams), ...(body === undefined ? {} : { json: stamp(update.key, body) }) }));
      }
      for (const child of families.filter((candidate) => candidate.parent === family && candidate.operations.create !== undefined)) {
        const childCreate = child.operations.create as OperationModel;
        const body = generatedBody(childCreate, context(), caseSeed + 2);
        writes.push(await send({ operation: childCreate, path: fillPath(childCreate.path, itemParams), ...(body === undefined ? {} : { json: stamp(childCreate.key, body) }) }));
      }
      lifecycle.afterDelete = { reads: [await readItem()], listings: await lists(dataOf(lifecycle.readsAfterCreate[0])), writes };
    }
    for (const exchange of sent) coverage.add(exchange);
    await expectNoFindings(judged(checkContext, lifecycle));
  });
}

test('ticket actions: each documented effect shows in the ticket read before and after', async ({ client, families, created, harvest, stamp, seed, caseSeed, checkContext, writesAllowed, whoami, coverage, expectNoFindings }) => {
  const spec = suiteSpec();
  const tickets = families.find((family) => family.resource === 'ticket' && family.kind === 'collection');
  if (!writesAllowed || tickets?.itemParam === undefined || tickets.operations.read === undefined) return skipOperation('POST /tickets', 'read-only mode, or no ticket family');
  await harvest.collect();
  const role = client.nextPoolRole();
  const caller = (await whoami(role)) ?? {};
  const factory = new ResourceFactory(client, created, () => harvest.context(), stamp, seed);
  const made = await factory.create(tickets, {}, role);
  if (made.item === undefined) return skipOperation('POST /tickets', `the create was refused (status ${made.exchange.response?.status})`);
  const ticket = made.item.id;
  const read = tickets.operations.read;
  const send = (request: Parameters<WorkerClient['send']>[0]) => client.send({ ...request, auth: role });
  const readTicket = () => send({ operation: read, path: fillPath(read.path, { [tickets.itemParam as string]: ticket }) });
  // Values that name real things: the caller as assignee, harvested tags and teams.
  const context = harvest.context();
  const ulids = context.ulids ?? {};
  const callerUlid = typeof caller.ulid === 'string' ? caller.ulid : undefined;
  const withCaller: RunContext = { ...context, ulids: { ...ulids, ...(callerUlid === undefined ? {} : { user: [callerUlid], assignee: [callerUlid] }) } };
  const actions = spec.operations.filter((operation) => (operation.extensions['x-effect'] as { target?: string } | undefined)?.target === tickets.itemParam);
  // Attach before detach, and every attach twice (the second must change nothing).
  const ordered = [...actions].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const updates: LifecycleUpdate[] = [];
  for (const action of ordered) {
    const times = action.method === 'DELETE' || (action.extensions['x-effect'] as { contains?: unknown }).contains === undefined ? 1 : 2;
    const [generated] = fc.sample(validRequest(action, withCaller), { numRuns: 1, seed: caseSeed + updates.length });
    if (generated === undefined) continue;
    const params: Record<string, string> = { [tickets.itemParam]: ticket };
    for (const name of Object.keys(generated.pathParams)) {
      const values = ulids[name];
      if (name !== tickets.itemParam && values !== undefined && values.length > 0) params[name] = values[0] as string;
    }
    for (let time = 0; time < times; time += 1) {
      const before = await readTicket();
      const body = generated.body === undefined ? undefined : stamp(action.key, generated.body);
      const update = await send(toApiRequest(action, { ...generated, ...(body === undefined ? {} : { body }) }, { params, role }));
      updates.push({ before, update, reads: [await readTicket()] });
    }
  }
  const lifecycle: Lifecycle = { kind: 'lifecycle', caller, create: made.exchange, readsAfterCreate: [await readTicket()], updates };
  for (const exchange of [made.exchange, ...updates.flatMap((update) => [update.update, ...(update.reads ?? [])])]) coverage.add(exchange);
  await expectNoFindings(judged(checkContext, lifecycle, ['read-after-write', 'update-persisted']));
});

// ---- helpers

function dataOf(exchange: Exchange | undefined): unknown {
  return exchange?.response?.json.kind === 'json' ? (exchange.response.json.value as { data?: unknown }).data : undefined;
}

function generatedBody(operation: OperationModel, context: RunContext, seed: number): unknown {
  if (operation.requestBody === undefined) return undefined;
  const [generated] = fc.sample(validRequest(operation, context), { numRuns: 1, seed });
  return generated?.body;
}

/**
 * The lists to look for an item in. An unpaginated list: the list itself. A paginated one is
 * too big and too busy to walk whole, so it is read through its search-like filters (x-filter
 * `contains-ci`): once with a term the item holds (it must be there) and once with a term it
 * does not (it must not); the check decides both from the same x-filter.
 */
async function listingsFor(send: (request: Parameters<WorkerClient['send']>[0]) => Promise<Exchange>, list: OperationModel, path: string, item: unknown): Promise<Listing[]> {
  const paginated = list.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'page');
  if (!paginated) return [await walkListing(send, { operation: list, path })];
  const listings: Listing[] = [];
  for (const [param, rule] of filterRulesOf(list)) {
    if (rule.match !== 'contains-ci') continue;
    const term = rule.fields.map((field) => valueAt(item, field)).find((value): value is string => typeof value === 'string' && value.trim().length >= 3);
    if (term === undefined) continue;
    for (const value of [term, `${term}${NO_MATCH}`]) {
      if (activeFilters(filterRulesOf(list), [[param, value]]).length === 0) continue;
      listings.push(await walkListing(send, { operation: list, path, query: [[param, value]] }));
    }
    if (listings.length >= 2) break;
  }
  return listings;
}

function judged(context: Parameters<typeof runObservationChecks>[2], lifecycle: Lifecycle, ids: readonly string[] = LIFECYCLE_CHECKS): Finding[] {
  return findingsOf(runObservationChecks(observationChecksById(ids), lifecycle, context));
}

