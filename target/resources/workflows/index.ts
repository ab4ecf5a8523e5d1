// The workflows family: automations with a trigger, conditions and actions.
import type { Family } from '../family.js';
import { resolveWorkflow, workflowRoutes } from './routes.js';
import { workflowsDdl } from './schema.js';
import { seedWorkflows } from './seed.js';

export const workflows: Family = {
  name: 'workflows',
  ddl: workflowsDdl,
  seed: seedWorkflows,
  routes: workflowRoutes,
  resolvers: { workflow: resolveWorkflow },
};
