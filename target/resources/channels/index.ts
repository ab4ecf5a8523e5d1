import type { Family } from '../family.js';
import { channelRoutes } from './routes.js';
import { channelsDdl } from './schema.js';
import { seedChannels } from './seed.js';

export const channels: Family = {
  name: 'channels',
  ddl: channelsDdl,
  seed: seedChannels,
  routes: channelRoutes,
  resolvers: {
    channel: (ulid, request) =>
      request.server.db
        .prepare('SELECT * FROM channels WHERE ulid = ? AND workspace_id = ?')
        .get(ulid, request.caller.workspaceId) as Record<string, unknown> | undefined,
  },
};
