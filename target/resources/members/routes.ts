// Members of the workspace: list, invite (admin), remove (self, or admin for others; never an owner).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { isUlid, newUlid } from '../../db/ids.js';
import { HttpError, MESSAGES, ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { presentInvitation, presentMember } from './present.js';

export const MEMBER_SELECT = `SELECT users.*, memberships.role AS role FROM users
  JOIN memberships ON memberships.user_id = users.id`;

function authorizeRemoval(request: FastifyRequest): void {
  const target = request.resources.user as Row;
  if (target.role === 'owner') throw new HttpError(403, 'The owner of a workspace cannot be removed.');
  if (target.id !== request.caller.userId && request.caller.role === 'member') {
    throw new HttpError(403, MESSAGES.unauthorized);
  }
}

export const memberRoutes: FastifyPluginAsync = async (app) => {
  app.get('/members', async (request, reply) => {
    const rows = app.db
      .prepare(`${MEMBER_SELECT} WHERE memberships.workspace_id = ? ORDER BY users.name, users.id`)
      .all(request.caller.workspaceId) as Row[];
    const answer = { data: rows.map(presentMember) };
    // Fault `members-text-html`: the JSON goes out through the web layout's content type.
    if (app.faults.has('members-text-html')) return reply.type('text/html; charset=utf-8').send(JSON.stringify(answer));
    return answer;
  });

  app.post('/members/invite', async (request, reply) => {
    const { workspaceId } = request.caller;
    const body = request.body as { email: string; name?: string | null; role: string; channel_ulids?: string[] };
    const email = body.email.toLowerCase();
    const errors: Record<string, string[]> = {};
    const member = app.db
      .prepare(`${MEMBER_SELECT} WHERE memberships.workspace_id = ? AND lower(users.email) = ?`)
      .get(workspaceId, email);
    const invited = app.db
      .prepare('SELECT id FROM invitations WHERE workspace_id = ? AND lower(email) = ?')
      .get(workspaceId, email);
    if (member) errors.email = ['This user is already a member of the workspace.'];
    else if (invited) errors.email = ['This email address has already been invited.'];
    const channelIds: number[] = [];
    (body.channel_ulids ?? []).forEach((ulid, index) => {
      const channel = isUlid(ulid)
        ? (app.db
            .prepare('SELECT id FROM channels WHERE ulid = ? AND workspace_id = ?')
            .get(ulid.toLowerCase(), workspaceId) as { id: number } | undefined)
        : undefined;
      if (channel) channelIds.push(channel.id);
      else errors[`channel_ulids.${index}`] = [`The selected channel_ulids.${index} is invalid.`];
    });
    if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);

    const id = app.db.transaction(() => {
      const result = app.db
        .prepare(
          `INSERT INTO invitations (ulid, workspace_id, email, name, role, invited_by, invited_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(newUlid(), workspaceId, body.email, body.name ?? null, body.role, request.caller.userId, nowIso());
      const link = app.db.prepare('INSERT OR IGNORE INTO invitation_channels (invitation_id, channel_id) VALUES (?, ?)');
      for (const channelId of channelIds) link.run(result.lastInsertRowid, channelId);
      return result.lastInsertRowid;
    })();
    const row = app.db.prepare('SELECT * FROM invitations WHERE id = ?').get(id) as Row;
    return reply.code(201).send({ data: presentInvitation(row) });
  });

  app.delete('/members/:user', { config: { authorize: authorizeRemoval } }, async (request, reply) => {
    const { workspaceId } = request.caller;
    const userId = (request.resources.user as Row).id;
    app.db.transaction(() => {
      app.db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId);
      app.db
        .prepare('DELETE FROM team_members WHERE user_id = ? AND team_id IN (SELECT id FROM teams WHERE workspace_id = ?)')
        .run(userId, workspaceId);
      app.db.prepare('UPDATE tickets SET assignee_id = NULL WHERE workspace_id = ? AND assignee_id = ?').run(workspaceId, userId);
    })();
    return reply.code(204).send();
  });
};
