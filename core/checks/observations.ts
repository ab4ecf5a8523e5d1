// Checks over observations: several exchanges a spec gathered on purpose (every page of a list,
// a burst on one token, a resource from create to delete), judged together by a pure function.
// A single exchange cannot show a second page that repeats an item or a limiter that counts all
// tokens together; an observation can. Each check names the observation kinds it judges and
// returns the same outcomes as a single-exchange check; a failure may point at the exchange
// that shows the bug, which the report prints as its curl reproduction.

import type { Exchange, TokenRole } from '../exchange.js';
import { findingKey, type Finding } from '../findings.js';
import type { OperationModel } from '../spec/model.js';
import { isSkip, skip, type CheckOutcome, type Failure } from './check.js';
import type { CheckResult } from './run-checks.js';
import type { CheckContext } from './context.js';

/** One list read in full: page 1, then every page its `next` link named, in order. */
export interface Listing {
  /** The list operation (also on each exchange; kept here for empty listings). */
  operation: OperationModel;
  /** Pages in the order fetched. An unpaginated list is one exchange. */
  pages: Exchange[];
  /**
   * Why the walk stopped before a `next` of null: a page limit, a failed page, a `next` link
   * that could not be followed. Undefined when the walk reached the end.
   */
  truncated?: string;
}

/** Who called, for filters such as `assigned_to_me` (the `/me` user object, or a part of it). */
export type Caller = Record<string, unknown>;

/** Every page of one list, for the links and the traversal. */
export interface PageWalk {
  kind: 'page-walk';
  listing: Listing;
}

/** The edges of pagination on one list operation; each part optional. */
export interface PageBounds {
  kind: 'page-bounds';
  operation: OperationModel;
  /** Asked without `per_page`. */
  defaultSize?: Exchange;
  /** Asked with the largest `per_page` the contract allows. */
  largest?: Exchange;
  /** Asked with `page`/`per_page` values outside their documented range. */
  outOfRange?: Exchange[];
  /** Asked for a page after the last one. */
  pastEnd?: Exchange;
}

/** Full listings of one operation with different filters (one may have none). */
export interface FilterProbe {
  kind: 'filter-probe';
  operation: OperationModel;
  listings: Listing[];
  caller?: Caller;
  /** Items read by id, by item key (lower-case ulid, else id): for filters over detail fields. */
  details?: Record<string, unknown>;
}

/** Full listings of one operation with different sorts (one may have none: the default). */
export interface SortProbe {
  kind: 'sort-probe';
  operation: OperationModel;
  listings: Listing[];
}

/**
 * Requests on one token as fast as possible: waves sent one after the other, the requests of a
 * wave all at once (a wave of one is a plain sequential request).
 */
export interface RateLimitBurst {
  kind: 'rate-limit-burst';
  role: TokenRole;
  waves: Exchange[][];
  /**
   * The 429 that ended an earlier burst on this token, when this burst was sent after waiting
   * out its Retry-After: the window is then fresh and the full limit is due.
   */
  after?: Exchange;
}

/** A 429, a retry sent well before its Retry-After and one sent just after it. */
export interface RateLimitRetry {
  kind: 'rate-limit-retry';
  throttled: Exchange;
  early?: Exchange;
  late?: Exchange;
}

/** Requests of other tokens sent while one token was throttled. */
export interface RateLimitIsolation {
  kind: 'rate-limit-isolation';
  /** The 429 of the throttled token. */
  throttled: Exchange;
  /** Requests of other tokens (same or other workspace), sent after it and before its window ended. */
  others: Exchange[];
  /** A request on the throttled token sent after the others, still refused. */
  stillThrottled?: Exchange;
}

/** One resource from create through updates to delete; every step optional. */
export interface Lifecycle {
  kind: 'lifecycle';
  caller?: Caller;
  create?: Exchange;
  /** Reads by id right after the create. */
  readsAfterCreate?: Exchange[];
  /** Lists read after the create (with filters that should include or exclude it). */
  listingsAfterCreate?: Listing[];
  updates?: LifecycleUpdate[];
  delete?: Exchange;
  afterDelete?: {
    /** Reads by id. */
    reads?: Exchange[];
    /** Lists that held the item. */
    listings?: Listing[];
    /** Updates of it, and creations of children under it. */
    writes?: Exchange[];
  };
}

export interface LifecycleUpdate {
  /** A read by id just before the update (for fields the update must leave alone). */
  before?: Exchange;
  update: Exchange;
  /** Fresh reads by id after the update. */
  reads?: Exchange[];
  /** Lists read after the update. */
  listings?: Listing[];
}

export type Observation =
  | PageWalk
  | PageBounds
  | FilterProbe
  | SortProbe
  | RateLimitBurst
  | RateLimitRetry
  | RateLimitIsolation
  | Lifecycle;

export type ObservationKind = Observation['kind'];

/** A failure seen across exchanges: `exchange` is the one to show (its curl reproduces the bug). */
export interface ObservationFailure extends Failure {
  exchange?: Exchange;
}

export type ObservationOutcome = CheckOutcome | ObservationFailure | readonly ObservationFailure[];

type Judges = { [K in ObservationKind]?: (observation: Extract<Observation, { kind: K }>, context: CheckContext) => ObservationOutcome };

export interface ObservationCheck {
  id: string;
  description: string;
  /** The observation kinds this check judges; any other kind is a skip. */
  kinds: readonly ObservationKind[];
  run(observation: Observation, context: CheckContext): ObservationOutcome;
}

export function defineObservationCheck(definition: { id: string; description: string; judge: Judges }): ObservationCheck {
  const kinds = Object.keys(definition.judge) as ObservationKind[];
  return {
    id: definition.id,
    description: definition.description,
    kinds,
    run(observation, context) {
      const judge = definition.judge[observation.kind] as ((o: Observation, c: CheckContext) => ObservationOutcome) | undefined;
      if (judge === undefined) return skip(`${definition.id} does not judge ${observation.kind} observations`);
      return judge(observation, context);
    },
  };
}

/** Runs checks on one observation; a check that throws becomes a `check-crashed` finding. */
export function runObservationChecks(
  checks: readonly ObservationCheck[],
  observation: Observation,
  context: CheckContext,
): CheckResult[] {
  return checks.map((check) => runOne(check, observation, context));
}

function runOne(check: ObservationCheck, observation: Observation, context: CheckContext): CheckResult {
  let outcome: ObservationOutcome;
  try {
    outcome = check.run(observation, context);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const where = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : '';
    const exchange = representative(observation);
    const finding: Finding = {
      kind: 'check-crashed',
      checkId: check.id,
      operationKey: operationKeyOf(observation, exchange),
      title: `the check ${check.id} crashed: ${message}`,
      expected: 'the check to return pass, skip or failures',
      actual: where === '' ? message : `${message} (${where})`,
      dedupKey: findingKey(check.id, operationKeyOf(observation, exchange), `crashed ${message}`),
      exchange: exchange ?? placeholderExchange(observation),
    };
    return { checkId: check.id, outcome: 'fail', findings: [finding] };
  }
  if (outcome === null) return { checkId: check.id, outcome: 'pass' };
  if (isSkip(outcome)) return { checkId: check.id, outcome: 'skip', reason: outcome.skipped };
  const failures = (Array.isArray(outcome) ? outcome : [outcome]) as readonly ObservationFailure[];
  if (failures.length === 0) return { checkId: check.id, outcome: 'pass' };
  return { checkId: check.id, outcome: 'fail', findings: failures.map((failure) => toFinding(check.id, observation, failure)) };
}

function toFinding(checkId: string, observation: Observation, failure: ObservationFailure): Finding {
  const exchange = failure.exchange ?? representative(observation) ?? placeholderExchange(observation);
  const operationKey = failure.exchange?.operationKey ?? operationKeyOf(observation, exchange);
  return {
    kind: 'failure',
    checkId,
    operationKey,
    title: failure.title,
    expected: failure.expected,
    actual: failure.actual,
    dedupKey: findingKey(checkId, operationKey, failure.cause ?? failure.title),
    exchange,
    ...(exchange.case?.replay === undefined ? {} : { replay: exchange.case.replay }),
  };
}

/** Every exchange of an observation, in the order gathered. */
export function exchangesOf(observation: Observation): Exchange[] {
  switch (observation.kind) {
    case 'page-walk':
      return observation.listing.pages;
    case 'page-bounds':
      return [observation.defaultSize, observation.largest, ...(observation.outOfRange ?? []), observation.pastEnd].filter(
        (exchange): exchange is Exchange => exchange !== undefined,
      );
    case 'filter-probe':
    case 'sort-probe':
      return observation.listings.flatMap((listing) => listing.pages);
    case 'rate-limit-burst':
      return [...(observation.after === undefined ? [] : [observation.after]), ...observation.waves.flat()];
    case 'rate-limit-retry':
      return [observation.throttled, observation.early, observation.late].filter((exchange): exchange is Exchange => exchange !== undefined);
    case 'rate-limit-isolation':
      return [observation.throttled, ...observation.others, ...(observation.stillThrottled === undefined ? [] : [observation.stillThrottled])];
    case 'lifecycle': {
      const after = observation.afterDelete;
      return [
        ...(observation.create === undefined ? [] : [observation.create]),
        ...(observation.readsAfterCreate ?? []),
        ...(observation.listingsAfterCreate ?? []).flatMap((listing) => listing.pages),
        ...(observation.updates ?? []).flatMap((update) => [
          ...(update.before === undefined ? [] : [update.before]),
          update.update,
          ...(update.reads ?? []),
          ...(update.listings ?? []).flatMap((listing) => listing.pages),
        ]),
        ...(observation.delete === undefined ? [] : [observation.delete]),
        ...(after?.reads ?? []),
        ...(after?.listings ?? []).flatMap((listing) => listing.pages),
        ...(after?.writes ?? []),
      ];
    }
  }
}

// Both also serve the crash report of a check that choked on a malformed observation: they must not throw.
function representative(observation: Observation): Exchange | undefined {
  try {
    return exchangesOf(observation)[0];
  } catch {
    return undefined;
  }
}

function operationKeyOf(observation: Observation, exchange: Exchange | undefined): string {
  try {
    if ('operation' in observation) return observation.operation.key;
    if (observation.kind === 'page-walk') return observation.listing.operation.key;
  } catch {
    // fall through to the exchange or the kind
  }
  return exchange?.operationKey ?? String(observation.kind);
}

/** An observation without any exchange still needs one in its findings: an empty stand-in. */
function placeholderExchange(observation: Observation): Exchange {
  return {
    operationKey: operationKeyOf(observation, undefined),
    request: { method: 'GET', url: '', path: '', query: [], headers: {}, auth: { kind: 'none' } },
    rateLimited: [],
    startedAt: 0,
    error: { kind: 'other', message: 'the observation holds no exchange', durationMs: 0 },
  };
}
