// Workflows: a trigger, conditions and actions, run in `order_column` order per workspace.
export const workflowsDdl = `
CREATE TABLE IF NOT EXISTS workflows (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  trigger_type TEXT NOT NULL,
  trigger_parameters TEXT,
  condition_match_type TEXT NOT NULL,
  is_enabled INTEGER NOT NULL,
  order_column INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workflows_workspace ON workflows (workspace_id, order_column, id);
CREATE TABLE IF NOT EXISTS workflow_conditions (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workflow_id INTEGER NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  parameters TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workflow_conditions_workflow ON workflow_conditions (workflow_id, id);
CREATE TABLE IF NOT EXISTS workflow_actions (
  id INTEGER PRIMARY KEY,
  ulid TEXT NOT NULL UNIQUE,
  workflow_id INTEGER NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  parameters TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workflow_actions_workflow ON workflow_actions (workflow_id, id);
`;

export interface WorkflowRow {
  id: number;
  ulid: string;
  workspace_id: number;
  name: string;
  description: string | null;
  trigger_type: string;
  /** JSON object, or NULL when the trigger has no settings. */
  trigger_parameters: string | null;
  condition_match_type: string;
  is_enabled: number;
  order_column: number;
  created_at: string;
  updated_at: string;
}

/** A row of workflow_conditions or workflow_actions. */
export interface WorkflowStepRow {
  id: number;
  ulid: string;
  workflow_id: number;
  type: string;
  /** JSON object. */
  parameters: string;
}
