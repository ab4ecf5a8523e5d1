import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { filterSemantics } from '../../../core/checks/filters.js';
import type { FilterProbe, Listing } from '../../../core/checks/observations.js';
import { itemsNeedingDetail } from '../../../core/checks/_internals/needed-details.js';
import { walkListing } from '../../../core/checks/_internals/walk-listing.js';
import { buildApp } from '../../../target/app.js';
import { brokenProxy, editJson, queryOf, withQuery } from './_support/broken-proxy.js';
import { item, pagesOf } from './_support/hand-built.js';
import { injectSend } from './_support/inject-send.js';
import { assertObservationFail, assertObservationPass, assertObservationSkip, operation } from './_support/semantic-fixtures.js';

const tickets = operation('GET /tickets');
const contacts = operation('GET /contacts');
const STATUSES = ['open', 'waiting', 'closed'];
const ALL = Array.from({ length: 12 }, (_, index) =>
  item(index + 1, {
    status: STATUSES[index % 3],
    tags: index % 2 === 0 ? [{ ulid: '01HX00000000000000000000T1' }] : [],
    assignee: index % 4 === 0 ? null : { ulid: 'caller0000000000000000000a' },
    subject: index === 5 ? 'Printer on FIRE' : `Question ${index}`,
    contact: { name: 'Ann', email: 'ann@example.test' },
  }),
);
const listing = (items: readonly unknown[], query: Array<[string, string]>): Listing => ({
  operation: tickets,
  pages: pagesOf(tickets, items, 5, query),
});
const by = (test: (ticket: Record<string, unknown>) => boolean) => ALL.filter((ticket) => test(ticket));
const probe = (...listings: Listing[]): FilterProbe => ({ kind: 'filter-probe', operation: tickets, listings });

describe('filter-semantics, hand-built', () => {
  it('passes when every item matches and the lists relate as sets', () => {
    assertObservationPass(
      filterSemantics,
      probe(
        listing(ALL, []),
        listing(by((t) => t.status === 'open'), [['filter[status]', 'open']]),
        listing(by((t) => t.status === 'waiting'), [['filter[status]', 'waiting']]),
        listing(by((t) => t.status !== 'closed'), [['filter[status]', 'open,waiting']]),
        listing(by((t) => (t.tags as unknown[]).length > 0), [['filter[tag_ulids]', '01hx00000000000000000000t1']]),
        listing(by((t) => t.status === 'open' && (t.tags as unknown[]).length > 0), [['filter[status]', 'open'], ['filter[tag_ulids]', '01HX00000000000000000000T1']]),
        listing(by((t) => t.assignee === null), [['filter[unassigned]', 'true']]),
        listing(ALL, [['filter[unassigned]', 'false']]),
        listing(by((t) => String(t.subject).toLowerCase().includes('fire')), [['filter[search]', 'fIrE']]),
      ),
    );
  });

  it('fails on one wrong item, naming the item, its page and the filter', () => {
    const wrong = [...by((t) => t.status === 'open'), ALL[1]];
    const [finding] = assertObservationFail(filterSemantics, probe(listing(wrong, [['filter[status]', 'open']])));
    assert.match(finding?.title ?? '', /1 item\(s\) of \/tickets\?filter\[status\]=open&per_page=5 do not match filter\[status\]=open/);
    assert.match(finding?.actual ?? '', /01hx0000000000000000000002 on page 1: status="waiting"/);
  });

  it('fails when a two-value filter is not the union, and when it leaves out matching items', () => {
    const causes = assertObservationFail(
      filterSemantics,
      probe(
        listing(ALL, []),
        listing(by((t) => t.status === 'open'), [['filter[status]', 'open']]),
        listing(by((t) => t.status === 'waiting'), [['filter[status]', 'waiting']]),
        listing(by((t) => t.status === 'open'), [['filter[status]', 'open,waiting']]),
      ),
    ).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('not the union')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('leaves out matching items')));
  });

  it('fails when two filters are not the intersection and when a filtered list is not a subset', () => {
    const stranger = item(99, { status: 'open', tags: [{ ulid: '01HX00000000000000000000T1' }], assignee: null });
    const causes = assertObservationFail(
      filterSemantics,
      probe(
        listing(ALL, []),
        listing(by((t) => t.status === 'open'), [['filter[status]', 'open']]),
        listing(by((t) => (t.tags as unknown[]).length > 0), [['filter[tag_ulids]', '01hx00000000000000000000t1']]),
        listing([...by((t) => t.status === 'open' && (t.tags as unknown[]).length > 0), stranger], [['filter[status]', 'open'], ['filter[tag_ulids]', '01hx00000000000000000000t1']]),
      ),
    ).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('combined is not the intersection')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('not a subset')));
  });

  it('relates lists inside a shared scope (a search term on every list) as it does without one', () => {
    const scope: [string, string] = ['filter[search]', 'question'];
    const scoped = by((t) => String(t.subject).includes('Question'));
    const open = scoped.filter((t) => t.status === 'open');
    const tagged = scoped.filter((t) => (t.tags as unknown[]).length > 0);
    const both = open.filter((t) => (t.tags as unknown[]).length > 0);
    const tag: [string, string] = ['filter[tag_ulids]', '01hx00000000000000000000t1'];
    const scopedProbe = (combined: unknown[]) =>
      probe(listing(scoped, [scope]), listing(open, [scope, ['filter[status]', 'open']]), listing(tagged, [scope, tag]), listing(combined, [scope, ['filter[status]', 'open'], tag]));
    assertObservationPass(filterSemantics, scopedProbe(both));
    const causes = assertObservationFail(filterSemantics, scopedProbe(both.slice(1))).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('combined is not the intersection')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('filter[status] & filter[tag_ulids] leaves out matching items')));
  });

  it('reads details for search terms found only in messages, and judges them', () => {
    const quiet = item(50, { status: 'open', subject: 'Hello', contact: { name: 'Bo', email: 'bo@x.test' }, tags: [], assignee: null });
    const searched = probe(listing([quiet], [['filter[search]', 'invoice']]));
    assert.deepEqual([...itemsNeedingDetail(searched).keys()], ['01hx0000000000000000000050']);
    assertObservationPass(filterSemantics, { ...searched, details: { '01hx0000000000000000000050': { messages: [{ body_text: 'Your INVOICE' }] } } });
    assertObservationFail(filterSemantics, { ...searched, details: { '01hx0000000000000000000050': { messages: [{ body_text: 'Thanks' }] } } });
  });

  it('judges assigned_to_me against the caller, and skips without x-filter rules', () => {
    const mine = probe(listing(by((t) => t.assignee !== null), [['filter[assigned_to_me]', '1']]));
    assertObservationPass(filterSemantics, { ...mine, caller: { ulid: 'CALLER0000000000000000000A' } });
    assertObservationFail(filterSemantics, { ...mine, caller: { ulid: 'someoneelse000000000000000' } });
    const noRules = { ...operation('GET /tags'), parameters: [] };
    assert.match(assertObservationSkip(filterSemantics, { kind: 'filter-probe', operation: noRules, listings: [] }), /no filter/);
  });
});

describe('filter-semantics against the reference target in-process', () => {
  let target: FastifyInstance;
  before(async () => {
    target = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
  });
  after(async () => {
    await target.close();
  });

  /** A probe over the target's own data: values are picked from what the unfiltered list shows. */
  async function probeOn(app: FastifyInstance): Promise<FilterProbe[]> {
    const send = injectSend(app);
    const walk = (query: Array<[string, string]>, op = tickets, path = '/tickets') =>
      walkListing(send, { operation: op, path, query: [['per_page', '100'], ...query] });
    const all = await walk([]);
    const first = JSON.parse(all.pages[0]?.response?.bodyText ?? '{}').data as Array<Record<string, any>>;
    const tag = first.find((ticket) => ticket.tags.length > 0)?.tags[0].ulid as string;
    const channel = first[0]?.channel.ulid as string;
    const word = String(first[3]?.subject).split(' ')[0]?.slice(1, 5) ?? 'a';
    // A word of a message, so some matches show only in the ticket read by id.
    const detail = JSON.parse((await send({ operation: operation('GET /tickets/{ticket}'), path: `/tickets/${first[5]?.ulid}` })).response?.bodyText ?? '{}');
    const bodyWord = (String(detail.data.messages[0].body_text).match(/[A-Za-z]{6,}/g) ?? ['message']).sort((a, b) => b.length - a.length)[0] as string;
    const me = JSON.parse((await send({ path: '/me' })).response?.bodyText ?? '{}');
    const listings = await Promise.all(
      [
        [['filter[status]', 'open']], [['filter[status]', 'closed']], [['filter[status]', 'open,closed']],
        [['filter[tag_ulids]', tag]], [['filter[channel_ulids]', channel.toUpperCase()]],
        [['filter[status]', 'open'], ['filter[tag_ulids]', tag]],
        [['filter[unassigned]', 'true']], [['filter[assigned_to_me]', 'true']], [['filter[search]', word]], [['filter[search]', bodyWord]],
      ].map((query) => walk(query as Array<[string, string]>)),
    );
    assert.ok(me.data?.user?.ulid, 'GET /me names the caller');
    const ticketProbe: FilterProbe = { kind: 'filter-probe', operation: tickets, listings: [all, ...listings], caller: me.data.user };
    const details: Record<string, unknown> = {};
    const needed = itemsNeedingDetail(ticketProbe);
    assert.ok(needed.size > 0, 'the probe should need some tickets read by id');
    for (const [key] of needed) {
      details[key] = JSON.parse((await send({ operation: operation('GET /tickets/{ticket}'), path: `/tickets/${key}` })).response?.bodyText ?? '{}').data;
    }
    const contactAll = await walk([], contacts, '/contacts');
    const someone = JSON.parse(contactAll.pages[0]?.response?.bodyText ?? '{}').data[2];
    const contactListings = await Promise.all(
      [[['filter[name]', String(someone.name).slice(0, 3).toUpperCase()]], [['filter[email]', String(someone.email).slice(-8)]], [['filter[search]', 'an']]].map(
        (query) => walk(query as Array<[string, string]>, contacts, '/contacts'),
      ),
    );
    return [
      { ...ticketProbe, details },
      { kind: 'filter-probe', operation: contacts, listings: [contactAll, ...contactListings] },
    ];
  }

  it('passes on the clean target for tickets and contacts', async () => {
    for (const observation of await probeOn(target)) assertObservationPass(filterSemantics, observation);
  });

  it('fails on a server whose status filter lets one wrong item through', async () => {
    const proxy = await brokenProxy(target, {
      async answer(answer, request, forward) {
        const query = queryOf(request.url);
        const wanted = query.get('filter[status]');
        if (wanted === null || answer.status !== 200 || (query.get('page') ?? '1') !== '1') return answer;
        query.delete('filter[status]');
        const everything = JSON.parse((await forward({ ...request, url: withQuery(request.url, query) })).body).data as Array<{ status: string }>;
        const stranger = everything.find((ticket) => !wanted.split(',').includes(ticket.status));
        return editJson(answer, (body) => {
          if (stranger !== undefined && body.data.length > 0) body.data[0] = stranger;
        });
      },
    });
    const [ticketProbe] = await probeOn(proxy);
    assert.ok(ticketProbe);
    const causes = assertObservationFail(filterSemantics, ticketProbe).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('an item outside filter[status]')), causes.join('\n'));
    await proxy.close();
  });

  it('fails on a server that reads only the first value of a comma list', async () => {
    const proxy = await brokenProxy(target, {
      request(request) {
        const query = queryOf(request.url);
        const wanted = query.get('filter[status]');
        if (wanted !== null) query.set('filter[status]', wanted.split(',')[0] ?? '');
        return { ...request, url: withQuery(request.url, query) };
      },
    });
    const [ticketProbe] = await probeOn(proxy);
    assert.ok(ticketProbe);
    const causes = assertObservationFail(filterSemantics, ticketProbe).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('not the union')), causes.join('\n'));
    await proxy.close();
  });
});
