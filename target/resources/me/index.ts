import type { Family } from '../family.js';
import { meRoutes } from './routes.js';
import { meDdl } from './schema.js';
import { seedIdentity } from './seed.js';

export const me: Family = { name: 'me', ddl: meDdl, seed: seedIdentity, routes: meRoutes };
