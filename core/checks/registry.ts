// Every check of the suite, in one place. The README's check table is generated from (or tested
// against) this list, and the specs pick checks from it by id.

import type { Check } from './check.js';
import { authInvalidToken, authRequired, rolePermissions, workspaceHeader, workspaceIsolation } from './access.js';
import { envelope } from './envelope.js';
import { errorBody } from './errors.js';
import { responseHeaders } from './headers.js';
import { unknownRoute, unsupportedMethod } from './routing.js';
import { contentType, responseSchema } from './schema.js';
import { noServerError, responseReceived, statusDocumented } from './status.js';
import { negativeRejected, positiveAccepted, validationErrorFields, validationErrorFormat } from './validation.js';
import { filterSemantics } from './filters.js';
import { createVisibleInList, readAfterWrite, updatePersisted, useAfterDelete } from './lifecycle.js';
import type { ObservationCheck } from './observations.js';
import { paginationBounds, paginationLinks, paginationTraversal } from './pagination.js';
import { rateLimitBurst, rateLimitHeaders, rateLimitIsolation, rateLimitRecovery, rateLimitRetryAfter } from './rate-limit.js';
import { sortOrder } from './sorting.js';

export const CHECKS: readonly Check[] = [
  responseReceived,
  statusDocumented,
  contentType,
  responseSchema,
  responseHeaders,
  envelope,
  noServerError,
  errorBody,
  validationErrorFormat,
  validationErrorFields,
  negativeRejected,
  positiveAccepted,
  authRequired,
  authInvalidToken,
  workspaceHeader,
  workspaceIsolation,
  rolePermissions,
  unsupportedMethod,
  unknownRoute,
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));
if (BY_ID.size !== CHECKS.length) throw new Error('two checks share an id');

/** The checks with these ids, in registry order; an unknown id is one plain sentence. */
export function checksById(ids: readonly string[]): Check[] {
  const unknown = ids.filter((id) => !BY_ID.has(id));
  if (unknown.length > 0) throw new Error(`Unknown check id(s): ${unknown.join(', ')}; known: ${[...BY_ID.keys()].join(', ')}.`);
  return CHECKS.filter((check) => ids.includes(check.id));
}

/**
 * Checks over observations: several exchanges a spec gathered on purpose (every page of a list,
 * a burst on one token, a resource from create to delete), run with `runObservationChecks`.
 */
export const OBSERVATION_CHECKS: readonly ObservationCheck[] = [
  paginationLinks,
  paginationTraversal,
  paginationBounds,
  filterSemantics,
  sortOrder,
  rateLimitBurst,
  rateLimitRetryAfter,
  rateLimitIsolation,
  rateLimitRecovery,
  rateLimitHeaders,
  readAfterWrite,
  updatePersisted,
  useAfterDelete,
  createVisibleInList,
];

const OBSERVATION_BY_ID = new Map(OBSERVATION_CHECKS.map((check) => [check.id, check]));
if (OBSERVATION_BY_ID.size !== OBSERVATION_CHECKS.length || OBSERVATION_CHECKS.some((check) => BY_ID.has(check.id))) {
  throw new Error('two checks share an id');
}

/** The observation checks with these ids, in registry order; an unknown id is one plain sentence. */
export function observationChecksById(ids: readonly string[]): ObservationCheck[] {
  const unknown = ids.filter((id) => !OBSERVATION_BY_ID.has(id));
  if (unknown.length > 0) {
    throw new Error(`Unknown observation check id(s): ${unknown.join(', ')}; known: ${[...OBSERVATION_BY_ID.keys()].join(', ')}.`);
  }
  return OBSERVATION_CHECKS.filter((check) => ids.includes(check.id));
}
