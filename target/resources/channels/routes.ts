// Channels are read only through the API (set up in the product UI).
import type { FastifyPluginAsync } from 'fastify';
import type { Row } from '../family.js';
import { presentChannel } from './present.js';

export const channelRoutes: FastifyPluginAsync = async (app) => {
  app.get('/channels', async (request) => {
    const rows = app.db
      .prepare('SELECT * FROM channels WHERE workspace_id = ? ORDER BY id')
      .all(request.caller.workspaceId) as Row[];
    // Fault `channel-list-bare-array`: the list returned without its envelope.
    return app.faults.has('channel-list-bare-array') ? rows.map(presentChannel) : { data: rows.map(presentChannel) };
  });

  app.get('/channels/:channel', async (request) => ({ data: presentChannel(request.resources.channel as Row) }));
};
