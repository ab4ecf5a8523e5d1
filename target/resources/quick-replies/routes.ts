// /quick-replies: any member of the workspace may list, create, change and delete them.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import type { Row } from '../family.js';
import { presentQuickReply } from './present.js';
import type { QuickReplyRow } from './schema.js';

interface QuickReplyInput {
  name?: string;
  body?: string;
}

/** Resolves `{quickReply}` within the caller's workspace. */
export function resolveQuickReply(ulid: string, request: FastifyRequest): Row | undefined {
  return request.server.db
    .prepare('SELECT * FROM quick_replies WHERE ulid = ? AND workspace_id = ?')
    .get(ulid, request.caller.workspaceId) as Row | undefined;
}

function quickReplyOf(request: FastifyRequest): QuickReplyRow {
  return request.resources.quickReply as unknown as QuickReplyRow;
}

export const quickReplyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const find = (id: number | bigint): QuickReplyRow =>
    db.prepare('SELECT * FROM quick_replies WHERE id = ?').get(id) as QuickReplyRow;

  app.get('/quick-replies', async (request) => {
    const rows = db
      .prepare('SELECT * FROM quick_replies WHERE workspace_id = ? ORDER BY id')
      .all(request.caller.workspaceId) as QuickReplyRow[];
    return { data: rows.map(presentQuickReply) };
  });

  app.post('/quick-replies', async (request, reply) => {
    const input = request.body as QuickReplyInput;
    const now = nowIso();
    const result = db
      .prepare(
        `INSERT INTO quick_replies (ulid, workspace_id, name, body, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(newUlid(), request.caller.workspaceId, input.name, input.body, now, now);
    return reply.code(201).send({ data: presentQuickReply(find(result.lastInsertRowid)) });
  });

  app.get('/quick-replies/:quickReply', async (request) => ({ data: presentQuickReply(quickReplyOf(request)) }));

  app.put('/quick-replies/:quickReply', async (request) => {
    const current = quickReplyOf(request);
    const input = request.body as QuickReplyInput;
    db.prepare('UPDATE quick_replies SET name = ?, body = ?, updated_at = ? WHERE id = ?').run(
      input.name ?? current.name,
      input.body ?? current.body,
      nowIso(),
      current.id,
    );
    return { data: presentQuickReply(find(current.id)) };
  });

  app.delete('/quick-replies/:quickReply', async (request, reply) => {
    // Fault `quick-reply-delete-kept`: a soft delete that no read honours, so nothing changes.
    if (!app.faults.has('quick-reply-delete-kept')) db.prepare('DELETE FROM quick_replies WHERE id = ?').run(quickReplyOf(request).id);
    return reply.code(204).send();
  });
};
