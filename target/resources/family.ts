// The shape every resource family folder exports (target/resources/<family>/index.ts), and the
// pieces the app and the database take from it.
import type Database from 'better-sqlite3';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

/** A database row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/**
 * Finds the row a path parameter names, scoped to `request.caller.workspaceId`. Gets the value
 * already checked to be a ULID and lowercased; `undefined` answers 404. Parameters resolve in
 * path order, so a nested resolver can read its parent from `request.resources`.
 */
export type PathResolver = (ulid: string, request: FastifyRequest) => Row | undefined;

/** Deterministic helpers for seed data: the same calls give the same values on every start. */
export interface SeedContext {
  /** The next seed ULID (lowercase; time part stepped from the seed base date). */
  ulid(): string;
  /** The stored timestamp `minutes` after the seed base date 2026-01-05T09:00:00+00:00. */
  at(minutes: number): string;
  /** Deterministic pseudo-random number in [0, 1). */
  random(): number;
  /** Workspace ids: a = "Acme Support", b = "Globex Help", c = "Initech" (no profile token). */
  workspaces: { a: number; b: number; c: number };
}

export interface Family {
  name: string;
  /** `CREATE TABLE IF NOT EXISTS ...` statements of the family's tables. */
  ddl: string;
  /** Inserts the family's seed rows; runs once per database, after the earlier families' seeds. */
  seed(db: Database.Database, context: SeedContext): void;
  /** Registers the family's routes; mounted under the `/api` prefix. */
  routes: FastifyPluginAsync;
  /** Path parameter name (as in openapi.yaml, e.g. `ticket`) → its resolver. */
  resolvers?: Record<string, PathResolver>;
}
