// What the request pipeline adds to Fastify's request, instance and route config.
import type Database from 'better-sqlite3';
import type { ActiveFaults } from '../faults/active.js';
import type { Row } from '../resources/family.js';

export type WorkspaceRole = 'owner' | 'admin' | 'member';

export interface UserRow {
  id: number;
  ulid: string;
  name: string;
  email: string;
  avatar_url: string | null;
  timezone: string | null;
}

/** The authenticated caller, complete once the workspace step has run. */
export interface Caller {
  tokenId: number;
  userId: number;
  user: UserRow;
  /** Workspaces the token may use (its scope, limited to the user's memberships). */
  workspaceIds: number[];
  /** The workspace this request acts in. */
  workspaceId: number;
  /** The user's role in that workspace. */
  role: WorkspaceRole;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
    faults: ActiveFaults;
  }
  interface FastifyRequest {
    caller: Caller;
    /** Rows named by the path parameters, keyed by parameter name. */
    resources: Record<string, Row>;
    /** The query after deserialising and validating it against openapi.yaml, defaults filled. */
    validQuery: Record<string, unknown>;
  }
  interface FastifyContextConfig {
    /** Finer permission rule than `x-admin-only`; throw `HttpError(403, ...)` to refuse. */
    authorize?: (request: FastifyRequest) => void;
  }
}
