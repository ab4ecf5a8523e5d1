// Contacts: filters and both directions of every sort on the seed data, create, show, partial
// update, unique email and delete (admin, with the contact's tickets).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPages, startTarget, type Client } from './support/client.js';

let client: Client;
let contacts: any[];

before(async () => {
  client = await startTarget();
  contacts = await allPages(client, 'admin', '/contacts');
});
after(async () => {
  await client.close();
});

/** Nulls first ascending (last descending), strings by code point, ties by id. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function ids(list: any[]): string[] {
  return [...list].sort((a, b) => a.id - b.id).map((c) => c.ulid);
}

describe('contact list', () => {
  it('has seed data with null names, ties and non-ASCII names', () => {
    assert.ok(contacts.length >= 60);
    assert.ok(contacts.some((c) => c.name === null));
    assert.ok(contacts.some((c) => c.last_activity_at === null) && contacts.some((c) => c.last_activity_at !== null));
    const names = contacts.map((c) => c.name).filter((n) => n !== null);
    assert.ok(new Set(names).size < names.length, 'names with ties');
    assert.ok(names.some((n: string) => /[^\x00-\x7f]/.test(n)));
    assert.ok(new Set(contacts.map((c) => c.created_at)).size < contacts.length, 'created_at with ties');
  });

  for (const [key, field] of [
    ['name', 'name'],
    ['created_at', 'created_at'],
    ['last_activity', 'last_activity_at'],
  ] as const) {
    for (const descending of [false, true]) {
      const sort = `${descending ? '-' : ''}${key}`;
      it(`sorts by ${sort}`, async () => {
        const got = (await allPages(client, 'admin', `/contacts?sort=${sort}`)).map((c) => c.ulid);
        const want = [...contacts]
          .sort((a, b) => {
            const order = compare(a[field], b[field]) || a.id - b.id;
            return descending ? -order : order;
          })
          .map((c) => c.ulid);
        assert.deepEqual(got, want);
      });
    }
  }

  it('sorts by name by default', () => {
    const want = [...contacts].sort((a, b) => compare(a.name, b.name) || a.id - b.id).map((c) => c.ulid);
    assert.deepEqual(contacts.map((c) => c.ulid), want);
  });

  it('filters by name, email and search, case-insensitively', async () => {
    const cases: Array<[string, (c: any) => boolean]> = [
      ['filter[name]=SAM', (c) => (c.name ?? '').toLowerCase().includes('sam')],
      ['filter[name]=chloé', (c) => (c.name ?? '').toLowerCase().includes('chloé')],
      ['filter[email]=STARTUP.io', (c) => c.email.includes('startup.io')],
      ['filter[search]=lee', (c) => (c.name ?? '').toLowerCase().includes('lee') || c.email.includes('lee')],
      ['filter[name]=sam&filter[email]=customer', (c) => (c.name ?? '').toLowerCase().includes('sam') && c.email.includes('customer')],
    ];
    for (const [query, test] of cases) {
      const want = ids(contacts.filter(test));
      assert.ok(want.length > 0, query);
      assert.deepEqual(ids(await allPages(client, 'admin', `/contacts?${query}`)), want, query);
    }
  });

  it('counts tickets per contact', async () => {
    const tickets = await allPages(client, 'admin', '/tickets');
    for (const contact of contacts) {
      assert.equal(contact.ticket_count, tickets.filter((t) => t.contact.ulid === contact.ulid).length, contact.email);
    }
  });
});

describe('contact writes', () => {
  it('creates with a lowercased email and refuses a duplicate', async () => {
    const created = await client.call('member', 'POST', '/contacts', { body: { email: 'Mixed.Case@Example.ORG', name: 'Mixed', notes: 'VIP' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.data.email, 'mixed.case@example.org');
    assert.equal(created.body.data.ticket_count, 0);
    assert.equal(created.body.data.last_activity_at, null);
    assert.equal(created.body.data.notes, 'VIP');
    const duplicate = await client.call('member', 'POST', '/contacts', { body: { email: 'MIXED.case@example.org' } });
    assert.equal(duplicate.status, 422);
    assert.deepEqual(Object.keys(duplicate.body.errors), ['email']);
    const shown = await client.get('member', `/contacts/${created.body.data.ulid}`);
    assert.deepEqual(shown.body.data, created.body.data);
    // Another workspace may use the same email.
    assert.equal((await client.call('other', 'POST', '/contacts', { body: { email: 'mixed.case@example.org' } })).status, 201);
  });

  it('updates only the fields sent', async () => {
    const created = (await client.call('member', 'POST', '/contacts', { body: { email: 'partial@example.org', name: 'Part', notes: 'Keep me' } })).body.data;
    const renamed = await client.call('member', 'PUT', `/contacts/${created.ulid}`, { body: { name: 'Partial Person' } });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.data.name, 'Partial Person');
    assert.equal(renamed.body.data.notes, 'Keep me');
    assert.equal(renamed.body.data.email, 'partial@example.org');
    const cleared = await client.call('member', 'PUT', `/contacts/${created.ulid}`, { body: { notes: null, email: 'Partial2@Example.org' } });
    assert.equal(cleared.body.data.notes, null);
    assert.equal(cleared.body.data.email, 'partial2@example.org');
    assert.equal(cleared.body.data.name, 'Partial Person');
    const same = await client.call('member', 'PUT', `/contacts/${created.ulid}`, { body: { email: 'partial2@example.org' } });
    assert.equal(same.status, 200, 'keeping its own email is not a duplicate');
    const taken = await client.call('member', 'PUT', `/contacts/${created.ulid}`, { body: { email: contacts[0].email } });
    assert.equal(taken.status, 422);
    assert.deepEqual(Object.keys(taken.body.errors), ['email']);
    const invalid = await client.call('member', 'PUT', `/contacts/${created.ulid}`, { body: { email: 'nope', name: 5 } });
    assert.deepEqual(Object.keys(invalid.body.errors).sort(), ['email', 'name']);
  });

  it('deletes a contact with its tickets, for admins only', async () => {
    const victim = contacts.find((c) => c.ticket_count >= 2);
    const tickets = (await allPages(client, 'admin', '/tickets')).filter((t) => t.contact.ulid === victim.ulid);
    assert.equal((await client.call('member', 'DELETE', `/contacts/${victim.ulid}`)).status, 403);
    const deleted = await client.call('admin', 'DELETE', `/contacts/${victim.ulid}`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    assert.equal((await client.get('admin', `/contacts/${victim.ulid}`)).status, 404);
    for (const ticket of tickets) assert.equal((await client.get('admin', `/tickets/${ticket.ulid}`)).status, 404);
    const remaining = await allPages(client, 'admin', '/contacts');
    assert.equal(remaining.some((c) => c.ulid === victim.ulid), false);
  });
});
