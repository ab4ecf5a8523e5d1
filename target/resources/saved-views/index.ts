// The saved-views family: stored ticket filters, personal or shared with the workspace.
import type { Family } from '../family.js';
import { resolveSavedView, savedViewRoutes } from './routes.js';
import { savedViewsDdl } from './schema.js';
import { seedSavedViews } from './seed.js';

export const savedViews: Family = {
  name: 'saved-views',
  ddl: savedViewsDdl,
  seed: seedSavedViews,
  routes: savedViewRoutes,
  resolvers: { savedTicketView: resolveSavedView },
};
