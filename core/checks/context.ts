// What a check may know besides the exchange: the spec (its operations and compiled
// validators), facts of the target profile, and what the scenario meant the request to get.
// Checks do no I/O, so everything they need arrives here.

import type { OperationModel } from '../spec/model.js';
import type { TokenRole } from '../exchange.js';
import type { UngroundedReference } from '../../generators/types.js';

/** One schema violation, located in the validated value. */
export interface SchemaIssue {
  /** JSON pointer into the value: `/data/0/status`; `` for the root. */
  instancePath: string;
  message: string;
}

/**
 * The part of a loaded spec the checks use. `spec-for-checks.ts` adapts core/spec's `Spec`;
 * tests may hand-build one.
 */
export interface CheckSpec {
  operations: readonly OperationModel[];
  /**
   * Issues of `body` against the schema documented for (operation, status, media type); []
   * when valid; undefined when that status or media type is not documented.
   */
  validateResponseBody(
    operation: OperationModel,
    status: number,
    mediaType: string,
    body: unknown,
  ): readonly SchemaIssue[] | undefined;
  /**
   * Issues of the response headers (lower-case names, values as received: the spec reads them
   * into the types their schemas ask for) against the headers documented for (operation,
   * status); undefined when the status is not documented. `instancePath` is `/<header name>`.
   */
  validateResponseHeaders(
    operation: OperationModel,
    status: number,
    headers: Readonly<Record<string, string>>,
  ): readonly SchemaIssue[] | undefined;
}

/** The profile facts the checks need (no secrets). */
export interface ProfileFacts {
  rateLimit: { limit: number; windowSeconds: number };
  workspaces: Record<string, number>;
  /** Workspace ids each role's token may use (`pool` stands for every `pool[i]`). */
  roleWorkspaces: Record<TokenRole, readonly number[]>;
  /** Roles whose token is a plain member (no admin rights). */
  memberRoles: readonly TokenRole[];
}

/** What the scenario meant the request to get, when the rules alone cannot tell. */
export type Expectation =
  | 'ok'
  | 'unauthenticated'
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'validation-failed';

export type { UngroundedReference } from '../../generators/types.js';

export interface CheckContext {
  spec: CheckSpec;
  profile: ProfileFacts;
  /** Undefined: the checks derive what they can from the request and the spec. */
  expect?: Expectation;
  /**
   * Ids (ULIDs, or integer ids as strings) known to belong to a workspace the request's
   * token does not target: they must answer 404 by id and never appear in a list.
   */
  foreignIds?: ReadonlySet<string>;
  /** References of this exchange's valid request that the run could not ground (see UngroundedReference). */
  ungrounded?: readonly UngroundedReference[];
}
