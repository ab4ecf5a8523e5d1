import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { paginationBounds, paginationLinks, paginationTraversal } from '../../../core/checks/pagination.js';
import type { PageBounds, PageWalk } from '../../../core/checks/observations.js';
import { boundaryQueries } from '../../../core/checks/_internals/page-bounds.js';
import { walkListing } from '../../../core/checks/_internals/walk-listing.js';
import { buildApp } from '../../../target/app.js';
import { brokenProxy, editJson, queryOf, withQuery } from './_support/broken-proxy.js';
import { handBuilt, item, pageOf, pagesOf } from './_support/hand-built.js';
import { injectSend } from './_support/inject-send.js';
import { assertObservationFail, assertObservationPass, assertObservationSkip, operation } from './_support/semantic-fixtures.js';

const tickets = operation('GET /tickets');
const activities = operation('GET /tickets/{ticket}/activities');
const ITEMS = Array.from({ length: 23 }, (_, index) => item(index + 1));
const walk = (pages: PageWalk['listing']['pages']): PageWalk => ({ kind: 'page-walk', listing: { operation: tickets, pages } });

describe('pagination-links, hand-built', () => {
  it('passes on links that keep every parameter, in any encoding', () => {
    const pages = pagesOf(tickets, ITEMS, 5, [['filter[status]', 'open,waiting'], ['sort', '-created_at']]);
    assertObservationPass(paginationLinks, walk(pages));
    const reencoded = pages.map((page) => {
      const body = JSON.parse(page.response?.bodyText ?? '{}');
      for (const name of ['first', 'last', 'prev', 'next']) {
        if (typeof body.links[name] === 'string') body.links[name] = body.links[name].replace('[', '%5B').replace(']', '%5D').replace(',', '%2C');
      }
      return handBuilt({ operation: tickets, query: page.request.query, body });
    });
    assertObservationPass(paginationLinks, walk(reencoded));
  });

  it('fails on a link that drops the sort, names the page and the parameter', () => {
    const pages = pagesOf(tickets, ITEMS, 5, [['sort', '-created_at']]);
    const second = pages[1];
    assert.ok(second);
    const body = JSON.parse(second.response?.bodyText ?? '{}');
    body.links.next = body.links.next.replace('sort=-created_at&', '');
    pages[1] = handBuilt({ operation: tickets, query: second.request.query, body });
    const [finding] = assertObservationFail(paginationLinks, walk(pages));
    assert.match(finding?.title ?? '', /links\.next of page 2: drops sort=-created_at/);
    assert.equal(finding?.exchange, pages[1]);
  });

  it('fails on relative links, a prev on page 1, a next on the last page and a wrong last', () => {
    const page = pageOf(tickets, ITEMS, 1, 25);
    const body = JSON.parse(page.response?.bodyText ?? '{}');
    body.links.first = '/api/tickets?page=1';
    body.links.prev = body.links.last;
    body.links.next = 'http://127.0.0.1:4010/api/tickets?page=2';
    body.links.last = 'http://127.0.0.1:4010/api/tickets?page=3';
    const findings = assertObservationFail(paginationLinks, walk([handBuilt({ operation: tickets, body })]));
    const causes = findings.map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('links.first: not absolute')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('links.prev: not null')));
    assert.ok(causes.some((key) => key.includes('links.next: not null')));
    assert.ok(causes.some((key) => key.includes('links.last: wrong page number')));
  });
});

describe('pagination-traversal, hand-built', () => {
  it('passes on a clean walk and on one empty page', () => {
    assertObservationPass(paginationTraversal, walk(pagesOf(tickets, ITEMS, 5)));
    assertObservationPass(paginationTraversal, walk([pageOf(tickets, [], 1, 25)]));
  });

  it('fails on a repeated item across pages, naming the item and both pages', () => {
    const shifted = [...ITEMS.slice(0, 5), ITEMS[4], ...ITEMS.slice(5, 22)];
    const pages = pagesOf(tickets, shifted, 5).map((page) => {
      const body = JSON.parse(page.response?.bodyText ?? '{}');
      body.meta.total = 23;
      return handBuilt({ operation: tickets, query: page.request.query, body });
    });
    const findings = assertObservationFail(paginationTraversal, walk(pages));
    const repeat = findings.find((finding) => finding.dedupKey.includes('repeats on a later page'));
    assert.match(repeat?.title ?? '', /item 01hx0000000000000000000005 appears on page 1 and again on page 2/);
  });

  it('fails when the count differs from total, last_page is wrong or a middle page is short', () => {
    const pages = pagesOf(tickets, ITEMS, 5);
    const third = pages[2];
    assert.ok(third);
    const body = JSON.parse(third.response?.bodyText ?? '{}');
    body.data.pop();
    pages[2] = handBuilt({ operation: tickets, query: third.request.query, body });
    const causes = assertObservationFail(paginationTraversal, walk(pages)).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('a page before the last is not full')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('fewer items than meta.total')));
    const wrongLast = pagesOf(tickets, ITEMS, 5).map((page) => {
      const edited = JSON.parse(page.response?.bodyText ?? '{}');
      edited.meta.last_page = 4;
      return handBuilt({ operation: tickets, query: page.request.query, body: edited });
    });
    const lastCauses = assertObservationFail(paginationTraversal, walk(wrongLast)).map((finding) => finding.dedupKey);
    assert.ok(lastCauses.some((key) => key.includes('last_page is not ceil(total/per_page)')));
  });
});

describe('pagination-bounds, hand-built', () => {
  const bounds = (parts: Partial<PageBounds>): PageBounds => ({ kind: 'page-bounds', operation: tickets, ...parts });

  it('passes on the documented default, maximum, 422s and an empty page past the end', () => {
    assertObservationPass(
      paginationBounds,
      bounds({
        defaultSize: pageOf(tickets, ITEMS, 1, 25),
        largest: pageOf(tickets, ITEMS, 1, 100, [['per_page', '100']]),
        outOfRange: [
          handBuilt({ operation: tickets, query: [['per_page', '101']], status: 422, body: { message: 'x', errors: { per_page: ['too big'] } } }),
          handBuilt({ operation: tickets, query: [['page', '0']], status: 422, body: { message: 'x', errors: { page: ['too small'] } } }),
        ],
        pastEnd: pageOf(tickets, ITEMS, 9, 5, [['per_page', '5'], ['page', '9']]),
      }),
    );
  });

  it('fails on a clamped per_page, a 422 naming another field, and data past the end', () => {
    const findings = assertObservationFail(
      paginationBounds,
      bounds({
        outOfRange: [
          pageOf(tickets, ITEMS, 1, 100, [['per_page', '500']]),
          handBuilt({ operation: tickets, query: [['per_page', '0']], status: 422, body: { message: 'x', errors: { page: ['bad'] } } }),
        ],
        pastEnd: handBuilt({ operation: tickets, query: [['page', '9']], status: 404, body: { message: 'Not found.' } }),
      }),
    );
    const causes = findings.map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('per_page out of range -> 200')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('422 does not name per_page')));
    assert.ok(causes.some((key) => key.includes('past the end -> 404')));
  });

  it('fails on a largest page holding more items than the maximum', () => {
    const oversized = pageOf(tickets, Array.from({ length: 101 }, (_, index) => item(index + 1)), 1, 101, [['per_page', '100']]);
    const causes = assertObservationFail(paginationBounds, bounds({ largest: oversized })).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('maximum page size exceeded')), causes.join('\n'));
  });

  it('the probe always sends the exact edges of the documented ranges', () => {
    const perPage = tickets.parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'per_page')?.schema as { minimum: number; maximum: number };
    const edges = boundaryQueries(tickets);
    assert.deepEqual(edges.largest, ['per_page', String(perPage.maximum)]);
    assert.deepEqual(edges.outOfRange, [
      ['per_page', String(perPage.maximum + 1)],
      ['per_page', String(perPage.minimum - 1)],
      ['page', '0'],
    ]);
    assert.deepEqual(boundaryQueries(activities), { outOfRange: [['page', '0']] });
  });

  it('does not judge per_page where the operation has none (ticket activities ignore it)', () => {
    const ignored = handBuilt({ operation: activities, query: [['per_page', '500']], body: { data: [], meta: {}, links: {} } });
    assertObservationPass(paginationBounds, { kind: 'page-bounds', operation: activities, outOfRange: [ignored] });
    assert.match(assertObservationSkip(paginationLinks, { kind: 'rate-limit-retry', throttled: ignored }), /does not judge rate-limit-retry/);
  });
});

describe('pagination checks against the reference target in-process', () => {
  let target: FastifyInstance;
  before(async () => {
    target = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
  });
  after(async () => {
    await target.close();
  });

  const walkOn = async (app: FastifyInstance, query: Array<[string, string]>): Promise<PageWalk> => ({
    kind: 'page-walk',
    listing: await walkListing(injectSend(app), { operation: tickets, path: '/tickets', query }),
  });
  const boundsOn = async (app: FastifyInstance): Promise<PageBounds> => {
    const send = injectSend(app);
    return {
      kind: 'page-bounds',
      operation: tickets,
      defaultSize: await send({ operation: tickets, path: '/tickets' }),
      largest: await send({ operation: tickets, path: '/tickets', query: [['per_page', '100']] }),
      outOfRange: await Promise.all(
        [['per_page', '0'], ['per_page', '101'], ['page', '0'], ['page', 'x']].map((pair) =>
          send({ operation: tickets, path: '/tickets', query: [pair as [string, string]] }),
        ),
      ),
      pastEnd: await send({ operation: tickets, path: '/tickets', query: [['per_page', '50'], ['page', '40']] }),
    };
  };

  it('passes on the clean target, with and without filters and sorts', async () => {
    for (const query of [
      [['per_page', '25']],
      [['per_page', '7'], ['filter[status]', 'open,waiting'], ['sort', 'created_at']],
    ] as Array<Array<[string, string]>>) {
      const observation = await walkOn(target, query);
      assert.ok(observation.listing.pages.length > 1);
      assertObservationPass(paginationLinks, observation);
      assertObservationPass(paginationTraversal, observation);
    }
    const bounds = await boundsOn(target);
    assertObservationPass(paginationBounds, bounds);
    assertObservationPass(paginationLinks, bounds);
  });

  it('fails on a server whose pages are off by one (an item repeats, one is never shown)', async () => {
    const proxy = await brokenProxy(target, {
      async answer(answer, request, forward) {
        const query = queryOf(request.url);
        const page = Number(query.get('page') ?? '1');
        if (!request.url.startsWith('/api/tickets?') || page < 2 || answer.status !== 200) return answer;
        query.set('page', String(page - 1));
        const previous = JSON.parse((await forward({ ...request, url: withQuery(request.url, query) })).body);
        return editJson(answer, (body) => {
          body.data = [previous.data[previous.data.length - 1], ...body.data.slice(0, -1)];
        });
      },
    });
    const observation = await walkOn(proxy, [['per_page', '20']]);
    const causes = assertObservationFail(paginationTraversal, observation).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('repeats on a later page')), causes.join('\n'));
    assertObservationPass(paginationLinks, observation);
    await proxy.close();
  });

  it('fails on a server whose links drop the sort', async () => {
    const proxy = await brokenProxy(target, {
      answer: (answer) =>
        editJson(answer, (body) => {
          if (body.links === undefined) return;
          for (const name of ['first', 'last', 'prev', 'next']) {
            if (typeof body.links[name] === 'string') body.links[name] = body.links[name].replace(/sort=[^&]*&?/, '');
          }
        }),
    });
    const observation = await walkOn(proxy, [['per_page', '30'], ['sort', 'created_at']]);
    const [finding] = assertObservationFail(paginationLinks, observation);
    assert.match(finding?.title ?? '', /drops sort=created_at/);
    await proxy.close();
  });

  it('fails on a server that clamps per_page and answers 404 past the end', async () => {
    const proxy = await brokenProxy(target, {
      request(request) {
        const query = queryOf(request.url);
        const perPage = Number(query.get('per_page') ?? '25');
        if (perPage > 100) query.set('per_page', '100');
        if (perPage < 1) query.set('per_page', '1');
        if (Number(query.get('page') ?? '1') > 20) return { status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"Not found."}' };
        return { ...request, url: withQuery(request.url, query) };
      },
    });
    const causes = assertObservationFail(paginationBounds, await boundsOn(proxy)).map((finding) => finding.dedupKey);
    assert.ok(causes.some((key) => key.includes('per_page out of range -> 200')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('past the end -> 404')));
    await proxy.close();
  });
});
