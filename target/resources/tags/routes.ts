// Tags: listed A→Z; writes are admin only (x-admin-only in the contract); names unique per workspace.
import type { FastifyPluginAsync } from 'fastify';
import type Database from 'better-sqlite3';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { presentTag } from './present.js';

function assertNameFree(db: Database.Database, workspaceId: number, name: string, exceptId?: number): void {
  const clash = db
    .prepare('SELECT id FROM tags WHERE workspace_id = ? AND name = ? AND id IS NOT ?')
    .get(workspaceId, name, exceptId ?? null);
  if (clash) throw new ValidationFailed({ name: ['The name has already been taken.'] });
}

export const tagRoutes: FastifyPluginAsync = async (app) => {
  const byId = app.db.prepare('SELECT * FROM tags WHERE id = ?');
  // Fault `tag-list-cached`: one list per workspace, filled on its first read, never invalidated.
  const cache = new Map<number, Row[]>();

  app.get('/tags', async (request) => {
    const { workspaceId } = request.caller;
    let rows = app.faults.has('tag-list-cached') ? cache.get(workspaceId) : undefined;
    if (rows === undefined) {
      rows = app.db.prepare('SELECT * FROM tags WHERE workspace_id = ? ORDER BY name, id').all(workspaceId) as Row[];
      if (app.faults.has('tag-list-cached')) cache.set(workspaceId, rows);
    }
    const data = rows.map(presentTag);
    if (!app.faults.has('tag-list-with-meta')) return { data };
    // Fault `tag-list-with-meta`: the paginated lists' helper used for a plain list.
    const url = `${request.protocol}://${request.host}${request.url.split('?', 1)[0] ?? ''}?page=1`;
    const meta = { current_page: 1, last_page: 1, per_page: data.length, total: data.length, from: 1, to: data.length };
    return { data, meta, links: { first: url, last: url, prev: null, next: null } };
  });

  app.post('/tags', async (request, reply) => {
    const body = request.body as { name: string; color: string };
    assertNameFree(app.db, request.caller.workspaceId, body.name);
    const result = app.db
      .prepare('INSERT INTO tags (ulid, workspace_id, name, color, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(newUlid(), request.caller.workspaceId, body.name, body.color, nowIso());
    return reply.code(app.faults.has('tag-create-200') ? 200 : 201).send({ data: presentTag(byId.get(result.lastInsertRowid) as Row) });
  });

  app.get('/tags/:tag', async (request) => {
    const tag = presentTag(request.resources.tag as Row);
    // Fault `tag-double-wrapped`: the resource wrapper applied to an already wrapped value.
    return app.faults.has('tag-double-wrapped') ? { data: { data: tag } } : { data: tag };
  });

  app.put('/tags/:tag', async (request) => {
    const tag = request.resources.tag as Row;
    const body = request.body as { name: string; color: string };
    assertNameFree(app.db, request.caller.workspaceId, body.name, tag.id as number);
    app.db.prepare('UPDATE tags SET name = ?, color = ? WHERE id = ?').run(body.name, body.color, tag.id);
    return { data: presentTag(byId.get(tag.id) as Row) };
  });

  app.delete('/tags/:tag', async (request, reply) => {
    // ticket_tags rows go with it (ON DELETE CASCADE): deleting a tag detaches it from tickets.
    app.db.prepare('DELETE FROM tags WHERE id = ?').run((request.resources.tag as Row).id);
    return reply.code(204).send();
  });
};
