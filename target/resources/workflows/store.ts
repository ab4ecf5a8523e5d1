// Reads and writes of workflows and their condition and action lists.
import type Database from 'better-sqlite3';
import type { WorkflowSteps } from './present.js';
import type { WorkflowRow, WorkflowStepRow } from './schema.js';

/** A condition or action as a request gives it. */
export interface StepInput {
  type: string;
  parameters?: Record<string, unknown>;
}

/** Every column a create or update writes. */
export interface WorkflowFields {
  name: string;
  description: string | null;
  trigger_type: string;
  trigger_parameters: Record<string, unknown> | null;
  condition_match_type: string;
  is_enabled: boolean;
}

const STEP_TABLES = { conditions: 'workflow_conditions', actions: 'workflow_actions' } as const;

export function findWorkflow(db: Database.Database, id: number): WorkflowRow {
  return db.prepare('SELECT * FROM workflows WHERE id = ?').get(id) as WorkflowRow;
}

export function workflowsOf(db: Database.Database, workspaceId: number): WorkflowRow[] {
  return db
    .prepare('SELECT * FROM workflows WHERE workspace_id = ? ORDER BY order_column, id')
    .all(workspaceId) as WorkflowRow[];
}

export function stepsOf(db: Database.Database, workflowId: number): WorkflowSteps {
  const rows = (table: string): WorkflowStepRow[] =>
    db.prepare(`SELECT * FROM ${table} WHERE workflow_id = ? ORDER BY id`).all(workflowId) as WorkflowStepRow[];
  return { conditions: rows(STEP_TABLES.conditions), actions: rows(STEP_TABLES.actions) };
}

function columns(fields: WorkflowFields): unknown[] {
  return [
    fields.name,
    fields.description,
    fields.trigger_type,
    fields.trigger_parameters === null ? null : JSON.stringify(fields.trigger_parameters),
    fields.condition_match_type,
    fields.is_enabled ? 1 : 0,
  ];
}

/** Inserts a workflow after the workspace's last one (`order_column` = max + 1). */
export function insertWorkflow(
  db: Database.Database,
  row: { ulid: string; workspaceId: number; at: string },
  fields: WorkflowFields,
): number {
  const { next } = db
    .prepare('SELECT COALESCE(MAX(order_column), 0) + 1 AS next FROM workflows WHERE workspace_id = ?')
    .get(row.workspaceId) as { next: number };
  const result = db
    .prepare(
      `INSERT INTO workflows (ulid, workspace_id, name, description, trigger_type, trigger_parameters,
         condition_match_type, is_enabled, order_column, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.ulid, row.workspaceId, ...columns(fields), next, row.at, row.at);
  return Number(result.lastInsertRowid);
}

export function updateWorkflow(db: Database.Database, id: number, fields: WorkflowFields, at: string): void {
  db.prepare(
    `UPDATE workflows SET name = ?, description = ?, trigger_type = ?, trigger_parameters = ?,
       condition_match_type = ?, is_enabled = ?, updated_at = ? WHERE id = ?`,
  ).run(...columns(fields), at, id);
}

/** Replaces the whole condition or action list of a workflow. */
export function replaceSteps(
  db: Database.Database,
  workflowId: number,
  kind: keyof typeof STEP_TABLES,
  steps: readonly StepInput[],
  nextUlid: () => string,
): void {
  const table = STEP_TABLES[kind];
  db.prepare(`DELETE FROM ${table} WHERE workflow_id = ?`).run(workflowId);
  const add = db.prepare(`INSERT INTO ${table} (ulid, workflow_id, type, parameters) VALUES (?, ?, ?, ?)`);
  for (const step of steps) add.run(nextUlid(), workflowId, step.type, JSON.stringify(step.parameters ?? {}));
}
