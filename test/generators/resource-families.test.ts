import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpecText } from '../../core/spec/load-spec.js';
import { resourceFamilies, type ResourceFamily } from '../../generators/resource-families.js';
import { contractSpec } from './_support/checks.js';

const keysOf = (family: ResourceFamily) => Object.fromEntries(Object.entries(family.operations).map(([role, operation]) => [role, operation.key]));

describe('resourceFamilies', () => {
  const families = resourceFamilies(contractSpec());
  const family = (collectionPath: string) => {
    const found = families.find((candidate) => candidate.collectionPath === collectionPath);
    assert.ok(found, `a family at ${collectionPath}`);
    return found;
  };

  it('finds collection and item paths with their CRUD operations', () => {
    assert.deepEqual(keysOf(family('/contacts')), {
      list: 'GET /contacts', create: 'POST /contacts', read: 'GET /contacts/{contact}', update: 'PUT /contacts/{contact}', delete: 'DELETE /contacts/{contact}',
    });
    const contacts = family('/contacts');
    assert.equal(contacts.resource, 'contact');
    assert.equal(contacts.itemParam, 'contact');
    assert.equal(contacts.idPointer, '/data/ulid');
    assert.equal(family('/quick-replies').resource, 'quick_reply');
    assert.deepEqual(Object.keys(family('/channels').operations).sort(), ['list', 'read']);
    assert.equal(family('/me').kind, 'singleton');
  });

  it('nests families under items and keeps actions with their owner', () => {
    const articles = family('/brains/{brain}/articles');
    assert.equal(articles.parent, family('/brains'));
    assert.equal(articles.resource, 'article');
    assert.equal(family('/tickets/{ticket}/activities').parent, family('/tickets'));
    const ticketActions = family('/tickets').actions.map((action) => action.operation.key);
    for (const key of ['POST /tickets/{ticket}/reply', 'POST /tickets/{ticket}/forward', 'POST /tickets/{ticket}/note', 'PUT /tickets/{ticket}/status', 'POST /tickets/{ticket}/tags/{tag}', 'DELETE /tickets/{ticket}/tags/{tag}']) {
      assert.ok(ticketActions.includes(key), `${key} is an action of tickets`);
    }
    assert.deepEqual(family('/members').actions.map((action) => action.operation.key), ['POST /members/invite']);
    assert.ok(!families.some((candidate) => candidate.collectionPath === '/tickets/{ticket}/reply'));
  });

  it('sees relations: tags on tickets, members of teams', () => {
    const ticketTags = family('/tickets/{ticket}/tags');
    assert.equal(ticketTags.kind, 'relation');
    assert.equal(ticketTags.target, family('/tags'));
    assert.deepEqual(keysOf(ticketTags), { attach: 'POST /tickets/{ticket}/tags/{tag}', detach: 'DELETE /tickets/{ticket}/tags/{tag}' });
    const teamMembers = family('/teams/{team}/members');
    assert.equal(teamMembers.kind, 'relation');
    assert.equal(teamMembers.target, family('/members'));
    assert.equal(teamMembers.resource, 'user');
  });

  it('takes the id pointer and follow-up operations from OpenAPI links', () => {
    const spec = loadSpecText(`
openapi: 3.1.0
info: { title: links, version: '1' }
paths:
  /orders:
    post:
      operationId: createOrder
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, properties: { order: { type: object, properties: { number: { type: integer } } } } }
          links:
            read: { operationId: getOrder, parameters: { orderNumber: '$response.body#/order/number' } }
            ship: { $ref: '#/components/links/Ship' }
  /orders/{orderNumber}:
    get:
      operationId: getOrder
      parameters: [{ name: orderNumber, in: path, required: true, schema: { type: integer } }]
      responses: { '200': { description: ok } }
  /shipments/{orderNumber}:
    post:
      operationId: shipOrder
      parameters: [{ name: orderNumber, in: path, required: true, schema: { type: integer } }]
      responses: { '202': { description: accepted } }
components:
  links:
    Ship: { operationId: shipOrder, parameters: { orderNumber: '$response.body#/order/number' } }
`, 'links.yaml');
    const orders = resourceFamilies(spec).find((candidate) => candidate.collectionPath === '/orders')!;
    assert.equal(orders.resource, 'order_number');
    assert.equal(orders.idPointer, '/order/number');
    assert.deepEqual(orders.actions.map((action) => action.operation.key), ['POST /shipments/{orderNumber}']);
  });

  it('refuses something that is not a spec', () => {
    assert.throws(() => resourceFamilies({} as never), /resourceFamilies: expected a spec/);
  });
});
