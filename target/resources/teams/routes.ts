// Teams and their membership; every write is admin only (x-admin-only in the contract).
import type { FastifyPluginAsync } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import type { Row } from '../family.js';
import { presentTeam, TEAM_SELECT } from './present.js';

export const teamRoutes: FastifyPluginAsync = async (app) => {
  const byId = app.db.prepare(`${TEAM_SELECT} WHERE teams.id = ?`);
  const show = (id: unknown) => ({ data: presentTeam(byId.get(id) as Row) });

  app.get('/teams', async (request) => {
    const rows = app.db.prepare(`${TEAM_SELECT} WHERE workspace_id = ? ORDER BY id`).all(request.caller.workspaceId) as Row[];
    return { data: rows.map(presentTeam) };
  });

  app.post('/teams', async (request, reply) => {
    const body = request.body as { name: string; description?: string | null };
    const result = app.db
      .prepare('INSERT INTO teams (ulid, workspace_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(newUlid(), request.caller.workspaceId, body.name, body.description ?? null, nowIso());
    return reply.code(201).send(show(result.lastInsertRowid));
  });

  app.get('/teams/:team', async (request) => show((request.resources.team as Row).id));

  app.put('/teams/:team', async (request) => {
    const team = request.resources.team as Row;
    const body = request.body as Record<string, unknown>;
    const name = 'name' in body ? body.name : team.name;
    const description = 'description' in body ? body.description : team.description;
    app.db.prepare('UPDATE teams SET name = ?, description = ? WHERE id = ?').run(name, description ?? null, team.id);
    return show(team.id);
  });

  app.delete('/teams/:team', async (request, reply) => {
    // Tickets of the team lose it (ON DELETE SET NULL); memberships go with it.
    app.db.prepare('DELETE FROM teams WHERE id = ?').run((request.resources.team as Row).id);
    return reply.code(204).send();
  });

  app.post('/teams/:team/members/:user', async (request) => {
    const team = request.resources.team as Row;
    const user = request.resources.user as Row;
    app.db.prepare('INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)').run(team.id, user.id);
    return show(team.id);
  });

  app.delete('/teams/:team/members/:user', async (request, reply) => {
    const team = request.resources.team as Row;
    const user = request.resources.user as Row;
    app.db.prepare('DELETE FROM team_members WHERE team_id = ? AND user_id = ?').run(team.id, user.id);
    return reply.code(204).send();
  });
};
