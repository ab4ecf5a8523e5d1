// `X-Workspace-Id` rules: required for a token with several workspaces, optional for a
// single-workspace token (but then it must name that workspace), always a positive integer.
import type Database from 'better-sqlite3';
import { HttpError } from './errors.js';
import type { Caller, WorkspaceRole } from './types.js';

export function resolveWorkspace(
  db: Database.Database,
  caller: Omit<Caller, 'workspaceId' | 'role'>,
  header: string | string[] | undefined,
  options: { headerRead?: boolean } = {},
): { workspaceId: number; role: WorkspaceRole } {
  let workspaceId: number;
  // Fault `workspace-header-ignored`: the header is never read; the token's first workspace serves.
  if (options.headerRead === false) {
    const first = caller.workspaceIds[0];
    if (first === undefined) throw new HttpError(403, 'This token has no access to any workspace.');
    workspaceId = first;
  } else if (header === undefined) {
    if (caller.workspaceIds.length > 1) {
      throw new HttpError(400, 'The X-Workspace-Id header is required for a token with access to several workspaces.');
    }
    const only = caller.workspaceIds[0];
    if (only === undefined) throw new HttpError(403, 'This token has no access to any workspace.');
    workspaceId = only;
  } else {
    const value = Array.isArray(header) ? header.join(',') : header;
    if (!/^[1-9][0-9]{0,15}$/.test(value.trim())) {
      throw new HttpError(400, 'The X-Workspace-Id header must be a positive integer.');
    }
    workspaceId = Number(value.trim());
    if (!caller.workspaceIds.includes(workspaceId)) {
      throw new HttpError(403, 'This token has no access to the requested workspace.');
    }
  }
  const membership = db
    .prepare('SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?')
    .get(workspaceId, caller.userId) as { role: WorkspaceRole } | undefined;
  if (!membership) throw new HttpError(403, 'This token has no access to the requested workspace.');
  return { workspaceId, role: membership.role };
}
