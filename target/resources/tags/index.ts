import type { Family } from '../family.js';
import { tagRoutes } from './routes.js';
import { tagsDdl } from './schema.js';
import { seedTags } from './seed.js';

export const tags: Family = {
  name: 'tags',
  ddl: tagsDdl,
  seed: seedTags,
  routes: tagRoutes,
  resolvers: {
    tag: (ulid, request) =>
      request.server.db
        .prepare('SELECT * FROM tags WHERE ulid = ? AND workspace_id = ?')
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
