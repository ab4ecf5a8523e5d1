import type { Family } from '../family.js';
import { CONTACT_SELECT } from './present.js';
import { contactRoutes } from './routes.js';
import { contactsDdl } from './schema.js';
import { seedContacts } from './seed.js';

export const contacts: Family = {
  name: 'contacts',
  ddl: contactsDdl,
  seed: seedContacts,
  routes: contactRoutes,
  resolvers: {
    contact: (ulid, request) =>
      request.server.db
        .prepare(`${CONTACT_SELECT} WHERE contacts.ulid = ? AND contacts.workspace_id = ?`)
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
