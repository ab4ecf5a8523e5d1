// Side effects of the ticket operations: create, reply, forward, note, status, assignee, team,
// tag attach/detach and the activity log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPages, startTarget, type Client } from './support/client.js';
import { firstWhere, listData } from './support/seed-lookup.js';

let client: Client;
let channel: any;

before(async () => {
  client = await startTarget();
  channel = (await listData(client, 'admin', '/channels'))[0];
});
after(async () => {
  await client.close();
});

async function detail(ulid: string): Promise<any> {
  const answer = await client.get('admin', `/tickets/${ulid}`);
  assert.equal(answer.status, 200);
  return answer.body.data;
}

async function createTicket(email: string, name?: string | null): Promise<any> {
  const answer = await client.call('member', 'POST', '/tickets', {
    body: {
      channel: channel.ulid.toUpperCase(),
      subject: 'Printer on fire',
      from_contact: { email, ...(name === undefined ? {} : { name }) },
      message: { body: '<p>The <b>printer</b> is on fire &amp; smoking.</p>' },
    },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.data;
}

/** An older seed ticket, so any change moves its timestamps forward. */
async function seedTicket(index: number): Promise<any> {
  return (await client.get('admin', `/tickets?sort=created_at&per_page=100`)).body.data[index];
}

describe('creating a ticket', () => {
  it('creates the contact, the first inbound message and the ticket_created activity', async () => {
    const before = await client.get('admin', '/tickets?per_page=1&sort=-created_at');
    const total = before.body.meta.total;
    const ticket = await createTicket('New.Person@Example.ORG', 'New Person');
    assert.equal(ticket.status, 'open');
    assert.equal(ticket.assignee, null);
    assert.equal(ticket.assigned_team, null);
    assert.deepEqual(ticket.tags, []);
    assert.equal(ticket.number, total + 1);
    assert.equal(ticket.channel.ulid, channel.ulid);
    assert.equal(ticket.contact.email, 'new.person@example.org');
    assert.equal(ticket.contact.name, 'New Person');
    assert.equal(ticket.contact.ticket_count, 1);
    assert.equal(ticket.from_address, 'new.person@example.org');
    assert.equal(ticket.latest_message_preview, 'The printer is on fire & smoking.');

    const full = await detail(ticket.ulid);
    assert.equal(full.messages.length, 1);
    const [message] = full.messages;
    assert.equal(message.type, 'inbound');
    assert.equal(message.sender.type, 'contact');
    assert.equal(message.sender.email, 'new.person@example.org');
    assert.equal(message.is_forward, false);
    assert.equal(message.send_status, null);
    assert.equal(message.body_html, '<p>The <b>printer</b> is on fire &amp; smoking.</p>');
    assert.deepEqual(full.activities.map((a: any) => a.type), ['ticket_created']);

    const listed = await client.get('admin', '/tickets?per_page=1');
    assert.equal(listed.body.meta.total, total + 1);
    assert.equal(listed.body.data[0].ulid, ticket.ulid, 'the newest ticket comes first by -updated_at');
    const contact = await client.get('admin', `/contacts/${ticket.contact.ulid}`);
    assert.equal(contact.body.data.last_activity_at, ticket.created_at);
  });

  it('finds an existing contact by email, whatever the case, and keeps ticket_count true', async () => {
    const first = await createTicket('repeat@example.org', 'Repeat Customer');
    const second = await createTicket('REPEAT@example.org', 'Another Name');
    assert.equal(second.contact.ulid, first.contact.ulid);
    assert.equal(second.contact.name, 'Repeat Customer');
    assert.equal(second.contact.ticket_count, 2);
    assert.equal(second.number, first.number + 1);
    const contacts = await allPages(client, 'admin', '/contacts?filter[email]=repeat@example.org');
    assert.equal(contacts.length, 1);
  });

  it('answers 422 on the channel field for a channel of another workspace', async () => {
    const bChannel = (await listData(client, 'other', '/channels'))[0];
    const answer = await client.call('admin', 'POST', '/tickets', {
      body: { channel: bChannel.ulid, subject: 'x', from_contact: { email: 'a@b.test' }, message: { body: 'x' } },
    });
    assert.equal(answer.status, 422);
    assert.deepEqual(Object.keys(answer.body.errors), ['channel']);
  });
});

describe('messages', () => {
  it('adds a reply to the contact with a reply_sent activity and bumps the timestamps', async () => {
    const ticket = await seedTicket(0);
    const before = await detail(ticket.ulid);
    const answer = await client.call('member', 'POST', `/tickets/${ticket.ulid}/reply`, { body: { body: '<p>On it.</p>' } });
    assert.equal(answer.status, 201);
    const message = answer.body.data;
    assert.equal(message.type, 'outbound');
    assert.equal(message.is_forward, false);
    assert.equal(message.sender.type, 'user');
    assert.equal(message.sender.name, 'Ben Baker');
    assert.equal(message.body_text, 'On it.');
    const after = await detail(ticket.ulid);
    assert.equal(after.messages.length, before.messages.length + 1);
    assert.equal(after.messages.at(-1).ulid, message.ulid);
    assert.equal(after.activities.length, before.activities.length + 1);
    assert.equal(after.activities.at(-1).type, 'reply_sent');
    assert.equal(after.activities.at(-1).user.name, 'Ben Baker');
    assert.ok(after.updated_at > before.updated_at);
    assert.ok(after.last_activity_at > before.last_activity_at);
    assert.equal(after.last_activity_at, message.created_at);
    assert.equal(after.latest_message_preview, 'On it.');
  });

  it('adds a forward (outbound, is_forward) and checks the recipients and source message', async () => {
    const ticket = await seedTicket(1);
    const before = await detail(ticket.ulid);
    const missing = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/forward`, { body: { body: 'FYI' } });
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors), ['to_recipients']);
    const otherTicket = await detail((await seedTicket(2)).ulid);
    const foreign = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/forward`, {
      body: { body: 'FYI', to_recipients: ['x@partner.test'], forwarded_from_message_ulid: otherTicket.messages[0].ulid },
    });
    assert.equal(foreign.status, 422);
    assert.deepEqual(Object.keys(foreign.body.errors), ['forwarded_from_message_ulid']);

    const answer = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/forward`, {
      body: { body: '<p>FYI</p>', to_recipients: ['x@partner.test'], forwarded_from_message_ulid: before.messages[0].ulid },
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.data.type, 'outbound');
    assert.equal(answer.body.data.is_forward, true);
    const after = await detail(ticket.ulid);
    assert.equal(after.activities.at(-1).type, 'ticket_forwarded');
    assert.ok(after.last_activity_at > before.last_activity_at);
  });

  it('adds an internal note with a note_added activity', async () => {
    const ticket = await seedTicket(3);
    const before = await detail(ticket.ulid);
    const answer = await client.call('admin', 'POST', `/tickets/${ticket.ulid}/note`, { body: { body: 'Internal <i>only</i>' } });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.data.type, 'note');
    assert.equal(answer.body.data.send_status, null);
    const after = await detail(ticket.ulid);
    assert.equal(after.activities.at(-1).type, 'note_added');
    assert.equal(after.messages.length, before.messages.length + 1);
    assert.ok(after.updated_at > before.updated_at);
    const found = await allPages(client, 'admin', '/tickets?filter[search]=internal only');
    assert.ok(found.some((t) => t.ulid === ticket.ulid), 'notes are searchable');
  });
});

describe('ticket changes', () => {
  it('changes the status with a status_changed activity', async () => {
    const ticket = await seedTicket(4);
    const target = ticket.status === 'spam' ? 'open' : 'spam';
    const answer = await client.call('member', 'PUT', `/tickets/${ticket.ulid}/status`, { body: { status: target } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.status, target);
    assert.ok(answer.body.data.updated_at > ticket.updated_at);
    assert.equal(answer.body.data.last_activity_at, ticket.last_activity_at);
    const activity = (await detail(ticket.ulid)).activities.at(-1);
    assert.equal(activity.type, 'status_changed');
    assert.deepEqual(activity.properties, { from: ticket.status, to: target });
    const bad = await client.call('member', 'PUT', `/tickets/${ticket.ulid}/status`, { body: { status: 'archived' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.errors), ['status']);
  });

  it('assigns and unassigns a member, refusing users outside the workspace', async () => {
    const ticket = await seedTicket(5);
    const eve = await firstWhere(client, 'admin', '/members', (m) => m.name === 'Eve Ng');
    const assigned = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/assignee`, { body: { assignee_ulid: eve.ulid } });
    assert.equal(assigned.status, 200);
    assert.equal(assigned.body.data.assignee.ulid, eve.ulid);
    const mine = await allPages(client, 'admin', `/tickets?filter[assigned_user_ulid]=${eve.ulid}`);
    assert.ok(mine.some((t) => t.ulid === ticket.ulid));

    const ivan = await firstWhere(client, 'other', '/members', (m) => m.name === 'Ivan Petrov');
    for (const value of [ivan.ulid, '01jzzzzzzzzzzzzzzzzzzzzzzz', 'nope']) {
      const refused = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/assignee`, { body: { assignee_ulid: value } });
      assert.equal(refused.status, 422, value);
      assert.deepEqual(Object.keys(refused.body.errors), ['assignee_ulid']);
    }
    const missing = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/assignee`, { body: {} });
    assert.equal(missing.status, 422);

    const unassigned = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/assignee`, { body: { assignee_ulid: null } });
    assert.equal(unassigned.body.data.assignee, null);
    const types = (await detail(ticket.ulid)).activities.slice(-2).map((a: any) => a.type);
    assert.deepEqual(types, ['assignee_changed', 'assignee_changed']);
  });

  it('assigns and unassigns a team, keeping its member_count', async () => {
    const ticket = await seedTicket(6);
    const team = (await listData(client, 'admin', '/teams'))[0];
    const answer = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/team`, { body: { team_ulid: team.ulid } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.data.assigned_team, team);
    const bTeam = (await listData(client, 'other', '/teams'))[0];
    const refused = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/team`, { body: { team_ulid: bTeam.ulid } });
    assert.equal(refused.status, 422);
    assert.deepEqual(Object.keys(refused.body.errors), ['team_ulid']);
    const cleared = await client.call('admin', 'PUT', `/tickets/${ticket.ulid}/team`, { body: { team_ulid: null } });
    assert.equal(cleared.body.data.assigned_team, null);
    assert.equal((await detail(ticket.ulid)).activities.at(-1).type, 'team_changed');
  });

  it('attaches a tag idempotently and detaches it', async () => {
    const ticket = (await allPages(client, 'admin', '/tickets')).find((t) => t.tags.length === 0);
    const tag = (await listData(client, 'admin', '/tags'))[2];
    const before = await detail(ticket.ulid);
    const first = await client.call('member', 'POST', `/tickets/${ticket.ulid}/tags/${tag.ulid}`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.data.tags, [tag]);
    const second = await client.call('member', 'POST', `/tickets/${ticket.ulid}/tags/${tag.ulid}`);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body.data.tags, [tag]);
    const attached = await detail(ticket.ulid);
    assert.equal(attached.activities.length, before.activities.length + 1);
    assert.equal(attached.activities.at(-1).type, 'tag_added');
    const tagged = await allPages(client, 'admin', `/tickets?filter[tag_ulids]=${tag.ulid}`);
    assert.ok(tagged.some((t) => t.ulid === ticket.ulid));

    const removed = await client.call('member', 'DELETE', `/tickets/${ticket.ulid}/tags/${tag.ulid}`);
    assert.equal(removed.status, 204);
    assert.equal(removed.body, undefined);
    const again = await client.call('member', 'DELETE', `/tickets/${ticket.ulid}/tags/${tag.ulid}`);
    assert.equal(again.status, 204);
    const detached = await detail(ticket.ulid);
    assert.deepEqual(detached.tags, []);
    assert.equal(detached.activities.length, before.activities.length + 2);
    assert.equal(detached.activities.at(-1).type, 'tag_removed');
  });
});

describe('activity log', () => {
  it('paginates 25 per page in id order and ignores per_page', async () => {
    const tickets = await allPages(client, 'admin', '/tickets');
    const counts = await Promise.all(tickets.map(async (t) => ({ t, n: (await detail(t.ulid)).activities.length })));
    const long = counts.find((c) => c.n >= 30);
    assert.ok(long, 'a seed ticket has at least 30 activities');
    const all = (await detail(long.t.ulid)).activities;
    const first = await client.get('admin', `/tickets/${long.t.ulid}/activities?per_page=5`);
    assert.equal(first.status, 200);
    assert.equal(first.body.data.length, 25);
    assert.equal(first.body.meta.per_page, 25);
    assert.equal(first.body.meta.total, all.length);
    assert.equal(first.body.meta.last_page, Math.ceil(all.length / 25));
    assert.equal(new URL(first.body.links.next).searchParams.get('per_page'), '5', 'links keep every parameter');
    const second = await client.get('admin', `/tickets/${long.t.ulid}/activities?page=2`);
    assert.deepEqual([...first.body.data, ...second.body.data], all.slice(0, 25 + second.body.data.length));
    const ids = all.map((a: any) => a.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  });
});
