import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sortOrder } from '../../../core/checks/sorting.js';
import type { Listing, SortProbe } from '../../../core/checks/observations.js';
import { compareCodePoints } from '../../../core/checks/_internals/sort-rules.js';
import { walkListing } from '../../../core/checks/_internals/walk-listing.js';
import { buildApp } from '../../../target/app.js';
import { brokenProxy, editJson, queryOf, withQuery } from './_support/broken-proxy.js';
import { item, pagesOf } from './_support/hand-built.js';
import { injectSend } from './_support/inject-send.js';
import { assertObservationFail, assertObservationPass, operation } from './_support/semantic-fixtures.js';

const tickets = operation('GET /tickets');
const contacts = operation('GET /contacts');
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T10:00:00+00:00`;
// Ascending by created_at then id: ties on days 3 and 5.
const ASCENDING = [1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8].map((day, index) => item(index + 1, { created_at: at(day) }));
const listing = (items: readonly unknown[], query: Array<[string, string]>, op = tickets): Listing => ({ operation: op, pages: pagesOf(op, items, 4, query) });
const probe = (...listings: Listing[]): SortProbe => ({ kind: 'sort-probe', operation: listings[0]?.operation ?? tickets, listings });

describe('sort-order, hand-built', () => {
  it('passes on both directions with the id tie-break, across pages', () => {
    assertObservationPass(sortOrder, probe(listing(ASCENDING, [['sort', 'created_at']]), listing([...ASCENDING].reverse(), [['sort', '-created_at']])));
  });

  it('fails on a descending sort that is ascending, naming the pair and its pages', () => {
    const [finding] = assertObservationFail(sortOrder, probe(listing(ASCENDING, [['sort', '-created_at']])));
    assert.match(finding?.title ?? '', /not descending by created_at/);
    assert.match(finding?.actual ?? '', /\(page 1, created_at="2026-01-01T10:00:00\+00:00"\) before/);
  });

  it('fails on ties broken the wrong way, and on descending that is not the reverse', () => {
    const wrongTies = [...ASCENDING].reverse();
    [wrongTies[6], wrongTies[7]] = [wrongTies[7] as Record<string, unknown>, wrongTies[6] as Record<string, unknown>];
    const causes = assertObservationFail(sortOrder, probe(listing(ASCENDING, [['sort', 'created_at']]), listing(wrongTies, [['sort', '-created_at']]))).map(
      (finding) => finding.dedupKey,
    );
    assert.ok(causes.some((key) => key.includes('sort=-created_at tie-break wrong')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('-created_at is not the reverse of created_at')));
  });

  it('judges the default without sort, and nulls first ascending, last descending', () => {
    const byName = ['Ann', null, 'bob', 'Émile', 'Zed', '𝒜bc', 'ab'].map((name, index) => item(index + 1, { name }));
    const ascending = [...byName].sort((a, b) =>
      a.name === null ? -1 : b.name === null ? 1 : compareCodePoints(String(a.name), String(b.name)) || Number(a.id) - Number(b.id),
    );
    assertObservationPass(sortOrder, probe(listing(ascending, [], contacts), listing([...ascending].reverse(), [['sort', '-name']], contacts)));
    const nullsLast = [...ascending.slice(1), ascending[0]];
    const [finding] = assertObservationFail(sortOrder, probe(listing(nullsLast, [['sort', 'name']], contacts)));
    assert.match(finding?.dedupKey ?? '', /nulls misplaced/);
    const [defaultFinding] = assertObservationFail(sortOrder, probe(listing([...ascending].reverse(), [], contacts)));
    assert.match(defaultFinding?.dedupKey ?? '', /sort=name \(default\) out of order/);
  });
});

describe('sort-order against the reference target in-process', () => {
  let target: FastifyInstance;
  before(async () => {
    target = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
  });
  after(async () => {
    await target.close();
  });

  async function probesOn(app: FastifyInstance): Promise<SortProbe[]> {
    const send = injectSend(app);
    const walk = (op: typeof tickets, path: string, sort: string | undefined) =>
      walkListing(send, { operation: op, path, query: [['per_page', '30'], ...(sort === undefined ? [] : [['sort', sort] as [string, string]])] });
    const ticketSorts = [undefined, 'created_at', '-created_at', 'updated_at', '-updated_at', 'last_activity_at', '-last_activity_at'];
    const contactSorts = [undefined, 'name', '-name', 'created_at', '-created_at', 'last_activity', '-last_activity'];
    return [
      { kind: 'sort-probe', operation: tickets, listings: await Promise.all(ticketSorts.map((sort) => walk(tickets, '/tickets', sort))) },
      { kind: 'sort-probe', operation: contacts, listings: await Promise.all(contactSorts.map((sort) => walk(contacts, '/contacts', sort))) },
    ];
  }

  it('passes on the clean target for every documented key, both directions and the default', async () => {
    for (const observation of await probesOn(target)) assertObservationPass(sortOrder, observation);
  });

  it('fails on a server whose descending sorts are ascending', async () => {
    const proxy = await brokenProxy(target, {
      request(request) {
        const query = queryOf(request.url);
        const sort = query.get('sort');
        if (sort?.startsWith('-') === true) query.set('sort', sort.slice(1));
        return { ...request, url: withQuery(request.url, query) };
      },
    });
    const causes = (await probesOn(proxy)).flatMap((observation) => assertObservationFail(sortOrder, observation)).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('sort=-created_at out of order')), causes.join('\n'));
    await proxy.close();
  });

  it('fails on a server that breaks ties by id ascending whatever the direction', async () => {
    const proxy = await brokenProxy(target, {
      answer: (answer, request) =>
        editJson(answer, (body) => {
          const sort = queryOf(request.url).get('sort') ?? '-updated_at';
          if (!Array.isArray(body.data) || !sort.startsWith('-')) return;
          const field = sort.slice(1) === 'last_activity' ? 'last_activity_at' : sort.slice(1);
          body.data.sort((a: any, b: any) => (a[field] === b[field] ? a.id - b.id : 0));
        }),
    });
    const [ticketProbe] = await probesOn(proxy);
    assert.ok(ticketProbe);
    const causes = assertObservationFail(sortOrder, ticketProbe).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('tie-break wrong')), causes.join('\n'));
    await proxy.close();
  });
});
