import type { Family } from '../family.js';
import { MEMBER_SELECT, memberRoutes } from './routes.js';
import { membersDdl } from './schema.js';
import { seedInvitations } from './seed.js';

export const members: Family = {
  name: 'members',
  ddl: membersDdl,
  seed: seedInvitations,
  routes: memberRoutes,
  resolvers: {
    // A user path parameter names a member of the caller's workspace (members, team membership).
    user: (ulid, request) =>
      request.server.db
        .prepare(`${MEMBER_SELECT} WHERE users.ulid = ? AND memberships.workspace_id = ?`)
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
