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
    ticket: (ulid, request) => {
      // Fault `foreign-ticket-readable`: the show route loads the ticket by ULID alone.
      if (request.server.faults.has('foreign-ticket-readable') && request.method === 'GET' && request.routeOptions.url === '/api/tickets/:ticket') {
        return request.server.db.prepare('SELECT * FROM tickets WHERE ulid = ?').get(ulid) as Record<string, unknown> | undefined;
      }
      return request.server.db
        .prepare('SELECT * FROM tickets WHERE ulid = ? AND workspace_id = ?')
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined;
    },
  },
};
