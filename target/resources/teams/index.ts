import type { Family } from '../family.js';
import { teamRoutes } from './routes.js';
import { teamsDdl } from './schema.js';
import { seedTeams } from './seed.js';
import { TEAM_SELECT } from './present.js';

export const teams: Family = {
  name: 'teams',
  ddl: teamsDdl,
  seed: seedTeams,
  routes: teamRoutes,
  resolvers: {
    team: (ulid, request) =>
      request.server.db
        .prepare(`${TEAM_SELECT} WHERE teams.ulid = ? AND teams.workspace_id = ?`)
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
