// Observation gatherers over any sender (the reference target in-process, a faulty one, a
// broken proxy): what the phase-2 specs do over HTTP, written small for the suite's own tests.
// Values come from what the target shows (its channels, tags, first items), never from ids
// known in advance.

import type { Exchange } from '../../../../core/exchange.js';
import type {
  FilterProbe, Lifecycle, Listing, Observation, PageBounds, PageWalk, RateLimitBurst, RateLimitIsolation, RateLimitRetry, SortProbe,
} from '../../../../core/checks/observations.js';
import { itemsNeedingDetail } from '../../../../core/checks/_internals/needed-details.js';
import { walkListing } from '../../../../core/checks/_internals/walk-listing.js';
import type { InjectRequest } from './inject-send.js';
import { operation } from './semantic-fixtures.js';

export type Send = (request: InjectRequest) => Promise<Exchange>;

const op = operation;
const dataOf = (exchange: Exchange): any => (exchange.response?.json.kind === 'json' ? (exchange.response.json.value as any)?.data : undefined);
let serial = 0;
const unique = (): string => `${Date.now().toString(36)}${(serial += 1).toString(36)}`;

export async function walk(send: Send, key: string, path: string, query: Array<[string, string]> = [], auth?: string): Promise<Listing> {
  return walkListing(send, { operation: op(key), path, query, ...(auth === undefined ? {} : { auth }) });
}

// ---- pagination

export async function pageWalks(send: Send): Promise<PageWalk[]> {
  const ticket = dataOf(await send({ operation: op('GET /tickets'), path: '/tickets', query: [['per_page', '1']] }))[0];
  const listings = await Promise.all([
    walk(send, 'GET /tickets', '/tickets', [['per_page', '20']]),
    walk(send, 'GET /tickets', '/tickets', [['per_page', '9'], ['filter[status]', 'open,closed'], ['sort', 'created_at']]),
    walk(send, 'GET /tickets', '/tickets', [['per_page', '4'], ['filter[search]', 'e'], ['filter[unassigned]', 'true']]),
    walk(send, 'GET /contacts', '/contacts', [['per_page', '15'], ['sort', '-name']]),
    walk(send, 'GET /tickets/{ticket}/activities', `/tickets/${ticket.ulid}/activities`),
  ]);
  return listings.map((listing) => ({ kind: 'page-walk', listing }));
}

export async function pageBounds(send: Send): Promise<PageBounds> {
  const tickets = op('GET /tickets');
  const get = (query: Array<[string, string]>) => send({ operation: tickets, path: '/tickets', query });
  return {
    kind: 'page-bounds',
    operation: tickets,
    defaultSize: await get([]),
    largest: await get([['per_page', '100']]),
    outOfRange: await Promise.all([[['per_page', '0']], [['per_page', '101']], [['per_page', '250']], [['page', '0']]].map((query) => get(query as Array<[string, string]>))),
    pastEnd: await get([['per_page', '10'], ['page', '500']]),
  };
}

// ---- filters and sorts

export async function filterProbes(send: Send): Promise<FilterProbe[]> {
  const per: [string, string] = ['per_page', '100'];
  const all = await walk(send, 'GET /tickets', '/tickets', [per]);
  const tickets = all.pages.flatMap((page) => dataOf(page) as any[]);
  const tag = tickets.find((ticket) => ticket.tags.length > 0)?.tags[0].ulid as string;
  const channel = tickets[0].channel.ulid as string;
  const word = String(tickets[2].subject).split(' ')[0]?.slice(0, 4) ?? 'e';
  const me = dataOf(await send({ path: '/me' }));
  const queries: Array<Array<[string, string]>> = [
    [['filter[status]', 'open']], [['filter[status]', 'closed']], [['filter[status]', 'spam']], [['filter[status]', 'open,closed']],
    [['filter[tag_ulids]', tag]], [['filter[channel_ulids]', channel]], [['filter[status]', 'open'], ['filter[tag_ulids]', tag]],
    [['filter[unassigned]', '1']], [['filter[unassigned]', 'true']], [['filter[assigned_to_me]', 'true']],
    [['filter[search]', word]], [['filter[status]', 'open'], ['filter[search]', word]],
  ];
  const listings = await Promise.all(queries.map((query) => walk(send, 'GET /tickets', '/tickets', [per, ...query])));
  const probe: FilterProbe = { kind: 'filter-probe', operation: op('GET /tickets'), listings: [all, ...listings], caller: me.user };
  const details: Record<string, unknown> = {};
  for (const [key] of itemsNeedingDetail(probe)) details[key] = dataOf(await send({ operation: op('GET /tickets/{ticket}'), path: `/tickets/${key}` }));
  const contacts = await walk(send, 'GET /contacts', '/contacts', [per]);
  const someone = dataOf(contacts.pages[0] as Exchange)[3];
  const contactListings = await Promise.all(
    [[['filter[name]', String(someone.name).slice(1, 4)]], [['filter[email]', String(someone.email).split('@')[0]]], [['filter[search]', 'ar']]].map((query) =>
      walk(send, 'GET /contacts', '/contacts', [per, ...(query as Array<[string, string]>)]),
    ),
  );
  return [{ ...probe, details }, { kind: 'filter-probe', operation: op('GET /contacts'), listings: [contacts, ...contactListings] }];
}

export async function sortProbes(send: Send): Promise<SortProbe[]> {
  const sorted = (key: string, path: string, sorts: Array<string | undefined>) =>
    Promise.all(sorts.map((sort) => walk(send, key, path, [['per_page', '40'], ...(sort === undefined ? [] : [['sort', sort] as [string, string]])])));
  return [
    { kind: 'sort-probe', operation: op('GET /tickets'), listings: await sorted('GET /tickets', '/tickets', [undefined, '-updated_at', 'updated_at', 'created_at', '-created_at', 'last_activity_at', '-last_activity_at']) },
    { kind: 'sort-probe', operation: op('GET /contacts'), listings: await sorted('GET /contacts', '/contacts', [undefined, 'name', '-name', 'created_at', '-created_at', 'last_activity', '-last_activity']) },
  ];
}

// ---- rate limit (the target's limit and window are the context's)

const me = op('GET /me');
const hit = (send: Send, role: string) => send({ operation: me, path: '/me', auth: role });

export async function burst(send: Send, role: string, sequential: number, parallel = 0): Promise<RateLimitBurst> {
  const waves: Exchange[][] = [];
  for (let index = 0; index < sequential; index += 1) waves.push([await hit(send, role)]);
  if (parallel > 0) waves.push(await Promise.all(Array.from({ length: parallel }, () => hit(send, role))));
  return { kind: 'rate-limit-burst', role, waves };
}

/** Throttles `role`, retries at once, waits out Retry-After and bursts again. */
export async function rateCycle(send: Send, role: string, limit: number): Promise<[RateLimitBurst, RateLimitRetry, RateLimitBurst]> {
  const first = await burst(send, role, limit + 1);
  const throttled = first.waves[limit]?.[0] as Exchange;
  const early = await hit(send, role);
  const seconds = Number(throttled.response?.headers['retry-after'] ?? '2');
  const due = throttled.startedAt + (throttled.response?.durationMs ?? 0) + (Number.isInteger(seconds) ? seconds : 2) * 1000 + 50;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  const recovery = await burst(send, role, limit + 1);
  return [first, { kind: 'rate-limit-retry', throttled, early, late: recovery.waves[0]?.[0] as Exchange }, { ...recovery, after: throttled }];
}

export async function rateIsolation(send: Send, limit: number): Promise<RateLimitIsolation> {
  const throttled = (await burst(send, 'pool[4]', limit + 1)).waves[limit]?.[0] as Exchange;
  const others = [await hit(send, 'admin'), await hit(send, 'other'), await hit(send, 'pool[5]')];
  return { kind: 'rate-limit-isolation', throttled, others, stillThrottled: await hit(send, 'pool[4]') };
}

export async function rateObservations(send: Send, limit: number): Promise<Observation[]> {
  // Isolation first and alone: a limiter shared by all tokens must not be emptied by the other probes.
  const isolation = await rateIsolation(send, limit);
  const [plain, parallel, cycle] = await Promise.all([
    burst(send, 'pool[0]', limit + 3),
    burst(send, 'pool[1]', 2, limit),
    rateCycle(send, 'pool[2]', limit),
  ]);
  // A 4xx in the burst too: headers are due on errors as well.
  const errors = await burst(send, 'pool[3]', 0);
  errors.waves = [[await send({ operation: op('GET /tickets/{ticket}'), path: '/tickets/01hx0000000000000000000000', auth: 'pool[3]' })]];
  return [plain, parallel, ...cycle, isolation, errors];
}

// ---- lifecycles

export async function contactLifecycle(send: Send): Promise<Lifecycle> {
  const word = `zq${unique()}`;
  const create = await send({ operation: op('POST /contacts'), path: '/contacts', json: { email: `${word}@Example.TEST`, name: `Ann ${word}`, notes: 'first' } });
  const ulid = dataOf(create)?.ulid as string;
  const read = () => send({ operation: op('GET /contacts/{contact}'), path: `/contacts/${ulid}` });
  const readsAfterCreate = [await read()];
  const listingsAfterCreate = [
    await walk(send, 'GET /contacts', '/contacts', [['filter[email]', word]]),
    await walk(send, 'GET /contacts', '/contacts', [['filter[name]', `${word}-not`]]),
    await walk(send, 'GET /contacts', '/contacts', [['per_page', '100']]),
  ];
  const before = await read();
  const update = await send({ operation: op('PUT /contacts/{contact}'), path: `/contacts/${ulid}`, json: { name: `Bea ${word}` } });
  const reads = [await read()];
  const listings = [await walk(send, 'GET /contacts', '/contacts', [['filter[search]', word]])];
  const remove = await send({ operation: op('DELETE /contacts/{contact}'), path: `/contacts/${ulid}` });
  return {
    kind: 'lifecycle',
    create,
    readsAfterCreate,
    listingsAfterCreate,
    updates: [{ before, update, reads, listings }],
    delete: remove,
    afterDelete: {
      reads: [await read()],
      listings: [await walk(send, 'GET /contacts', '/contacts', [['filter[email]', word]])],
      writes: [await send({ operation: op('PUT /contacts/{contact}'), path: `/contacts/${ulid}`, json: { name: 'ghost' } })],
    },
  };
}

/** A resource with an unpaginated list: reads the list first (a cache would fill then). */
export async function simpleLifecycle(send: Send, base: string, itemPath: string, body: Record<string, unknown>, change: Record<string, unknown>): Promise<Lifecycle> {
  await walk(send, `GET ${base}`, base);
  const create = await send({ operation: op(`POST ${base}`), path: base, json: body });
  const ulid = dataOf(create)?.ulid as string;
  const path = `${base}/${ulid}`;
  const read = () => send({ operation: op(`GET ${base}/${itemPath}`), path });
  const readsAfterCreate = [await read()];
  const listingsAfterCreate = [await walk(send, `GET ${base}`, base)];
  const before = await read();
  const update = await send({ operation: op(`PUT ${base}/${itemPath}`), path, json: change });
  const reads = [await read()];
  const listings = [await walk(send, `GET ${base}`, base)];
  const remove = await send({ operation: op(`DELETE ${base}/${itemPath}`), path });
  return {
    kind: 'lifecycle',
    create,
    readsAfterCreate,
    listingsAfterCreate,
    updates: [{ before, update, reads, listings }],
    delete: remove,
    afterDelete: {
      reads: [await read()],
      listings: [await walk(send, `GET ${base}`, base)],
      writes: [await send({ operation: op(`PUT ${base}/${itemPath}`), path, json: change })],
    },
  };
}

export async function brainWithArticle(send: Send): Promise<Lifecycle> {
  const create = await send({ operation: op('POST /brains'), path: '/brains', json: { name: `Brain ${unique()}` } });
  const ulid = dataOf(create)?.ulid as string;
  const remove = await send({ operation: op('DELETE /brains/{brain}'), path: `/brains/${ulid}` });
  return {
    kind: 'lifecycle',
    create,
    delete: remove,
    afterDelete: {
      reads: [await send({ operation: op('GET /brains/{brain}'), path: `/brains/${ulid}` })],
      listings: [await walk(send, 'GET /brains', '/brains')],
      writes: [await send({ operation: op('POST /brains/{brain}/articles'), path: `/brains/${ulid}/articles`, json: { title: 'T', body: 'B' } })],
    },
  };
}

/** A new ticket, then every action on it, each between two reads of the ticket. */
export async function ticketActions(send: Send): Promise<Lifecycle> {
  const word = `zq${unique()}`;
  const channel = dataOf(await send({ operation: op('GET /channels'), path: '/channels' }))[0].ulid as string;
  const tag = dataOf(await send({ operation: op('GET /tags'), path: '/tags' }))[0].ulid as string;
  const team = dataOf(await send({ operation: op('GET /teams'), path: '/teams' }))[0].ulid as string;
  const member = dataOf(await send({ operation: op('GET /members'), path: '/members' }))[1].ulid as string;
  const create = await send({
    operation: op('POST /tickets'),
    path: '/tickets',
    json: { channel: channel.toUpperCase(), subject: `Help ${word}`, from_contact: { email: `${word}@Example.test`, name: 'Cy' }, message: { body: '<p>Hi</p>' } },
  });
  const ulid = dataOf(create)?.ulid as string;
  const at = `/tickets/${ulid}`;
  const read = () => send({ operation: op('GET /tickets/{ticket}'), path: at });
  const readsAfterCreate = [await read()];
  const listingsAfterCreate = [
    await walk(send, 'GET /tickets', '/tickets', [['filter[search]', word]]),
    await walk(send, 'GET /tickets', '/tickets', [['filter[search]', word], ['filter[status]', 'open']]),
    await walk(send, 'GET /tickets', '/tickets', [['filter[search]', word], ['filter[status]', 'closed']]),
    await walk(send, 'GET /tickets', '/tickets', [['filter[search]', word], ['filter[unassigned]', 'true']]),
  ];
  const actions: Array<[string, string, unknown]> = [
    ['POST /tickets/{ticket}/tags/{tag}', `${at}/tags/${tag}`, undefined],
    ['POST /tickets/{ticket}/tags/{tag}', `${at}/tags/${tag}`, undefined],
    ['DELETE /tickets/{ticket}/tags/{tag}', `${at}/tags/${tag}`, undefined],
    ['PUT /tickets/{ticket}/status', `${at}/status`, { status: 'waiting' }],
    ['PUT /tickets/{ticket}/assignee', `${at}/assignee`, { assignee_ulid: member }],
    ['PUT /tickets/{ticket}/team', `${at}/team`, { team_ulid: team }],
    ['POST /tickets/{ticket}/reply', `${at}/reply`, { body: '<p>Answer</p>' }],
    ['POST /tickets/{ticket}/note', `${at}/note`, { body: '<p>Note</p>' }],
    ['POST /tickets/{ticket}/forward', `${at}/forward`, { body: '<p>Fwd</p>', to_recipients: ['x@example.test'] }],
  ];
  const updates: NonNullable<Lifecycle['updates']> = [];
  for (const [key, path, json] of actions) {
    const before = await read();
    const update = await send({ operation: op(key), path, ...(json === undefined ? {} : { json }) });
    updates.push({ before, update, reads: [await read()] });
  }
  return { kind: 'lifecycle', caller: dataOf(await send({ path: '/me' })).user, create, readsAfterCreate, listingsAfterCreate, updates };
}

export async function lifecycles(send: Send): Promise<Lifecycle[]> {
  return [
    await contactLifecycle(send),
    await simpleLifecycle(send, '/tags', '{tag}', { name: `tag ${unique()}`, color: '#12AB34' }, { name: `tag ${unique()}`, color: '#000000' }),
    await simpleLifecycle(send, '/quick-replies', '{quickReply}', { name: `qr ${unique()}`, body: 'Hello' }, { body: 'Changed' }),
    await brainWithArticle(send),
    await ticketActions(send),
  ];
}
