import type { Family } from '../family.js';
import { ticketRoutes } from './routes.js';
import { ticketsDdl } from './schema.js';
import { seedTickets } from './seed.js';

export const tickets: Family = {
  name: 'tickets',
  ddl: ticketsDdl,
  seed: seedTickets,
  routes: ticketRoutes,
  resolvers: {
    ticket: (ulid, request) =>
      request.server.db
        .prepare('SELECT * FROM tickets WHERE ulid = ? AND workspace_id = ?')
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
