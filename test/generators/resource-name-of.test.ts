import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceNameOf } from '../../generators/resource-name-of.js';

describe('resourceNameOf', () => {
  it('reads the resource from path parameters, reference fields and filters', () => {
    const cases: Array<[string, 'path' | 'field', string | undefined]> = [
      ['ticket', 'path', 'ticket'],
      ['quickReply', 'path', 'quick_reply'],
      ['savedTicketView', 'path', 'saved_ticket_view'],
      ['petId', 'path', 'pet'],
      ['channel_ulids', 'field', 'channel'],
      ['filter[tag_ulids]', 'field', 'tag'],
      ['filter[assigned_user_ulid]', 'field', 'user'],
      ['assignee_ulid', 'field', 'user'],
      ['team_ulid', 'field', 'team'],
      ['forwarded_from_message_ulid', 'field', 'message'],
      ['channel', 'field', 'channel'],
      ['category_ids', 'field', 'category'],
      ['replies', 'path', 'reply'],
      ['email', 'field', undefined],
      ['subject', 'field', undefined],
      ['filter[status]', 'field', undefined],
    ];
    for (const [name, kind, expected] of cases) assert.equal(resourceNameOf(name, undefined, kind), expected, name);
  });

  it('lets x-references override the name, on the schema or on array items', () => {
    assert.equal(resourceNameOf('owner_ulid', { type: 'string', 'x-references': 'contact' }), 'contact');
    assert.equal(resourceNameOf('watchers', { type: 'array', items: { type: 'string', 'x-references': 'user' } }), 'user');
  });
});
