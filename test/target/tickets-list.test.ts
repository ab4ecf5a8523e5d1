// GET /tickets on the seed data: pagination across every page, every filter and both
// directions of every sort, each compared with an independent computation from the full list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPages, startTarget, type Client } from './support/client.js';
import { firstWhere, listData } from './support/seed-lookup.js';

let client: Client;
let tickets: any[];
/** Ticket ulid → the text of all its messages (lowercased), for the search oracle. */
const messageText = new Map<string, string>();

before(async () => {
  client = await startTarget();
  tickets = await allPages(client, 'admin', '/tickets');
  for (const ticket of tickets) {
    const detail = await client.get('admin', `/tickets/${ticket.ulid}`);
    messageText.set(ticket.ulid, detail.body.data.messages.map((m: any) => m.body_text ?? '').join('\n').toLowerCase());
  }
});
after(async () => {
  await client.close();
});

function byIdOrder(list: any[]): string[] {
  return [...list].sort((a, b) => a.id - b.id).map((t) => t.ulid);
}

async function filtered(query: string): Promise<string[]> {
  return byIdOrder(await allPages(client, 'admin', `/tickets?${query}`));
}

function expected(test: (ticket: any) => boolean): string[] {
  return byIdOrder(tickets.filter(test));
}

function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

describe('ticket pagination', () => {
  it('has the seed data the other tests rely on', () => {
    assert.ok(tickets.length >= 120);
    for (const status of ['open', 'waiting', 'closed', 'spam']) assert.ok(tickets.some((t) => t.status === status), status);
    assert.ok(tickets.some((t) => t.assignee === null) && tickets.some((t) => t.assignee !== null));
    assert.ok(tickets.some((t) => t.tags.length === 0) && tickets.some((t) => t.tags.length >= 2));
    for (const key of ['created_at', 'updated_at', 'last_activity_at']) {
      const values = tickets.map((t) => t[key]);
      assert.ok(new Set(values).size < values.length, `${key} has ties`);
      assert.ok(new Set(values).size > values.length / 2, `${key} has distinct values`);
    }
  });

  it('visits every ticket exactly once across pages with consistent meta and links', async () => {
    const perPage = 7;
    const query = 'filter[status]=open,waiting,closed,spam&sort=-created_at&per_page=7';
    const seen: string[] = [];
    let page = 1;
    let lastPage = Infinity;
    while (page <= lastPage) {
      const answer = await client.get('admin', `/tickets?${query}&page=${page}`);
      assert.equal(answer.status, 200);
      const { meta, links, data } = answer.body;
      lastPage = meta.last_page;
      assert.equal(meta.current_page, page);
      assert.equal(meta.per_page, perPage);
      assert.equal(meta.total, tickets.length);
      assert.equal(meta.last_page, Math.ceil(tickets.length / perPage));
      assert.equal(meta.from, (page - 1) * perPage + 1);
      assert.equal(meta.to, (page - 1) * perPage + data.length);
      assert.equal(data.length, page < lastPage ? perPage : tickets.length - (lastPage - 1) * perPage);
      for (const [name, target] of [
        ['first', 1],
        ['last', lastPage],
        ['prev', page > 1 ? page - 1 : null],
        ['next', page < lastPage ? page + 1 : null],
      ] as const) {
        const link = links[name];
        if (target === null) {
          assert.equal(link, null, `${name} on page ${page}`);
          continue;
        }
        const url = new URL(link);
        assert.equal(url.origin + url.pathname, 'http://localhost/api/tickets'); // inject's host, default port
        assert.equal(url.searchParams.get('page'), String(target));
        assert.equal(url.searchParams.get('per_page'), '7');
        assert.equal(url.searchParams.get('sort'), '-created_at');
        assert.equal(url.searchParams.get('filter[status]'), 'open,waiting,closed,spam');
        assert.equal(url.searchParams.getAll('page').length, 1);
      }
      seen.push(...data.map((t: any) => t.ulid));
      page += 1;
    }
    assert.equal(seen.length, tickets.length);
    assert.equal(new Set(seen).size, tickets.length);
  });

  it('builds absolute links from the request host', async () => {
    const answer = await client.call('admin', 'GET', '/tickets?per_page=50&filter[unassigned]=0', {
      headers: { host: 'desk.example.test:8443' },
    });
    const next = new URL(answer.body.links.next);
    assert.equal(`${next.protocol}//${next.host}${next.pathname}`, 'http://desk.example.test:8443/api/tickets');
    assert.equal(next.searchParams.get('filter[unassigned]'), '0');
    assert.equal(next.searchParams.get('page'), '2');
  });

  it('defaults to 25 per page and answers a page past the end with empty data', async () => {
    const first = await client.get('admin', '/tickets');
    assert.equal(first.body.data.length, 25);
    assert.equal(first.body.meta.per_page, 25);
    const lastPage = Math.ceil(tickets.length / 25);
    const past = await client.get('admin', `/tickets?page=${lastPage + 3}`);
    assert.equal(past.status, 200);
    assert.deepEqual(past.body.data, []);
    assert.equal(past.body.meta.from, null);
    assert.equal(past.body.meta.to, null);
    assert.equal(past.body.links.next, null);
    assert.equal(new URL(past.body.links.prev).searchParams.get('page'), String(lastPage));
    const empty = await client.get('admin', '/tickets?filter[search]=zzzz-no-such-text');
    assert.deepEqual(empty.body.meta, { current_page: 1, last_page: 1, per_page: 25, total: 0, from: null, to: null });
    assert.equal(empty.body.links.prev, null);
    assert.equal(empty.body.links.next, null);
  });
});

describe('ticket filters', () => {
  it('filters by status, one or a comma list', async () => {
    assert.deepEqual(await filtered('filter[status]=spam'), expected((t) => t.status === 'spam'));
    assert.deepEqual(await filtered('filter[status]=open,waiting'), expected((t) => ['open', 'waiting'].includes(t.status)));
    assert.deepEqual(await filtered('filter[status]=closed,,'), expected((t) => t.status === 'closed'));
  });

  it('filters by channel ULIDs', async () => {
    const channels = await listData(client, 'admin', '/channels');
    const [one, two] = [channels[0].ulid, channels[2].ulid];
    assert.deepEqual(await filtered(`filter[channel_ulids]=${one}`), expected((t) => t.channel.ulid === one));
    assert.deepEqual(await filtered(`filter[channel_ulids]=${one},${two.toUpperCase()}`), expected((t) => [one, two].includes(t.channel.ulid)));
    assert.deepEqual(await filtered('filter[channel_ulids]=01jzzzzzzzzzzzzzzzzzzzzzzz'), []);
  });

  it('filters by tag ULIDs (any of them)', async () => {
    const tags = await listData(client, 'admin', '/tags');
    const [one, two] = [tags[1].ulid, tags[4].ulid];
    const has = (t: any, ulid: string) => t.tags.some((tag: any) => tag.ulid === ulid);
    const single = await filtered(`filter[tag_ulids]=${one}`);
    assert.ok(single.length > 0);
    assert.deepEqual(single, expected((t) => has(t, one)));
    assert.deepEqual(await filtered(`filter[tag_ulids]=${one},${two}`), expected((t) => has(t, one) || has(t, two)));
    const bTag = (await listData(client, 'other', '/tags'))[0].ulid;
    assert.deepEqual(await filtered(`filter[tag_ulids]=${bTag}`), []);
  });

  it('filters by assignment', async () => {
    const me = (await client.get('admin', '/me')).body.data.user;
    const mine = await filtered('filter[assigned_to_me]=true');
    assert.ok(mine.length > 0);
    assert.deepEqual(mine, expected((t) => t.assignee?.ulid === me.ulid));
    assert.deepEqual(await filtered('filter[assigned_to_me]=1'), mine);
    assert.deepEqual(await filtered('filter[assigned_to_me]=false'), expected(() => true));
    assert.deepEqual(await filtered('filter[unassigned]=true'), expected((t) => t.assignee === null));
    assert.deepEqual(await filtered('filter[unassigned]=false'), expected(() => true));
    const diego = await firstWhere(client, 'admin', '/members', (m) => m.name === 'Diego Ortiz');
    const his = await filtered(`filter[assigned_user_ulid]=${diego.ulid}`);
    assert.ok(his.length > 0);
    assert.deepEqual(his, expected((t) => t.assignee?.ulid === diego.ulid));
    assert.deepEqual(await filtered('filter[assigned_user_ulid]=01jzzzzzzzzzzzzzzzzzzzzzzz'), []);
    assert.deepEqual(await filtered('filter[assigned_to_me]=true&filter[unassigned]=true'), []);
  });

  it('searches subject, message text and contact name or email, case-insensitively', async () => {
    const contactName = tickets.find((t) => t.contact.name !== null).contact.name as string;
    const emailPart = (tickets[3].contact.email as string).split('@')[0]!;
    for (const term of ['PASSWORD', 'duplicate charge', 'überweisung', 'roadmap', contactName.split(' ')[0]!.toUpperCase(), emailPart, 'startup.io']) {
      const want = expected((t) => {
        const needle = term.toLowerCase();
        return (
          t.subject.toLowerCase().includes(needle) ||
          messageText.get(t.ulid)!.includes(needle) ||
          (t.contact.name ?? '').toLowerCase().includes(needle) ||
          t.contact.email.toLowerCase().includes(needle)
        );
      });
      assert.ok(want.length > 0, term);
      assert.deepEqual(await filtered(`filter[search]=${encodeURIComponent(term)}`), want, term);
      assert.deepEqual(await filtered(`q=${encodeURIComponent(term)}`), want, `q=${term}`);
    }
  });

  it('combines filters with AND', async () => {
    const tag = (await listData(client, 'admin', '/tags'))[0].ulid;
    const got = await filtered(`filter[status]=open,closed&filter[unassigned]=1&filter[tag_ulids]=${tag}`);
    const want = expected((t) => ['open', 'closed'].includes(t.status) && t.assignee === null && t.tags.some((x: any) => x.ulid === tag));
    assert.deepEqual(got, want);
  });
});

describe('ticket sorts', () => {
  for (const key of ['created_at', 'updated_at', 'last_activity_at']) {
    for (const descending of [false, true]) {
      const sort = `${descending ? '-' : ''}${key}`;
      it(`sorts by ${sort} with the id tie-break`, async () => {
        const got = (await allPages(client, 'admin', `/tickets?sort=${sort}`)).map((t) => t.ulid);
        const want = [...tickets]
          .sort((a, b) => {
            const order = compare(a[key], b[key]) || a.id - b.id;
            return descending ? -order : order;
          })
          .map((t) => t.ulid);
        assert.deepEqual(got, want);
      });
    }
  }

  it('sorts by -updated_at by default', async () => {
    const got = tickets.map((t) => t.ulid);
    const want = [...tickets].sort((a, b) => -(compare(a.updated_at, b.updated_at) || a.id - b.id)).map((t) => t.ulid);
    assert.deepEqual(got, want);
  });
});
