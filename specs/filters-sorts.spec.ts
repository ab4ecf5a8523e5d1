// Every documented filter and sort, judged by what the contract's x-filter and x-sort say they
// mean. Each test builds a scope of its own (tickets or contacts with a word no other test
// uses, given varied statuses, tags, channels, assignees and names) so the lists it compares do
// not change meanwhile; fast-check draws the filter values, their spellings and the page sizes,
// and a failing combination shrinks to a smaller one.

import fc from 'fast-check';
import { skipOperation, test } from './fixtures.js';
import { runObservationChecks, type FilterProbe, type Listing, type SortProbe } from '../core/checks/observations.js';
import { observationChecksById } from '../core/checks/registry.js';
import { findingsOf } from '../core/checks/run-checks.js';
import { valuesAt } from '../core/checks/_internals/field-path.js';
import { filterRulesOf } from '../core/checks/_internals/filter-rules.js';
import { itemsNeedingDetail } from '../core/checks/_internals/needed-details.js';
import { sortRulesOf } from '../core/checks/_internals/sort-rules.js';
import { walkListing } from '../core/checks/_internals/walk-listing.js';
import type { Exchange } from '../core/exchange.js';
import type { OperationModel } from '../core/spec/model.js';
import { propertyRun } from './support/property-run.js';
import type { WorkerClient } from './support/worker-client.js';
import { scopeEmail } from './support/scope-email.js';

test.describe.configure({ mode: 'parallel' });

const STATUSES = ['open', 'waiting', 'closed', 'spam'];
const TRUE = ['true', '1'];
const FALSE = ['false', '0'];

interface TicketScope {
  word: string;
  role: string;
  caller: Record<string, unknown> | undefined;
  tags: string[];
  channels: string[];
  members: string[];
}

test('GET /tickets: every filter, its spellings and combinations, within a scope of its own', async ({ client, spec, checkContext, runId, writesAllowed, whoami, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /tickets', 'read-only mode: the filters are judged on tickets of its own');
  const list = need(spec.operation('GET /tickets'));
  const detail = need(spec.operation('GET /tickets/{ticket}'));
  const scope = await ticketScope(client, spec.operation.bind(spec), whoami, `${word(runId, testInfo.parallelIndex)}f`, 8, runId);
  const send = (request: Parameters<WorkerClient['send']>[0]) => client.send({ ...request, auth: scope.role });
  const walk = (query: Array<[string, string]>, perPage: number) =>
    walkListing(send, { operation: list, path: '/tickets', query: [['filter[search]', scope.word], ['per_page', String(perPage)], ...query] });
  // Every filter alone, with every value the scope shows (and every spelling of a boolean).
  const base = await walk([], 100);
  const singles = singleFilterQueries(list, base, 'filter[search]');
  const singleListings: Listing[] = [base];
  for (const query of singles) singleListings.push(await walk(query, 100));
  const singleProbe: FilterProbe = { kind: 'filter-probe', operation: list, listings: singleListings, ...(scope.caller === undefined ? {} : { caller: scope.caller }) };
  const singleDetails: Record<string, unknown> = {};
  for (const [key] of itemsNeedingDetail(singleProbe)) singleDetails[key] = dataOf(await send({ operation: detail, path: `/tickets/${key}` }));
  for (const listing of singleListings) for (const page of listing.pages) coverage.add(page);
  const singleFindings = findingsOf(runObservationChecks(observationChecksById(['filter-semantics']), { ...singleProbe, details: singleDetails }, checkContext));

  const filterArbitrary = fc.record(
    {
      'filter[status]': fc.subarray(STATUSES, { minLength: 1, maxLength: 2 }).map((values) => values.join(',')),
      'filter[tag_ulids]': fc.subarray(scope.tags, { minLength: 1, maxLength: 2 }).map((values) => values.join(',')),
      'filter[channel_ulids]': fc.subarray(scope.channels, { minLength: 1, maxLength: 2 }).map((values) => values.join(',')),
      'filter[unassigned]': fc.constantFrom(...TRUE, ...FALSE),
      'filter[assigned_to_me]': fc.constantFrom(...TRUE, ...FALSE),
      'filter[assigned_user_ulid]': fc.constantFrom(...scope.members),
    },
    { requiredKeys: [] },
  );
  const run = await propertyRun({
    arbitrary: fc.record({ filters: filterArbitrary.filter((filters) => Object.keys(filters).length > 0), perPage: fc.integer({ min: 2, max: 9 }) }),
    seed: caseSeed,
    numRuns: 6,
    execute: async ({ filters, perPage }) => {
      const pairs = Object.entries(filters) as Array<[string, string]>;
      const queries: Array<Array<[string, string]>> = [[], pairs, ...pairs.map((pair) => [pair])];
      // A list filter with several values, asked value by value too (the union relation).
      for (const [name, value] of pairs) if (value.includes(',')) for (const single of value.split(',')) queries.push([...pairs.filter(([other]) => other !== name), [name, single]]);
      const listings: Listing[] = [];
      for (const query of queries) listings.push(await walk(query, perPage));
      const probe: FilterProbe = { kind: 'filter-probe', operation: list, listings, ...(scope.caller === undefined ? {} : { caller: scope.caller }) };
      const details: Record<string, unknown> = {};
      for (const [key] of itemsNeedingDetail(probe)) details[key] = dataOf(await send({ operation: detail, path: `/tickets/${key}` }));
      for (const listing of listings) for (const page of listing.pages) coverage.add(page);
      return findingsOf(runObservationChecks(observationChecksById(['filter-semantics', 'pagination-traversal']), { ...probe, details }, checkContext));
    },
  });
  await expectNoFindings([...singleFindings, ...run.findings.entries().map((entry) => entry.finding)]);
});

test('GET /contacts: name, email and search filters within a scope of its own', async ({ client, spec, checkContext, runId, writesAllowed, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /contacts', 'read-only mode: the filters are judged on contacts of its own');
  const list = need(spec.operation('GET /contacts'));
  const scope = `${word(runId, testInfo.parallelIndex)}c`;
  const names = await contactScope(client, need(spec.operation('POST /contacts')), scope);
  const walk = (query: Array<[string, string]>) => walkListing((request) => client.send(request), { operation: list, path: '/contacts', query: [['per_page', '50'], ...query] });
  const run = await propertyRun({
    // Terms: a piece of one of the scope's names or emails, in any case, always with the scope word.
    arbitrary: fc.record({
      field: fc.constantFrom('filter[name]', 'filter[email]', 'filter[search]'),
      name: fc.constantFrom(...names),
      upper: fc.boolean(),
    }),
    seed: caseSeed,
    numRuns: 6,
    execute: async ({ field, name, upper }) => {
      const term = upper ? scope.toUpperCase() : scope;
      const piece = field === 'filter[email]' ? `${scope}-${names.indexOf(name)}` : name.split(' ')[0] ?? name;
      const listings = [await walk([['filter[search]', term]]), await walk([['filter[search]', term], [field, piece]])];
      for (const listing of listings) for (const page of listing.pages) coverage.add(page);
      return findingsOf(runObservationChecks(observationChecksById(['filter-semantics']), { kind: 'filter-probe', operation: list, listings }, checkContext));
    },
  });
  await expectNoFindings(run.findings);
});

test('GET /tickets and GET /contacts: every sort key, both directions, the default, across pages', async ({ client, spec, checkContext, runId, writesAllowed, whoami, caseSeed, coverage, expectNoFindings }, testInfo) => {
  if (!writesAllowed) return skipOperation('GET /tickets', 'read-only mode: the sorts are judged on items of its own');
  const base = word(runId, testInfo.parallelIndex);
  const scope = await ticketScope(client, spec.operation.bind(spec), whoami, `${base}s`, 7, runId);
  const contactWord = `${base}o`;
  await contactScope(client, need(spec.operation('POST /contacts')), contactWord);
  const targets: Array<{ operation: OperationModel; path: string; scope: [string, string] }> = [
    { operation: need(spec.operation('GET /tickets')), path: '/tickets', scope: ['filter[search]', scope.word] },
    { operation: need(spec.operation('GET /contacts')), path: '/contacts', scope: ['filter[email]', contactWord] },
  ];
  const run = await propertyRun({
    arbitrary: fc.integer({ min: 2, max: 5 }),
    seed: caseSeed,
    numRuns: 3,
    execute: async (perPage) => {
      const findings = [];
      for (const { operation, path, scope: pair } of targets) {
        const rules = sortRulesOf(operation);
        const sorts = rules === undefined ? [] : Object.keys(rules.keys).flatMap((key) => [key, `-${key}`]);
        const listings: Listing[] = [];
        for (const sort of [undefined, ...sorts]) {
          const query: Array<[string, string]> = [pair, ['per_page', String(perPage)], ...(sort === undefined ? [] : [['sort', sort] as [string, string]])];
          listings.push(await walkListing((request) => client.send({ ...request, auth: scope.role }), { operation, path, query }));
        }
        for (const listing of listings) for (const page of listing.pages) coverage.add(page);
        const probe: SortProbe = { kind: 'sort-probe', operation, listings };
        findings.push(...findingsOf(runObservationChecks(observationChecksById(['sort-order', 'pagination-links']), probe, checkContext)));
      }
      return findings;
    },
  });
  await expectNoFindings(run.findings);
});

// ---- scopes

/**
 * One query per filter parameter (per its x-filter) and value: enum values of a list filter,
 * values the scope's items show at the filter's field, both spellings of true and of false.
 * Search-like filters (`contains-ci`) and `scopeParam` are left to the scope and the properties.
 */
function singleFilterQueries(operation: OperationModel, base: Listing, scopeParam: string): Array<Array<[string, string]>> {
  const items = base.pages.flatMap((page) => (dataOf(page) ?? []) as unknown[]);
  const queries: Array<Array<[string, string]>> = [];
  for (const [param, rule] of filterRulesOf(operation)) {
    if (param === scopeParam || rule.match === 'contains-ci') continue;
    if (rule.match === 'null-when-true' || rule.match === 'caller-when-true') {
      for (const spelling of [...TRUE, ...FALSE]) queries.push([[param, spelling]]);
      continue;
    }
    const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && candidate.name === param);
    const items_ = (parameter?.schema as { items?: { enum?: unknown[] } } | undefined)?.items;
    const enumerated = Array.isArray(items_?.enum) ? items_.enum.map(String) : [];
    const observed = items.flatMap((item) => rule.fields.flatMap((field) => valuesAt(item, field))).filter((value): value is string => typeof value === 'string');
    for (const value of new Set([...enumerated, ...observed])) queries.push([[param, value]]);
  }
  return queries;
}

function need(operation: OperationModel | undefined): OperationModel {
  if (operation === undefined) throw new Error('openapi.yaml lacks an operation this spec needs.');
  return operation;
}

function word(runId: string, worker: number): string {
  return `${runId.replace(/[^a-z0-9]/g, '')}w${worker}x${Date.now().toString(36)}`;
}

function dataOf(exchange: Exchange): any {
  return exchange.response?.json.kind === 'json' ? (exchange.response.json.value as { data?: unknown }).data : undefined;
}

/**
 * `count` tickets with `word` in their subject, over the workspace's channels, with varied
 * statuses, tags and assignees (the caller, another member, nobody), all made by one role.
 */
async function ticketScope(
  client: WorkerClient,
  operation: (key: string) => OperationModel | undefined,
  whoami: (role: string) => Promise<Record<string, unknown> | undefined>,
  word: string,
  count: number,
  runId: string,
): Promise<TicketScope> {
  const role = client.nextPoolRole();
  const send = (request: Parameters<WorkerClient['send']>[0]) => client.send({ ...request, auth: role });
  const caller = await whoami(role);
  const channels = ((dataOf(await send({ method: 'GET', path: '/channels' })) ?? []) as Array<{ ulid: string }>).map((item) => item.ulid);
  const tags = ((dataOf(await send({ method: 'GET', path: '/tags' })) ?? []) as Array<{ ulid: string }>).map((item) => item.ulid).slice(0, 3);
  const members = ((dataOf(await send({ method: 'GET', path: '/members' })) ?? []) as Array<{ ulid: string }>).map((item) => item.ulid);
  const others = members.filter((ulid) => ulid !== caller?.ulid);
  if (channels.length === 0) throw new Error('The workspace has no channel to create the scope tickets on.');
  for (let index = 0; index < count; index += 1) {
    const created = await send({
      operation: operation('POST /tickets'),
      method: 'POST',
      path: '/tickets',
      json: { channel: channels[index % channels.length], subject: `${word} subject ${index}`, from_contact: { email: scopeEmail(word, index, runId), name: `Scope ${index}` }, message: { body: `<p>Body ${index}</p>` } },
    });
    const ulid = (dataOf(created) as { ulid?: string } | undefined)?.ulid;
    if (ulid === undefined) throw new Error(`POST /tickets did not create a scope ticket (status ${created.response?.status ?? created.error?.kind}).`);
    const at = `/tickets/${ulid}`;
    const status = STATUSES[index % STATUSES.length] as string;
    if (status !== 'open') await send({ operation: operation('PUT /tickets/{ticket}/status'), method: 'PUT', path: `${at}/status`, json: { status } });
    for (const [position, tag] of tags.entries()) {
      if ((index + position) % 3 === 0) await send({ operation: operation('POST /tickets/{ticket}/tags/{tag}'), method: 'POST', path: `${at}/tags/${tag}` });
    }
    const assignee = index % 3 === 0 ? caller?.ulid : index % 3 === 1 ? others[index % Math.max(1, others.length)] : undefined;
    if (typeof assignee === 'string') await send({ operation: operation('PUT /tickets/{ticket}/assignee'), method: 'PUT', path: `${at}/assignee`, json: { assignee_ulid: assignee } });
  }
  return { word, role, caller, tags, channels, members: members.length > 0 ? members : ['01hx0000000000000000000000'] };
}

/** Contacts whose email holds `word`, with names that sort differently by code point, and no name. */
async function contactScope(client: WorkerClient, create: OperationModel, word: string): Promise<string[]> {
  const names = [`Émile ${word}`, `zoe ${word}`, `Zed ${word}`, `ann ${word}`, `Ann ${word}`, `𝒜da ${word}`];
  for (const [index, name] of [...names, null].entries()) {
    await client.send({ operation: create, path: '/contacts', json: { email: `${word}-${index}@example.test`, name } });
  }
  return names;
}
