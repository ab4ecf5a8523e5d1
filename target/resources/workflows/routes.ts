// /workflows: everyone reads; writing needs admin (`x-admin-only` in openapi.yaml). An update
// changes only the fields sent, and `conditions` or `actions`, when sent, replace the list.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/clock.js';
import { newUlid } from '../../db/ids.js';
import type { Row } from '../family.js';
import { presentWorkflow } from './present.js';
import type { WorkflowRow } from './schema.js';
import {
  findWorkflow,
  insertWorkflow,
  replaceSteps,
  stepsOf,
  updateWorkflow,
  workflowsOf,
  type StepInput,
  type WorkflowFields,
} from './store.js';
import { triggerParametersFor } from './trigger-parameters.js';

interface WorkflowInput {
  name?: string;
  description?: string | null;
  trigger_type?: string;
  trigger_parameters?: Record<string, unknown> | null;
  condition_match_type?: string;
  is_enabled?: boolean;
  conditions?: StepInput[];
  actions?: StepInput[];
}

/** Resolves `{workflow}` within the caller's workspace. */
export function resolveWorkflow(ulid: string, request: FastifyRequest): Row | undefined {
  return request.server.db
    .prepare('SELECT * FROM workflows WHERE ulid = ? AND workspace_id = ?')
    .get(ulid, request.caller.workspaceId) as Row | undefined;
}

function workflowOf(request: FastifyRequest): WorkflowRow {
  return request.resources.workflow as unknown as WorkflowRow;
}

/** The stored trigger settings after an update: new ones, none for a new trigger, or the old. */
function updatedTriggerParameters(current: WorkflowRow, input: WorkflowInput): Record<string, unknown> | null {
  const triggerType = input.trigger_type ?? current.trigger_type;
  if (input.trigger_parameters !== undefined) return triggerParametersFor(triggerType, input.trigger_parameters);
  if (triggerType !== current.trigger_type) return triggerParametersFor(triggerType, undefined);
  return current.trigger_parameters === null
    ? null
    : (JSON.parse(current.trigger_parameters) as Record<string, unknown>);
}

export const workflowRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const present = (row: WorkflowRow) => presentWorkflow(row, stepsOf(db, row.id));

  app.get('/workflows', async (request) => ({ data: workflowsOf(db, request.caller.workspaceId).map(present) }));

  app.post('/workflows', async (request, reply) => {
    const input = request.body as WorkflowInput;
    const triggerType = input.trigger_type ?? 'manual';
    const fields: WorkflowFields = {
      name: input.name ?? '',
      description: input.description ?? null,
      trigger_type: triggerType,
      trigger_parameters: triggerParametersFor(triggerType, input.trigger_parameters),
      condition_match_type: input.condition_match_type ?? 'all',
      is_enabled: input.is_enabled ?? true,
    };
    const id = db.transaction(() => {
      const workflowId = insertWorkflow(
        db,
        { ulid: newUlid(), workspaceId: request.caller.workspaceId, at: nowIso() },
        fields,
      );
      replaceSteps(db, workflowId, 'conditions', input.conditions ?? [], newUlid);
      replaceSteps(db, workflowId, 'actions', input.actions ?? [], newUlid);
      return workflowId;
    })();
    return reply.code(201).send({ data: present(findWorkflow(db, id)) });
  });

  app.get('/workflows/:workflow', async (request) => ({ data: present(workflowOf(request)) }));

  app.put('/workflows/:workflow', async (request) => {
    const current = workflowOf(request);
    const input = request.body as WorkflowInput;
    const fields: WorkflowFields = {
      name: input.name ?? current.name,
      description: input.description === undefined ? current.description : input.description,
      trigger_type: input.trigger_type ?? current.trigger_type,
      trigger_parameters: updatedTriggerParameters(current, input),
      condition_match_type: input.condition_match_type ?? current.condition_match_type,
      is_enabled: input.is_enabled ?? current.is_enabled === 1,
    };
    db.transaction(() => {
      updateWorkflow(db, current.id, fields, nowIso());
      if (input.conditions) replaceSteps(db, current.id, 'conditions', input.conditions, newUlid);
      if (input.actions) replaceSteps(db, current.id, 'actions', input.actions, newUlid);
    })();
    return { data: present(findWorkflow(db, current.id)) };
  });

  app.delete('/workflows/:workflow', async (request, reply) => {
    db.prepare('DELETE FROM workflows WHERE id = ?').run(workflowOf(request).id);
    return reply.code(204).send();
  });
};
