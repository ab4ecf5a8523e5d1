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
