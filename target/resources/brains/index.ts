// The brains family: AI knowledge bases and their Markdown articles.
import type { Family } from '../family.js';
import { resolveArticle } from './article-routes.js';
import { brainRoutes, resolveBrain } from './routes.js';
import { brainsDdl } from './schema.js';
import { seedBrains } from './seed.js';

export const brains: Family = {
  name: 'brains',
  ddl: brainsDdl,
  seed: seedBrains,
  routes: brainRoutes,
  resolvers: { brain: resolveBrain, article: resolveArticle },
};
