// The quick-replies family: canned answers shared by the workspace.
import type { Family } from '../family.js';
import { quickReplyRoutes, resolveQuickReply } from './routes.js';
import { quickRepliesDdl } from './schema.js';
import { seedQuickReplies } from './seed.js';

export const quickReplies: Family = {
  name: 'quick-replies',
  ddl: quickRepliesDdl,
  seed: seedQuickReplies,
  routes: quickReplyRoutes,
  resolvers: { quickReply: resolveQuickReply },
};
