// PUT status, assignee and team of a ticket: each updates the ticket, bumps `updated_at` and
// logs an activity.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { isUlid, newUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';
import type { Row } from '../family.js';
import { addActivity, touchTicket, type ActivityType } from './history.js';
import { presentTicket } from './present.js';

export const ticketChangeRoutes: FastifyPluginAsync = async (app) => {
  const reload = (id: unknown) => ({ data: presentTicket(app.db, app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Row) });

  /** Sets one column, logs the change and answers the updated ticket. */
  const change = (
    request: FastifyRequest,
    column: 'status' | 'assignee_id' | 'team_id',
    value: unknown,
    type: ActivityType,
    properties: Record<string, unknown>,
    description: string,
  ) => {
    const ticket = request.resources.ticket as Row;
    const now = nowIso();
    app.db.transaction(() => {
      app.db.prepare(`UPDATE tickets SET ${column} = ? WHERE id = ?`).run(value, ticket.id);
      touchTicket(app.db, ticket.id as number, now, { message: false });
      addActivity(app.db, {
        ulid: newUlid(),
        ticketId: ticket.id as number,
        type,
        userId: request.caller.userId,
        properties,
        description: `${request.caller.user.name} ${description}`,
        at: now,
      });
    })();
    return reload(ticket.id);
  };

  app.put('/tickets/:ticket/status', async (request) => {
    const { status } = request.body as { status: string };
    const from = (request.resources.ticket as Row).status;
    return change(request, 'status', status, 'status_changed', { from, to: status }, `changed the status from ${String(from)} to ${status}`);
  });

  app.put('/tickets/:ticket/assignee', async (request) => {
    const value = (request.body as { assignee_ulid?: string | null }).assignee_ulid ?? null;
    let user: Row | undefined;
    if (value !== null) {
      user = isUlid(value)
        ? (app.db
            .prepare(
              `SELECT users.* FROM users JOIN memberships m ON m.user_id = users.id AND m.workspace_id = ?
               WHERE users.ulid = ?`,
            )
            .get(request.caller.workspaceId, value.toLowerCase()) as Row | undefined)
        : undefined;
      if (!user) throw new ValidationFailed({ assignee_ulid: ['The selected assignee ulid is invalid.'] });
    }
    const properties = { assignee_ulid: user?.ulid ?? null };
    const description = user ? `assigned the ticket to ${String(user.name)}` : 'unassigned the ticket';
    return change(request, 'assignee_id', user?.id ?? null, 'assignee_changed', properties, description);
  });

  app.put('/tickets/:ticket/team', async (request) => {
    const value = (request.body as { team_ulid?: string | null }).team_ulid ?? null;
    let team: Row | undefined;
    if (value !== null) {
      team = isUlid(value)
        ? (app.db
            .prepare('SELECT * FROM teams WHERE ulid = ? AND workspace_id = ?')
            .get(value.toLowerCase(), request.caller.workspaceId) as Row | undefined)
        : undefined;
      if (!team) throw new ValidationFailed({ team_ulid: ['The selected team ulid is invalid.'] });
    }
    const properties = { team_ulid: team?.ulid ?? null };
    const description = team ? `assigned the ticket to the team ${String(team.name)}` : 'removed the team';
    return change(request, 'team_id', team?.id ?? null, 'team_changed', properties, description);
  });
};
