// Contacts: paginated list with filters and sorts, create, show, partial update, delete (admin).
import type { FastifyPluginAsync } from 'fastify';
import type Database from 'better-sqlite3';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import { pageValues } from '../../http/list-query.js';
import { paginate } from '../../http/paginate.js';
import { orderBy } from '../../http/sort.js';
import type { Row } from '../family.js';
import { CONTACT_SELECT, presentContact } from './present.js';

const SORTS = { name: 'contacts.name', created_at: 'contacts.created_at', last_activity: 'contacts.last_activity_at' };

function assertEmailFree(db: Database.Database, workspaceId: number, email: string, exceptId?: number): void {
  const clash = db
    .prepare('SELECT id FROM contacts WHERE workspace_id = ? AND email = ? AND id IS NOT ?')
    .get(workspaceId, email, exceptId ?? null);
  if (clash) throw new ValidationFailed({ email: ['The email has already been taken.'] });
}

export const contactRoutes: FastifyPluginAsync = async (app) => {
  const byId = app.db.prepare(`${CONTACT_SELECT} WHERE contacts.id = ?`);

  app.get('/contacts', async (request) => {
    const query = request.validQuery;
    const { faults } = app;
    const where = ['contacts.workspace_id = ?'];
    const params: unknown[] = [request.caller.workspaceId];
    const text = (key: string): string | undefined => {
      const value = query[`filter[${key}]`];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const name = text('name');
    if (name !== undefined) {
      where.push('ci_contains(contacts.name, ?)');
      params.push(name);
    }
    const email = faults.has('contact-email-filter-ignored') ? undefined : text('email');
    if (email !== undefined) {
      where.push('ci_contains(contacts.email, ?)');
      params.push(email);
    }
    const search = text('search');
    if (search !== undefined) {
      // Fault `contact-search-leaks-workspaces`: without the parentheses, `... AND name OR email`.
      const leaks = faults.has('contact-search-leaks-workspaces');
      where.push(leaks ? 'ci_contains(contacts.name, ?) OR ci_contains(contacts.email, ?)' : '(ci_contains(contacts.name, ?) OR ci_contains(contacts.email, ?))');
      params.push(search, search);
    }
    // Fault `contact-sort-descending-ignored`: the sign of the sort value is lost.
    const sort = faults.has('contact-sort-descending-ignored') && typeof query.sort === 'string' ? query.sort.replace(/^-/, '') : query.sort;
    const order = orderBy(sort, SORTS, 'name', 'contacts.id');
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const { total } = app.db.prepare(`SELECT COUNT(*) AS total FROM contacts ${whereSql}`).get(...params) as { total: number };
    const page = paginate(request, { total, ...pageValues(query) });
    const rows = app.db
      .prepare(`${CONTACT_SELECT} ${whereSql} ${order} LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset) as Row[];
    return { data: rows.map(presentContact), meta: page.meta, links: page.links };
  });

  app.post('/contacts', async (request, reply) => {
    const body = request.body as { email: string; name?: string | null; notes?: string | null };
    const email = body.email.toLowerCase();
    assertEmailFree(app.db, request.caller.workspaceId, email);
    const now = nowIso();
    const result = app.db
      .prepare(
        `INSERT INTO contacts (ulid, workspace_id, name, email, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(newUlid(), request.caller.workspaceId, body.name ?? null, email, body.notes ?? null, now, now);
    const created = presentContact(byId.get(result.lastInsertRowid) as Row);
    // Fault `created-contact-other-ulid`: the answer's ULID is generated a second time.
    if (app.faults.has('created-contact-other-ulid')) created.ulid = newUlid();
    return reply.code(201).send({ data: created });
  });

  app.get('/contacts/:contact', async (request) => ({ data: presentContact(request.resources.contact as Row) }));

  app.put('/contacts/:contact', async (request) => {
    const contact = request.resources.contact as Row;
    const body = request.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.toLowerCase() : (contact.email as string);
    if (email !== contact.email) assertEmailFree(app.db, request.caller.workspaceId, email, contact.id as number);
    const name = 'name' in body ? (body.name ?? null) : contact.name;
    const notes = 'notes' in body ? (body.notes ?? null) : contact.notes;
    if (app.faults.has('contact-update-not-saved')) {
      // The answer is the merged input; the UPDATE ran in a transaction that is never committed.
      return { data: presentContact({ ...contact, name, email, notes, updated_at: nowIso() }) };
    }
    app.db
      .prepare('UPDATE contacts SET name = ?, email = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(name, email, notes, nowIso(), contact.id);
    return { data: presentContact(byId.get(contact.id) as Row) };
  });

  app.delete('/contacts/:contact', async (request, reply) => {
    // The contact's tickets go with it (ON DELETE CASCADE), and their messages and activities.
    app.db.prepare('DELETE FROM contacts WHERE id = ?').run((request.resources.contact as Row).id);
    return reply.code(204).send();
  });
};
