// A workflow row with its conditions and actions as the contract's Workflow object.
import type { WorkflowRow, WorkflowStepRow } from './schema.js';

export interface WorkflowSteps {
  conditions: WorkflowStepRow[];
  actions: WorkflowStepRow[];
}

function presentStep(row: WorkflowStepRow): Record<string, unknown> {
  return { id: row.id, ulid: row.ulid, type: row.type, parameters: JSON.parse(row.parameters) as unknown };
}

export function presentWorkflow(row: WorkflowRow, steps: WorkflowSteps): Record<string, unknown> {
  return {
    id: row.id,
    ulid: row.ulid,
    name: row.name,
    description: row.description,
    trigger_type: row.trigger_type,
    trigger_parameters: row.trigger_parameters === null ? null : (JSON.parse(row.trigger_parameters) as unknown),
    condition_match_type: row.condition_match_type,
    is_enabled: row.is_enabled === 1,
    order_column: row.order_column,
    created_at: row.created_at,
    conditions: steps.conditions.map(presentStep),
    actions: steps.actions.map(presentStep),
  };
}
