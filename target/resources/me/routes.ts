// GET /me: the token's user and the workspace the request resolved to.
import type { FastifyPluginAsync } from 'fastify';
import { presentUser, presentWorkspace } from './present.js';
import type { Row } from '../family.js';

export const meRoutes: FastifyPluginAsync = async (app) => {
  app.get('/me', async (request) => {
    const workspace = app.db.prepare('SELECT * FROM workspaces WHERE id = ?').get(request.caller.workspaceId) as Row;
    return { data: { user: presentUser(request.caller.user), workspace: presentWorkspace(workspace) } };
  });
};
