// Walks every operation of openapi.yaml against the reference target, in process: a success case
// for each, then the main error cases (401, 400 workspace header, 403 role, 404 path, 422 body and
// query), and validates every response (status, headers, body) against the contract with the
// suite's own spec engine. Fails when an operation of the spec was never answered with a 2xx.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { loadSpec } from '../../core/spec/load-spec.js';
import type { OperationModel } from '../../core/spec/model.js';
import { buildApp } from '../../target/app.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const spec = loadSpec(root('openapi.yaml'));
const tokens = (parse(readFileSync(root('targets/local.yaml'), 'utf8')) as { tokens: Record<string, unknown> }).tokens as {
  admin: string;
  member: string;
  other: string;
  multi: string;
  pool: string[];
};
const MISSING_ULID = '01jzzzzzzzzzzzzzzzzzzzzzzz';

type Json = Record<string, any>;
interface Call {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

let app: FastifyInstance;
/** Statuses seen per operation key. */
const seen = new Map<string, Set<number>>();

before(async () => {
  app = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
});
after(async () => {
  await app.close();
});

function operation(key: string): OperationModel {
  const found = spec.operation(key);
  assert.ok(found, `openapi.yaml has no operation ${key}`);
  return found;
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    assert.ok(value !== undefined, `no value for path parameter {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}

/** Sends one request and holds the response to the contract; returns status and parsed body. */
async function call(key: string, options: Call = {}): Promise<{ status: number; body: Json }> {
  const op = operation(key);
  const query = new URLSearchParams(options.query ?? {}).toString();
  const url = `/api${fillPath(op.path, options.params ?? {})}${query ? `?${query}` : ''}`;
  const token = options.token === undefined ? tokens.admin : options.token;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await app.inject({
    method: op.method,
    url,
    headers,
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
  const status = response.statusCode;
  const where = `${key} → ${status} ${response.body.slice(0, 300)}`;

  const headersValidator = spec.validators.responseHeaders(op.key, status);
  assert.ok(headersValidator, `${where}: status ${status} is not documented`);
  assert.ok(headersValidator(response.headers as Record<string, string>), `${where}: headers ${JSON.stringify(headersValidator.errors)}`);
  let body: Json = {};
  if (status === 204) {
    assert.equal(response.body, '', `${where}: a 204 has no body`);
  } else {
    const contentType = String(response.headers['content-type'] ?? '');
    assert.match(contentType, /^application\/json/, `${where}: content type ${contentType}`);
    const validate = spec.validators.responseBody(op.key, status, contentType);
    assert.ok(validate, `${where}: no schema for ${status} ${contentType}`);
    body = JSON.parse(response.body) as Json;
    assert.ok(validate(body), `${where}: body ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
  const statuses = seen.get(op.key) ?? new Set<number>();
  statuses.add(status);
  seen.set(op.key, statuses);
  return { status, body };
}

async function expectStatus(expected: number, key: string, options: Call = {}): Promise<Json> {
  const { status, body } = await call(key, options);
  assert.equal(status, expected, `${key}: expected ${expected}, got ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Real ULIDs of workspace A, harvested from the lists; path parameter name → ULID. */
const ids: Record<string, string> = {};

describe('every operation of openapi.yaml, held to the contract', () => {
  test('reads', async () => {
    const me = await expectStatus(200, 'GET /me');
    assert.equal(me.data.workspace.id, 1);
    const first = (body: Json): string => {
      assert.ok(body.data.length > 0, 'seed data has items');
      return body.data[0].ulid as string;
    };
    ids.ticket = first(await expectStatus(200, 'GET /tickets'));
    await expectStatus(200, 'GET /tickets/{ticket}', { params: ids });
    await expectStatus(200, 'GET /tickets/{ticket}/activities', { params: ids });
    ids.contact = first(await expectStatus(200, 'GET /contacts'));
    await expectStatus(200, 'GET /contacts/{contact}', { params: ids });
    ids.tag = first(await expectStatus(200, 'GET /tags'));
    await expectStatus(200, 'GET /tags/{tag}', { params: ids });
    ids.channel = first(await expectStatus(200, 'GET /channels'));
    await expectStatus(200, 'GET /channels/{channel}', { params: ids });
    ids.team = first(await expectStatus(200, 'GET /teams'));
    await expectStatus(200, 'GET /teams/{team}', { params: ids });
    const members = await expectStatus(200, 'GET /members');
    const plainMember = (members.data as Json[]).find((member) => member.role === 'member');
    assert.ok(plainMember, 'workspace A has a plain member');
    ids.user = plainMember.ulid;
    ids.quickReply = first(await expectStatus(200, 'GET /quick-replies'));
    await expectStatus(200, 'GET /quick-replies/{quickReply}', { params: ids });
    ids.savedTicketView = first(await expectStatus(200, 'GET /saved-views'));
    await expectStatus(200, 'GET /saved-views/{savedTicketView}', { params: ids });
    ids.workflow = first(await expectStatus(200, 'GET /workflows'));
    await expectStatus(200, 'GET /workflows/{workflow}', { params: ids });
    ids.brain = first(await expectStatus(200, 'GET /brains'));
    await expectStatus(200, 'GET /brains/{brain}', { params: ids });
    ids.article = first(await expectStatus(200, 'GET /brains/{brain}/articles', { params: ids }));
    await expectStatus(200, 'GET /brains/{brain}/articles/{article}', { params: ids });
  });

  test('ticket writes', async () => {
    const created = await expectStatus(201, 'POST /tickets', {
      body: {
        channel: ids.channel,
        subject: 'Walk: printer on fire',
        from_contact: { email: 'Walker@Example.org', name: 'Walker' },
        message: { body: '<p>It is on fire.</p>' },
      },
    });
    assert.equal(created.data.status, 'open');
    assert.equal(created.data.contact.email, 'walker@example.org');
    const params = { ticket: created.data.ulid as string, tag: ids.tag! };
    await expectStatus(200, 'PUT /tickets/{ticket}/status', { params, body: { status: 'waiting' } });
    await expectStatus(200, 'PUT /tickets/{ticket}/assignee', { params, body: { assignee_ulid: ids.user } });
    await expectStatus(200, 'PUT /tickets/{ticket}/team', { params, body: { team_ulid: ids.team } });
    const reply = await expectStatus(201, 'POST /tickets/{ticket}/reply', { params, body: { body: '<p>On it.</p>' } });
    assert.equal(reply.data.type, 'outbound');
    const forward = await expectStatus(201, 'POST /tickets/{ticket}/forward', {
      params,
      body: { body: '<p>FYI</p>', to_recipients: ['fire@example.net'] },
    });
    assert.equal(forward.data.is_forward, true);
    const note = await expectStatus(201, 'POST /tickets/{ticket}/note', { params, body: { body: 'internal' } });
    assert.equal(note.data.type, 'note');
    const tagged = await expectStatus(200, 'POST /tickets/{ticket}/tags/{tag}', { params });
    assert.ok((tagged.data.tags as Json[]).some((tag) => tag.ulid === ids.tag));
    await expectStatus(204, 'DELETE /tickets/{ticket}/tags/{tag}', { params });
    const detail = await expectStatus(200, 'GET /tickets/{ticket}', { params });
    assert.deepEqual(
      (detail.data.messages as Json[]).map((message) => message.type),
      ['inbound', 'outbound', 'outbound', 'note'],
    );
  });

  test('contacts, tags, teams, members', async () => {
    const contact = await expectStatus(201, 'POST /contacts', { body: { email: 'walk-contact@example.org', name: 'Walk' } });
    const contactParams = { contact: contact.data.ulid as string };
    const updated = await expectStatus(200, 'PUT /contacts/{contact}', { params: contactParams, body: { notes: 'likes tea' } });
    assert.equal(updated.data.name, 'Walk');
    await expectStatus(204, 'DELETE /contacts/{contact}', { params: contactParams });
    await expectStatus(404, 'GET /contacts/{contact}', { params: contactParams });

    const tag = await expectStatus(201, 'POST /tags', { body: { name: 'walk-tag', color: '#12abEF' } });
    const tagParams = { tag: tag.data.ulid as string };
    await expectStatus(200, 'PUT /tags/{tag}', { params: tagParams, body: { name: 'walk-tag-2', color: '#000000' } });
    await expectStatus(204, 'DELETE /tags/{tag}', { params: tagParams });

    const team = await expectStatus(201, 'POST /teams', { body: { name: 'Walkers', description: null } });
    const teamParams = { team: team.data.ulid as string, user: ids.user! };
    await expectStatus(200, 'PUT /teams/{team}', { params: teamParams, body: { description: 'They walk.' } });
    const joined = await expectStatus(200, 'POST /teams/{team}/members/{user}', { params: teamParams });
    assert.equal(joined.data.member_count, 1);
    await expectStatus(204, 'DELETE /teams/{team}/members/{user}', { params: teamParams });
    await expectStatus(204, 'DELETE /teams/{team}', { params: teamParams });

    await expectStatus(201, 'POST /members/invite', { body: { email: 'walk-invite@example.org', role: 'member' } });
    // Self-removal of the last pool token's user: allowed for anyone, and this app is throwaway.
    const leaver = tokens.pool[tokens.pool.length - 1]!;
    const self = await expectStatus(200, 'GET /me', { token: leaver });
    await expectStatus(204, 'DELETE /members/{user}', { token: leaver, params: { user: self.data.user.ulid } });
  });

  test('quick replies, saved views, workflows, brains and articles', async () => {
    const reply = await expectStatus(201, 'POST /quick-replies', { body: { name: 'Walk', body: 'Hello {name}' } });
    const replyParams = { quickReply: reply.data.ulid as string };
    await expectStatus(200, 'PUT /quick-replies/{quickReply}', { params: replyParams, body: { body: 'Hi' } });
    await expectStatus(204, 'DELETE /quick-replies/{quickReply}', { params: replyParams });

    const view = await expectStatus(201, 'POST /saved-views', {
      body: { name: 'Walk view', statuses: ['open', 'waiting'], tag_ulids: [ids.tag], channel_ulids: [ids.channel] },
    });
    const viewParams = { savedTicketView: view.data.ulid as string };
    await expectStatus(200, 'PUT /saved-views/{savedTicketView}', { params: viewParams, body: { assigned_to_me: true } });
    await expectStatus(204, 'DELETE /saved-views/{savedTicketView}', { params: viewParams });

    const workflow = await expectStatus(201, 'POST /workflows', {
      body: {
        name: 'Walk: no reply',
        trigger_type: 'on_no_reply',
        trigger_parameters: { value: 2, unit: 'days' },
        conditions: [{ type: 'subject_contains', parameters: { value: 'walk' } }],
        actions: [{ type: 'set_status', parameters: { status: 'open' } }],
      },
    });
    const workflowParams = { workflow: workflow.data.ulid as string };
    await expectStatus(200, 'PUT /workflows/{workflow}', { params: workflowParams, body: { is_enabled: false } });
    await expectStatus(204, 'DELETE /workflows/{workflow}', { params: workflowParams });

    const brain = await expectStatus(201, 'POST /brains', { body: { name: 'Walk brain' } });
    const brainParams: Record<string, string> = { brain: brain.data.ulid as string };
    await expectStatus(200, 'PUT /brains/{brain}', { params: brainParams, body: { name: 'Walk brain 2', additional_instructions: 'Be brief.' } });
    const article = await expectStatus(201, 'POST /brains/{brain}/articles', { params: brainParams, body: { title: 'Walk', body: '# Walk' } });
    brainParams.article = article.data.ulid as string;
    await expectStatus(200, 'PUT /brains/{brain}/articles/{article}', { params: brainParams, body: { is_public: false } });
    await expectStatus(204, 'DELETE /brains/{brain}/articles/{article}', { params: brainParams });
    await expectStatus(204, 'DELETE /brains/{brain}', { params: brainParams });
  });

  test('every operation: 401 without a token and with an unknown one', async () => {
    for (const op of spec.operations) {
      const params = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name] ?? MISSING_ULID]));
      const body = await expectStatus(401, op.key, { token: null, params });
      assert.equal(body.message, 'Unauthenticated.');
      await expectStatus(401, op.key, { token: '999|not-a-token', params });
    }
  });

  test('every operation: 400 for a multi-workspace token without X-Workspace-Id, 403 for a workspace it cannot use', async () => {
    for (const op of spec.operations) {
      const params = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name] ?? MISSING_ULID]));
      await expectStatus(400, op.key, { token: tokens.multi, params });
      await expectStatus(403, op.key, { token: tokens.multi, params, headers: { 'x-workspace-id': '3' } });
    }
  });

  test('every operation with a path parameter: 404 for an id that does not exist', async () => {
    for (const op of spec.operations) {
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      if (pathParams.length === 0) continue;
      const params = Object.fromEntries(pathParams.map((p) => [p.name, MISSING_ULID]));
      const body = op.requestBody ? {} : undefined;
      await expectStatus(404, op.key, { params, body });
    }
  });

  test('every admin-only operation: 403 for a plain member', async () => {
    const adminOnly = spec.operations.filter((op) => op.extensions['x-admin-only'] === true);
    assert.ok(adminOnly.length >= 15, `expected the admin routes to be marked, found ${adminOnly.length}`);
    for (const op of adminOnly) {
      const params = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name]!]));
      await expectStatus(403, op.key, { token: tokens.member, params, body: op.requestBody ? {} : undefined });
    }
  });

  test('every operation with a body: 422 naming the broken field', async () => {
    for (const op of spec.operations.filter((candidate) => candidate.requestBody)) {
      const params = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name]!]));
      const { body, field } = brokenBody(op);
      const answer = await expectStatus(422, op.key, { params, body });
      assert.ok(field in answer.errors, `${op.key}: errors ${JSON.stringify(answer.errors)} should name ${field}`);
    }
  });

  test('every paginated list: 422 for per_page 0 and 101 and a non-integer page', async () => {
    for (const key of ['GET /tickets', 'GET /contacts']) {
      for (const [name, value] of [['per_page', '0'], ['per_page', '101'], ['page', 'two']] as const) {
        const answer = await expectStatus(422, key, { query: { [name]: value } });
        assert.ok(name in answer.errors);
      }
    }
    const answer = await expectStatus(422, 'GET /tickets/{ticket}/activities', { params: ids, query: { page: '0' } });
    assert.ok('page' in answer.errors);
  });

  test('every operation of the spec was answered with a 2xx', () => {
    assert.equal(spec.operations.length, 60);
    const missing = spec.operations.filter((op) => ![...(seen.get(op.key) ?? [])].some((status) => status >= 200 && status < 300));
    assert.deepEqual(missing.map((op) => op.key), []);
  });
});

/** A body that breaks one field: drops a required one, else gives the first property a wrong type. */
function brokenBody(op: OperationModel): { body: Json; field: string } {
  const schema = op.requestBody!.content['application/json']!.schema as Json;
  const required = (schema.required as string[] | undefined) ?? [];
  if (required.length > 0) return { body: {}, field: required[0]! };
  const [field, property] = Object.entries(schema.properties as Json)[0]!;
  const types = ([] as string[]).concat(property.type ?? []);
  return { body: { [field]: types.includes('string') ? 12345 : 'not-the-right-type' }, field };
}
