// Pagination over whole walks (tickets, contacts, a ticket's activity log), with and without
// filters and sorts: the links, the traversal (every item once, counts that add up) and the
// edges. A walk needs a collection nobody changes meanwhile, so each test makes its own scope:
// items it creates with a word no other test uses, listed through a filter on that word.
// Page sizes and sorts are drawn by fast-check; a failing walk shrinks to a smaller one.

import fc from 'fast-check';
import { skipOperation, test } from './fixtures.js';
import { runObservationChecks, type Observation } from '../core/checks/observations.js';
import { observationChecksById } from '../core/checks/registry.js';
import { findingsOf } from '../core/checks/run-checks.js';
import { boundaryQueries, integerBounds } from '../core/checks/_internals/page-bounds.js';
import { sortRulesOf } from '../core/checks/_internals/sort-rules.js';
import { walkListing, type ListRequest } from '../core/checks/_internals/walk-listing.js';
import type { CheckContext } from '../core/checks/context.js';
import type { Exchange } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import type { OperationModel } from '../core/spec/model.js';
import { propertyRun } from './support/property-run.js';
import type { WorkerClient } from './support/worker-client.js';
import { scopeEmail } from './support/scope-email.js';

test.describe.configure({ mode: 'parallel' });

const WALK_CHECKS = ['pagination-links', 'pagination-traversal'];
const SCOPE_SIZE = 7;

test('GET /tickets: walks of a scoped list by every page size and sort', async ({ client, spec, checkContext, runId, writesAllowed, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /tickets', 'read-only mode: the walk needs tickets of its own');
  const tickets = operationOf(spec.operation('GET /tickets'));
  const word = scopeWord(runId, testInfo.parallelIndex, 'pgt');
  await createTickets(client, spec.operation('POST /tickets'), word, SCOPE_SIZE, runId);
  const sorts = sortValues(tickets);
  const run = await propertyRun({
    arbitrary: fc.record({
      perPage: fc.integer({ min: 1, max: SCOPE_SIZE + 1 }),
      sort: fc.constantFrom(undefined, ...sorts),
      status: fc.constantFrom(undefined, 'open', 'open,waiting'),
    }),
    seed: caseSeed,
    numRuns: 6,
    execute: async ({ perPage, sort, status }) => {
      const query: Array<[string, string]> = [['filter[search]', word], ['per_page', String(perPage)]];
      if (sort !== undefined) query.push(['sort', sort]);
      if (status !== undefined) query.push(['filter[status]', status]);
      const listing = await walkListing(sender(client), { operation: tickets, path: '/tickets', query });
      return judged(checkContext, { kind: 'page-walk', listing }, WALK_CHECKS, coverage);
    },
  });
  await expectNoFindings(run.findings);
});

test('GET /contacts: walks of a scoped list by every page size and sort', async ({ client, spec, checkContext, runId, writesAllowed, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /contacts', 'read-only mode: the walk needs contacts of its own');
  const contacts = operationOf(spec.operation('GET /contacts'));
  const word = scopeWord(runId, testInfo.parallelIndex, 'pgc');
  const create = operationOf(spec.operation('POST /contacts'));
  for (let index = 0; index < SCOPE_SIZE; index += 1) {
    await client.send({ operation: create, path: '/contacts', json: { email: `${word}-${index}@example.test`, name: index % 3 === 0 ? null : `Page ${word} ${SCOPE_SIZE - index}` } });
  }
  const run = await propertyRun({
    arbitrary: fc.record({ perPage: fc.integer({ min: 1, max: SCOPE_SIZE + 1 }), sort: fc.constantFrom(undefined, ...sortValues(contacts)) }),
    seed: caseSeed,
    numRuns: 5,
    execute: async ({ perPage, sort }) => {
      const query: Array<[string, string]> = [['filter[email]', word], ['per_page', String(perPage)]];
      if (sort !== undefined) query.push(['sort', sort]);
      const listing = await walkListing(sender(client), { operation: contacts, path: '/contacts', query });
      return judged(checkContext, { kind: 'page-walk', listing }, WALK_CHECKS, coverage);
    },
  });
  await expectNoFindings(run.findings);
});

test('GET /tickets/{ticket}/activities: every page of an activity log', async ({ client, spec, checkContext, runId, writesAllowed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /tickets/{ticket}/activities', 'read-only mode: the log needs a ticket of its own');
  const activities = operationOf(spec.operation('GET /tickets/{ticket}/activities'));
  const word = scopeWord(runId, testInfo.parallelIndex, 'pga');
  const [ticket] = await createTickets(client, spec.operation('POST /tickets'), word, 1, runId);
  const note = operationOf(spec.operation('POST /tickets/{ticket}/note'));
  // More entries than one page holds: the default page size, read from the first page, plus two.
  const first = await client.send({ operation: activities, path: `/tickets/${ticket}/activities` });
  const perPage = metaNumber(first, 'per_page') ?? 25;
  for (let index = metaNumber(first, 'total') ?? 1; index < perPage + 2; index += 1) {
    await client.send({ operation: note, path: `/tickets/${ticket}/note`, json: { body: `<p>${word} note ${index}</p>` } });
  }
  const listing = await walkListing(sender(client), { operation: activities, path: `/tickets/${ticket}/activities` });
  const bounds: Observation = {
    kind: 'page-bounds',
    operation: activities,
    outOfRange: await Promise.all(boundaryQueries(activities).outOfRange.map((pair) => client.send({ operation: activities, path: `/tickets/${ticket}/activities`, query: [pair] }))),
    pastEnd: await client.send({ operation: activities, path: `/tickets/${ticket}/activities`, query: [['page', '9']] }),
  };
  await expectNoFindings([
    ...judged(checkContext, { kind: 'page-walk', listing }, WALK_CHECKS, coverage),
    ...judged(checkContext, bounds, ['pagination-bounds', 'pagination-links'], coverage),
  ]);
});

test('GET /tickets and GET /contacts: default and largest page size, values out of range, a page past the end', async ({ client, spec, checkContext, runId, writesAllowed, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /tickets', 'read-only mode: the bounds are read on tickets of its own');
  const word = scopeWord(runId, testInfo.parallelIndex, 'pgb');
  await createTickets(client, spec.operation('POST /tickets'), word, 3, runId);
  const findings: Finding[] = [];
  for (const [key, path, scope] of [
    ['GET /tickets', '/tickets', ['filter[search]', word]],
    ['GET /contacts', '/contacts', ['filter[email]', word]],
  ] as const) {
    const operation = operationOf(spec.operation(key));
    const perPage = integerBounds(operation, 'per_page') ?? {};
    const page = integerBounds(operation, 'page') ?? {};
    // Always the exact edges of the contract (per_page = maximum; maximum + 1, minimum - 1 and
    // page = 0 refused), then values outside the documented ranges drawn by fast-check on top:
    // too small, too large, not integers.
    const edges = boundaryQueries(operation);
    const drawn = fc.sample(
      fc.oneof(
        fc.tuple(fc.constant('per_page'), fc.integer({ min: -5, max: (perPage.minimum ?? 1) - 1 }).map(String)),
        fc.tuple(fc.constant('per_page'), fc.integer({ min: (perPage.maximum ?? 100) + 1, max: 10_000 }).map(String)),
        fc.tuple(fc.constant('page'), fc.integer({ min: -5, max: (page.minimum ?? 1) - 1 }).map(String)),
        fc.tuple(fc.constantFrom('page', 'per_page'), fc.constantFrom('1.5', 'two', '')),
      ),
      { seed: caseSeed, numRuns: 4 },
    ).filter(([, value]) => value !== '');
    const outside = [...edges.outOfRange, ...drawn.filter(([key, value]) => !edges.outOfRange.some(([k, v]) => k === key && v === value))];
    const get = (query: Array<[string, string]>) => client.send({ operation, path, query: [[scope[0], scope[1]], ...query] });
    const observation: Observation = {
      kind: 'page-bounds',
      operation,
      defaultSize: await get([]),
      ...(edges.largest === undefined ? {} : { largest: await get([edges.largest]) }),
      outOfRange: await Promise.all(outside.map((pair) => get([pair]))),
      pastEnd: await get([['per_page', '1'], ['page', '40']]),
    };
    findings.push(...judged(checkContext, observation, ['pagination-bounds', 'pagination-links'], coverage));
  }
  await expectNoFindings(findings);
});

// ---- helpers

function operationOf(operation: OperationModel | undefined): OperationModel {
  if (operation === undefined) throw new Error('openapi.yaml lacks an operation this spec needs.');
  return operation;
}

/** A word no other test's data contains: the run id, the worker and a purpose. */
function scopeWord(runId: string, worker: number, purpose: string): string {
  return `${runId.replace(/[^a-z0-9]/g, '')}${purpose}${worker}x${Date.now().toString(36)}`;
}

function sender(client: WorkerClient): (request: ListRequest) => Promise<Exchange> {
  return (request) => client.send(request);
}

function judged(context: CheckContext, observation: Observation, ids: readonly string[], coverage: { add(exchange: Exchange): void }): Finding[] {
  for (const exchange of exchangesIn(observation)) coverage.add(exchange);
  return findingsOf(runObservationChecks(observationChecksById(ids), observation, context));
}

function exchangesIn(observation: Observation): Exchange[] {
  if (observation.kind === 'page-walk') return observation.listing.pages;
  if (observation.kind === 'page-bounds') {
    return [observation.defaultSize, observation.largest, ...(observation.outOfRange ?? []), observation.pastEnd].filter((exchange): exchange is Exchange => exchange !== undefined);
  }
  return [];
}

/** Every documented sort value, both directions, from the operation's x-sort. */
function sortValues(operation: OperationModel): string[] {
  const rules = sortRulesOf(operation);
  return rules === undefined ? [] : Object.keys(rules.keys).flatMap((key) => [key, `-${key}`]);
}

function metaNumber(exchange: Exchange, key: string): number | undefined {
  const body = exchange.response?.json.kind === 'json' ? (exchange.response.json.value as { meta?: Record<string, unknown> }) : undefined;
  const value = body?.meta?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** Creates `count` tickets whose subject holds `word`; returns their ULIDs. */
async function createTickets(client: WorkerClient, create: OperationModel | undefined, word: string, count: number, runId: string): Promise<string[]> {
  const operation = operationOf(create);
  const channels = await client.send({ method: 'GET', path: '/channels' });
  const list = channels.response?.json.kind === 'json' ? (channels.response.json.value as { data?: Array<{ ulid: string }> }).data : undefined;
  const channel = list?.[0]?.ulid;
  if (channel === undefined) throw new Error(`GET /channels gave no channel to create tickets on (status ${channels.response?.status ?? channels.error?.kind}).`);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const exchange = await client.send({
      operation,
      path: '/tickets',
      json: { channel, subject: `${word} ticket ${index}`, from_contact: { email: scopeEmail(word, index, runId), name: `Scope ${index}` }, message: { body: `<p>${word}</p>` } },
    });
    const body = exchange.response?.json.kind === 'json' ? (exchange.response.json.value as { data?: { ulid?: string } }) : undefined;
    if (body?.data?.ulid === undefined) throw new Error(`POST /tickets did not create a ticket for the scope (status ${exchange.response?.status ?? exchange.error?.kind}).`);
    ids.push(body.data.ulid);
  }
  return ids;
}
